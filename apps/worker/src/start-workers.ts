import { Worker, type Job } from 'bullmq';
import { createRedisConnection, QUEUE_NAMES, type TQueueName } from '@vouch/jobs';
import { processAuditJob } from './processors/audit';

const PROCESSORS: Record<TQueueName, (job: Job) => Promise<unknown>> = {
  audit: processAuditJob,
};

/** One BullMQ worker per queue; processors stay thin and call core. */
export function startWorkers(options: { concurrency: number }): Worker[] {
  return QUEUE_NAMES.map((queue) => {
    const worker = new Worker(queue, PROCESSORS[queue], {
      connection: createRedisConnection(),
      concurrency: options.concurrency,
    });
    worker.on('failed', (job, error) => {
      // Job data may carry customer content: log ids and the error kind only.
      console.error(`[worker] ${queue}/${job?.name ?? '?'} #${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`);
    });
    return worker;
  });
}
