import { z } from 'zod';
import type { Prisma } from './generated/prisma/client';
import { getAppClient } from './client';

export type TenantTx = Prisma.TransactionClient;

const ZUuid = z.uuid();

export interface WithTenantOptions {
  /** Sets app.user_id too, which scopes the users table to the acting user. */
  userId?: string;
  timeoutMs?: number;
}

/**
 * Runs fn in one transaction of the application role with app.tenant_id set for that
 * transaction only (set_config(..., true)), so RLS confines every statement to the tenant.
 */
export async function withTenant<T>(
  tenantId: string,
  fn: (tx: TenantTx) => Promise<T>,
  options: WithTenantOptions = {},
): Promise<T> {
  const tenant = ZUuid.parse(tenantId);
  const user = options.userId === undefined ? '' : ZUuid.parse(options.userId);
  return getAppClient().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenant}, true), set_config('app.user_id', ${user}, true)`;
      return fn(tx);
    },
    { maxWait: 10_000, timeout: options.timeoutMs ?? 30_000 },
  );
}
