export { getAppClient, disconnectAppClient, createPrismaClient, type PrismaClient } from './client';
export { withTenant, type TenantTx, type WithTenantOptions } from './with-tenant';
export { withTenantSql, disconnectTenantSql, type TenantSql } from './with-tenant-sql';
export { appDatabaseUrl, ownerDatabaseUrl, readEnvVar } from './env';
export { Prisma } from './generated/prisma/client';
export * from './generated/prisma/enums';
export type * from './generated/prisma/models';
