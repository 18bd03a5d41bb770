import { Redis } from 'ioredis';
import { redisUrl } from './env';

let shared: Redis | undefined;

/** BullMQ needs maxRetriesPerRequest: null on connections used by workers. */
export function createRedisConnection(): Redis {
  return new Redis(redisUrl(), { maxRetriesPerRequest: null, lazyConnect: false });
}

/** One connection per process for queues and plain commands (health, rate limits). */
export function getRedis(): Redis {
  shared ??= createRedisConnection();
  return shared;
}

export async function closeRedis(): Promise<void> {
  const connection = shared;
  shared = undefined;
  await connection?.quit().catch(() => connection.disconnect());
}
