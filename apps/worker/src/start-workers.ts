import { Worker, type Job } from 'bullmq';
import { createRedisConnection, QUEUE_NAMES, type TQueueName } from '@vouch/jobs';
import { processAgentJob } from './processors/agent';
import { processAuditJob } from './processors/audit';
import { processKnowledgeJob } from './processors/knowledge';

const PROCESSORS: Record<TQueueName, (job: Job) => Promise<unknown>> = {
  agent: processAgentJob,
  audit: processAuditJob,
  knowledge: processKnowledgeJob,
};

/** One BullMQ worker per queue; processors stay thin and call core. */
export function startWorkers(options: { concurrency: number; lockDurationMs?: number }): Worker[] {
  return QUEUE_NAMES.map((queue) => {
    const worker = new Worker(queue, PROCESSORS[queue], {
      connection: createRedisConnection(),
      concurrency: options.concurrency,
      // A worker that dies holding a job loses its lock; the job is then picked up again.
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: Math.min(30_000, options.lockDurationMs ?? 30_000),
      maxStalledCount: 3,
    });
    worker.on('failed', (job, error) => {
      // Job data may carry customer content: log ids and the error kind only.
      console.error(`[worker] ${queue}/${job?.name ?? '?'} #${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`);
    });
    return worker;
  });
}
