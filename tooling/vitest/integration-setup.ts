import path from 'node:path';
import { runMigrations } from '../../packages/db/src/system';
import { loadTestEnv, repoRoot } from './test-env';

export default async function setup(): Promise<void> {
  loadTestEnv();
  const appRole = decodeURIComponent(new URL(process.env.DATABASE_URL ?? '').username);
  await runMigrations({
    ownerUrl: process.env.DATABASE_OWNER_URL ?? '',
    appRole,
    directory: path.join(repoRoot, 'prisma', 'migrations'),
  });
}
