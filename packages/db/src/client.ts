import { PrismaClient } from './generated/prisma/client';
import { appDatabaseUrl } from './env';
import { SerialTransactionPg } from './serial-transaction-pg';
import { TENANT_SQL_POOL_MAX } from './with-tenant-sql';

export type { PrismaClient };

const globalForPrisma = globalThis as unknown as { vouchAppClient?: PrismaClient };

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new SerialTransactionPg({ connectionString, max }) });
}

/**
 * The shared client of the application role. Every query through it is subject to RLS, so
 * on its own it sees nothing tenant-owned: use withTenant().
 */
export function getAppClient(): PrismaClient {
  // Cached on globalThis so Next.js hot reload does not open a new pool per edit.
  // With with-tenant-sql's pool the application role uses at most 10 connections per process (docs/performance.md).
  globalForPrisma.vouchAppClient ??= createPrismaClient(appDatabaseUrl(), 10 - TENANT_SQL_POOL_MAX);
  return globalForPrisma.vouchAppClient;
}

export async function disconnectAppClient(): Promise<void> {
  await globalForPrisma.vouchAppClient?.$disconnect();
  globalForPrisma.vouchAppClient = undefined;
}
