export { JOBS, QUEUE_NAMES, isJobName, parseJobPayload, type TJobName, type TJobPayload, type TQueueName } from './registry';
export { enqueue, getQueue, closeQueues } from './enqueue';
export { getRedis, createRedisConnection, closeRedis } from './connection';
export { redisUrl } from './env';
