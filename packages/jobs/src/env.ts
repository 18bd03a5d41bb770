import { z } from 'zod';

export function redisUrl(): string {
  const parsed = z.string().regex(/^rediss?:\/\//).safeParse(process.env.REDIS_URL);
  if (!parsed.success) {
    throw new Error('Environment variable REDIS_URL is not set or not a redis:// URL (see .env.example).');
  }
  return parsed.data;
}
