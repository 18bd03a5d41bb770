import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from 'dotenv';
import { z } from 'zod';

export function loadWorkerEnv(): { concurrency: number; lockDurationMs: number } {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  config({ path: path.join(root, '.env'), quiet: true });
  for (const name of ['DATABASE_URL', 'REDIS_URL'] as const) {
    if (!process.env[name]) throw new Error(`Environment variable ${name} is not set (see .env.example).`);
  }
  const concurrency = z.coerce.number().int().min(1).max(64).safeParse(process.env.WORKER_CONCURRENCY ?? '4');
  if (!concurrency.success) throw new Error('Environment variable WORKER_CONCURRENCY must be an integer from 1 to 64.');
  const lock = z.coerce.number().int().min(1000).max(600_000).safeParse(process.env.WORKER_LOCK_MS ?? '30000');
  if (!lock.success) throw new Error('Environment variable WORKER_LOCK_MS must be milliseconds from 1000 to 600000.');
  return { concurrency: concurrency.data, lockDurationMs: lock.data };
}

/** Where audit.export-events writes <tenantId>/<exportId>/; VOUCH_AUDIT_EXPORT_DIR, default in the OS temp dir. */
export function auditExportDir(): string {
  const configured = process.env.VOUCH_AUDIT_EXPORT_DIR;
  if (configured !== undefined && !path.isAbsolute(configured)) {
    throw new Error('Environment variable VOUCH_AUDIT_EXPORT_DIR must be an absolute path.');
  }
  return configured ?? path.join(os.tmpdir(), 'vouch-audit-exports');
}
