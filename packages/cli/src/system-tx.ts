import type { TenantTx } from '@vouch/db';
import { getSystemClient } from '@vouch/db/system';
import { AppError } from '@vouch/core';

/** Operator commands are explicit system work: one owner-role transaction each. */
export function inSystemTransaction<T>(fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return getSystemClient().$transaction(fn, { maxWait: 10_000, timeout: 60_000 });
}

export async function resolveTenant(tx: TenantTx, slug: string): Promise<{ id: string; slug: string; name: string }> {
  const tenant = await tx.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tenant) throw new AppError('NOT_FOUND', `No tenant with slug "${slug}".`);
  return tenant;
}

export const CLI_ACTOR = { type: 'system', name: 'cli' } as const;
