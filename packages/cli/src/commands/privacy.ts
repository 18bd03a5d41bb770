import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, compliance } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { printJson } from '../output';
import { CLI_ACTOR, inSystemTransaction, resolveTenant } from '../system-tx';

export interface TPrivacyOptions {
  tenant: string;
  email?: string;
  contact?: string;
  userId?: string;
}

/** Exactly one of --email, --contact, --user-id names the end customer. */
function subjectOf(options: TPrivacyOptions): compliance.TDataSubjectRef {
  const given = [options.email, options.contact, options.userId].filter((v) => v !== undefined);
  if (given.length !== 1) throw new AppError('BAD_REQUEST', 'Name the customer with exactly one of --email, --contact or --user-id.');
  const ref = options.email !== undefined ? { email: options.email } : options.contact !== undefined ? { contactId: options.contact } : { userId: options.userId };
  return compliance.ZDataSubjectRef.parse(ref);
}

/** GDPR 15: the archive on stdout (or in --out, never overwritten), as the app role under RLS. */
export async function privacyExportCommand(options: TPrivacyOptions & { out?: string }): Promise<void> {
  const ref = subjectOf(options);
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const archive = await withTenant(tenant.id, (tx) => compliance.exportDataSubject(tx, tenant.id, CLI_ACTOR, ref), { timeoutMs: 300_000 });
  const counts = {
    contacts: archive.contacts.length,
    conversations: archive.conversations.length,
    messages: archive.conversations.reduce((n, c) => n + c.messages.length, 0),
  };
  if (options.out) {
    const file = path.resolve(options.out);
    await writeFile(file, `${JSON.stringify(archive, null, 2)}\n`, { flag: 'wx' });
    printJson({ ok: true, tenant: { id: tenant.id, slug: tenant.slug }, out: file, counts });
    return;
  }
  printJson({ ok: true, tenant: { id: tenant.id, slug: tenant.slug }, counts, archive });
}

/** GDPR 17: erases the customer and prints the counts (the same counts the audit event keeps). */
export async function privacyEraseCommand(options: TPrivacyOptions): Promise<void> {
  const ref = subjectOf(options);
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const result = await withTenant(tenant.id, (tx) => compliance.eraseDataSubject(tx, tenant.id, CLI_ACTOR, ref), { timeoutMs: 300_000 });
  printJson({ ok: true, tenant: { id: tenant.id, slug: tenant.slug }, ...result });
}

/** Runs the tenant's retention now, in this process (the worker does it hourly). */
export async function retentionRunCommand(options: { tenant: string }): Promise<void> {
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const run = await compliance.runRetention(tenant.id, { kind: 'manual', actor: CLI_ACTOR });
  printJson({ ok: true, tenant: { id: tenant.id, slug: tenant.slug }, run });
}
