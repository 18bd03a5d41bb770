import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from 'dotenv';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Integration tests run against the real local Postgres and Redis, on a database of their own
 * (vouch_test by default) so they never touch the demo data.
 */
export function loadTestEnv(): void {
  config({ path: path.join(repoRoot, '.env'), quiet: true });
  const database = process.env.TEST_DATABASE_NAME ?? 'vouch_test';
  for (const name of ['DATABASE_URL', 'DATABASE_OWNER_URL'] as const) {
    const value = process.env[name];
    if (!value) throw new Error(`Environment variable ${name} is not set (see .env.example).`);
    process.env[name] = withDatabase(value, database);
  }
  // Redis database 1, so a running product (database 0) never takes the tests' jobs or vice versa.
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  redis.pathname = `/${process.env.TEST_REDIS_DB ?? '1'}`;
  process.env.REDIS_URL = redis.toString();
}

export { repoRoot };
