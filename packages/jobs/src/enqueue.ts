import { Queue, type JobsOptions } from 'bullmq';
import { getRedis } from './connection';
import { JOBS, parseJobPayload, type TJobName, type TJobPayload, type TQueueName } from './registry';

const queues = new Map<TQueueName, Queue>();

export function getQueue(name: TQueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: getRedis() });
    queues.set(name, queue);
  }
  return queue;
}

const DEFAULT_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Completed jobs are pruned; failed ones stay for the dead-letter view.
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: false,
};

export async function enqueue<N extends TJobName>(
  name: N,
  payload: TJobPayload<N>,
  options: JobsOptions = {},
): Promise<string> {
  const data = parseJobPayload(name, payload);
  const job = await getQueue(JOBS[name].queue).add(name, data, { ...DEFAULT_OPTIONS, ...options });
  return job.id ?? '';
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
