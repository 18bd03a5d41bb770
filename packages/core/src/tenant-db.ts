import type { Prisma, TenantSql, TenantTx } from '@vouch/db';

/**
 * A tenant transaction of either client: Prisma's (`withTenant`) or the thin pg path
 * (`withTenantSql`, the answer path's intake and plain replies). Both run as the application role
 * with app.tenant_id set for the transaction, so RLS confines either.
 */
export type TTenantDb = TenantTx | TenantSql;

function isTenantSql(db: TTenantDb): db is TenantSql {
  return (db as Partial<TenantSql>).kind === 'tenant-sql';
}

/** The rows of a `Prisma.sql` statement (parameters bound, never inlined) on either client. */
export function rawRows<R>(db: TTenantDb, statement: Prisma.Sql): Promise<R[]> {
  return isTenantSql(db) ? db.run<R>(statement) : db.$queryRaw<R[]>(statement);
}
