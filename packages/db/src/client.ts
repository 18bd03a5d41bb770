import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { appDatabaseUrl } from './env';

export type { PrismaClient };

const globalForPrisma = globalThis as unknown as { vouchAppClient?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

/**
 * The shared client of the application role. Every query through it is subject to RLS, so
 * on its own it sees nothing tenant-owned: use withTenant().
 */
export function getAppClient(): PrismaClient {
  // Cached on globalThis so Next.js hot reload does not open a new pool per edit.
  globalForPrisma.vouchAppClient ??= createPrismaClient(appDatabaseUrl());
  return globalForPrisma.vouchAppClient;
}

export async function disconnectAppClient(): Promise<void> {
  await globalForPrisma.vouchAppClient?.$disconnect();
  globalForPrisma.vouchAppClient = undefined;
}
