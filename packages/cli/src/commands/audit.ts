import { audit } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { printJson } from '../output';
import { inSystemTransaction, resolveTenant } from '../system-tx';

/** Recomputes the chain as the application role under RLS, the way the product reads it. */
export async function auditVerifyCommand(options: { tenant: string }): Promise<void> {
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const result = await withTenant(tenant.id, (tx) => audit.verify(tx, tenant.id), { timeoutMs: 600_000 });
  printJson({ ...result, tenant: { id: tenant.id, slug: tenant.slug } });
  if (!result.ok) process.exitCode = 1;
}
