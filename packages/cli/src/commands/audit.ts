import path from 'node:path';
import { audit } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { printJson } from '../output';
import { CLI_ACTOR, inSystemTransaction, resolveTenant } from '../system-tx';

/** Recomputes the chain as the application role under RLS, the way the product reads it. */
export async function auditVerifyCommand(options: { tenant: string }): Promise<void> {
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const result = await withTenant(tenant.id, (tx) => audit.verify(tx, tenant.id), { timeoutMs: 600_000 });
  printJson({ ...result, tenant: { id: tenant.id, slug: tenant.slug } });
  if (!result.ok) process.exitCode = 1;
}

/** Exports as the application role under RLS; the files are never overwritten. */
export async function auditExportCommand(options: { tenant: string; out: string; from?: string; to?: string }): Promise<void> {
  const range = audit.ZAuditExportRange.parse({ from: options.from, to: options.to });
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const dir = path.resolve(options.out);
  const started = performance.now();
  const manifest = await withTenant(tenant.id, (tx) => audit.writeAuditExport(tx, tenant.id, dir, range, { actor: CLI_ACTOR }), {
    timeoutMs: 600_000,
  });
  printJson({
    ok: true,
    tenant: { id: tenant.id, slug: tenant.slug },
    dir,
    count: manifest.count,
    range: manifest.range,
    chain: manifest.chain,
    files: manifest.files,
    publicKey: manifest.publicKey.raw,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  });
}

/** Offline: reads only the folder (and an optional pinned public key); never the database. */
export async function auditVerifyExportCommand(dir: string, options: { publicKey?: string }): Promise<void> {
  const { verifyAuditExport } = await import('@vouch/core/audit-export');
  const result = await verifyAuditExport(path.resolve(dir), { publicKey: options.publicKey });
  printJson(result);
  if (!result.ok) process.exitCode = 1;
}
