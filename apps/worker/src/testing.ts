import { QueueEvents, type Worker } from 'bullmq';
import { afterAll } from 'vitest';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient } from '@vouch/db/system';
import { closeQueues, closeRedis, createRedisConnection, type TQueueName } from '@vouch/jobs';
import { startWorkers } from './start-workers';

/**
 * For integration tests: starts the real workers in this process (only `only`'s worker if named)
 * and a QueueEvents on `queue` to wait for jobs with, and closes them, the queues, Redis and
 * both Prisma clients after the file's tests.
 */
export function useTestWorkers(options: { queue: TQueueName; concurrency: number; only?: string }): { workers: Worker[]; events: QueueEvents } {
  const all = startWorkers({ concurrency: options.concurrency });
  const workers = options.only ? all.filter((w) => w.name === options.only) : all;
  const events = new QueueEvents(options.queue, { connection: createRedisConnection() });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await events.close();
    await closeQueues();
    await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
  });
  return { workers, events };
}
