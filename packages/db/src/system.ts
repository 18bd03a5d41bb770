import { createPrismaClient, type PrismaClient } from './client';
import { ownerDatabaseUrl } from './env';

let systemClient: PrismaClient | undefined;

/**
 * The owner role's client, which bypasses RLS. Only for migrations, seeding and explicitly
 * system work (operator CLI commands); importing it from `@vouch/db/system` keeps each use
 * visible in review.
 */
export function getSystemClient(): PrismaClient {
  systemClient ??= createPrismaClient(ownerDatabaseUrl());
  return systemClient;
}

export async function disconnectSystemClient(): Promise<void> {
  await systemClient?.$disconnect();
  systemClient = undefined;
}

export { runMigrations, type MigrationResult } from './migrate';
