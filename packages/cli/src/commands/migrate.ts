import path from 'node:path';
import { runMigrations } from '@vouch/db/system';
import { appDatabaseUrl, readEnvVar } from '@vouch/db';
import { z } from 'zod';
import { repoRoot } from '../load-env';
import { printJson } from '../output';

export async function migrateCommand(): Promise<void> {
  const ownerUrl = readEnvVar('DATABASE_OWNER_URL', z.string().regex(/^postgres(ql)?:\/\//));
  const appRole = decodeURIComponent(new URL(appDatabaseUrl()).username);
  const result = await runMigrations({
    ownerUrl,
    appRole,
    directory: path.join(repoRoot, 'prisma', 'migrations'),
  });
  printJson({ ok: true, ...result });
}
