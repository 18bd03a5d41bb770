import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserMemberships, type TVouchSession } from '@vouch/auth';
import { addMember, audit, createTenant } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeQueues, closeRedis, getQueue } from '@vouch/jobs';
import { appRouter } from './root';
import { createCallerFactory, createTRPCContext } from './trpc';

const createCaller = createCallerFactory(appRouter);
const suffix = randomBytes(3).toString('hex');
const system = getSystemClient();
const actor = { type: 'system', name: 'audit-router-test' } as const;

interface TSide {
  tenantId: string;
  slug: string;
  auditor: TVouchSession;
  /** A second auditor of the same tenant: not the requester of anyone's export. */
  colleague: TVouchSession;
}
let a: TSide;
let b: TSide;

async function side(name: string): Promise<TSide> {
  const created = await system.$transaction((tx) => createTenant(tx, actor, { slug: `${name}-${suffix}`, ownerEmail: `${name}-owner-${suffix}@example.test` }));
  const added = await system.$transaction((tx) =>
    addMember(tx, created.tenant.id, actor, { email: `${name}-auditor-${suffix}@example.test`, roles: ['auditor'] }),
  );
  const tenantId = created.tenant.id;
  for (let i = 1; i <= 7; i += 1) {
    await withTenant(tenantId, (tx) =>
      audit.record(tx, tenantId, { type: 'user', userId: added.user.id, tenantId, roles: ['auditor'] }, { action: 'test.listed', targetType: 'thing', targetId: `${name}-${i % 3}`, data: { i } }),
    );
  }
  const colleague = await system.$transaction((tx) =>
    addMember(tx, tenantId, actor, { email: `${name}-colleague-${suffix}@example.test`, roles: ['auditor'] }),
  );
  return {
    tenantId,
    slug: created.tenant.slug,
    auditor: { user: { id: added.user.id, email: added.user.email, name: null }, memberships: await listUserMemberships(added.user.id), expires: '' },
    colleague: { user: { id: colleague.user.id, email: colleague.user.email, name: null }, memberships: await listUserMemberships(colleague.user.id), expires: '' },
  };
}

function as(session: TVouchSession, slug: string) {
  return createCaller(createTRPCContext({ session, tenantSlug: slug, ip: '127.0.0.1', userAgent: 'vitest' }));
}

beforeAll(async () => {
  [a, b] = await Promise.all([side('audit-a'), side('audit-b')]);
});

afterAll(async () => {
  await closeQueues();
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('audit.list', () => {
  it('pages newest first by seq cursor without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await as(a.auditor, a.slug).audit.list({ limit: 3, cursor });
      seen.push(...result.events.map((e) => e.seq));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const expected = Array.from({ length: seen.length }, (_, i) => String(seen.length - i));
    expect(seen).toEqual(expected);
    expect(seen.length).toBeGreaterThanOrEqual(7);
  });

  it('filters by action, actor, target and time', async () => {
    const api = as(a.auditor, a.slug);
    const byAction = await api.audit.list({ action: 'test.listed', limit: 50 });
    expect(byAction.events).toHaveLength(7);
    const byTarget = await api.audit.list({ targetId: 'audit-a-1', limit: 50 });
    expect(byTarget.events.map((e) => (e.data as { i: number }).i)).toEqual([7, 4, 1]);
    const byActor = await api.audit.list({ actorId: a.auditor.user.id, limit: 50 });
    expect(byActor.events.length).toBe(7);
    const future = await api.audit.list({ from: new Date(Date.now() + 60_000), limit: 50 });
    expect(future.events).toEqual([]);
  });

  it("never returns another tenant's events, even when asked for its targets or actors", async () => {
    const api = as(a.auditor, a.slug);
    expect((await api.audit.list({ targetId: 'audit-b-1', limit: 50 })).events).toEqual([]);
    expect((await api.audit.list({ actorId: b.auditor.user.id, limit: 50 })).events).toEqual([]);
    const all = await api.audit.list({ limit: 200 });
    expect(all.events.every((e) => !JSON.stringify(e).includes(b.tenantId))).toBe(true);
    // A's auditor cannot read B by naming B's slug.
    await expect(as(a.auditor, b.slug).audit.list({ limit: 5 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('audit.publicKey', () => {
  it('is the per-tenant Ed25519 key the exports are signed with, different per tenant', async () => {
    const keyA = await as(a.auditor, a.slug).audit.publicKey();
    const keyB = await as(b.auditor, b.slug).audit.publicKey();
    expect(keyA.algorithm).toBe('Ed25519');
    expect(Buffer.from(keyA.raw, 'base64')).toHaveLength(32);
    expect(keyA.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(keyA.raw).not.toBe(keyB.raw);
    expect(keyA).toEqual(audit.getAuditPublicKey(a.tenantId));
  });
});

describe('audit export downloads: the requester only, through an expiring signed link', () => {
  const client = { peerIp: '127.0.0.1', forwardedFor: null, userAgent: 'vitest' };
  /** Writes a real export into the storage folder, as the worker does. */
  async function writtenExport(side: TSide): Promise<string> {
    const exportId = randomUUID();
    await withTenant(side.tenantId, (tx) => audit.writeAuditExport(tx, side.tenantId, audit.auditExportDirOf(side.tenantId, exportId), {}));
    return exportId;
  }
  const download = (link: audit.TExportLink, userId: string, now?: number) =>
    withTenant(link.tenantId, (tx) => audit.authorizeExportDownload(tx, link, { ...client, userId }, now), { userId });

  it('serves the requester and records the download', async () => {
    const exportId = await writtenExport(a);
    const link = audit.signExportLink({ tenantId: a.tenantId, exportId, userId: a.auditor.user.id, file: 'manifest.json' });
    expect(link.url).toMatch(new RegExp(`^/audit/exports/${exportId}/manifest.json\\?t=`));
    const parsed = audit.parseExportLink({ exportId, file: 'manifest.json', ...Object.fromEntries(new URL(link.url, 'http://x').searchParams) } as never);
    const allowed = await download(parsed, a.auditor.user.id);
    expect(JSON.parse(await readFile(allowed.path, 'utf8'))).toMatchObject({ tenantId: a.tenantId });
    const events = await withTenant(a.tenantId, (tx) => audit.listAuditEvents(tx, { action: 'audit.export-download', targetId: exportId, limit: 5 }));
    expect(events.events).toHaveLength(1);
    expect(events.events[0]).toMatchObject({ actorId: a.auditor.user.id, ip: '127.0.0.1', userAgent: 'vitest', data: { file: 'manifest.json' } });
  });

  it('refuses another user, another tenant, an expired link and any tampering', async () => {
    const exportId = await writtenExport(a);
    const link = audit.signExportLink({ tenantId: a.tenantId, exportId, userId: a.auditor.user.id, file: 'events.jsonl' });
    const refusal = (promise: Promise<unknown>) => promise.then(() => 'served', (e: audit.ExportLinkError) => e.reason ?? String(e));
    // A colleague with the same role, holding the requester's link.
    expect(await refusal(download(link, a.colleague.user.id))).toBe('not_yours');
    // Another tenant's auditor: not a member of A (the link stays bound to A's tenant).
    expect(await refusal(download(link, b.auditor.user.id))).toBe('not_yours');
    // The same link re-pointed at tenant B, at another export, file, user or expiry: the signature no longer matches.
    expect(await refusal(download({ ...link, tenantId: b.tenantId }, a.auditor.user.id))).toBe('invalid');
    expect(await refusal(download({ ...link, exportId: randomUUID() }, a.auditor.user.id))).toBe('invalid');
    expect(await refusal(download({ ...link, file: 'events.csv' }, a.auditor.user.id))).toBe('invalid');
    expect(await refusal(download({ ...link, userId: a.colleague.user.id }, a.colleague.user.id))).toBe('invalid');
    expect(await refusal(download({ ...link, expires: link.expires + 3_600_000 }, a.auditor.user.id))).toBe('invalid');
    const flipped = `${link.sig.slice(0, -2)}${link.sig.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(await refusal(download({ ...link, sig: flipped }, a.auditor.user.id))).toBe('invalid');
    // Expired: the same valid link, a moment after its expiry.
    expect(await refusal(download(link, a.auditor.user.id, link.expires + 1))).toBe('expired');
    // Malformed parameters never reach the check.
    expect(() => audit.parseExportLink({ exportId, file: '../../etc/passwd', t: a.tenantId, u: a.auditor.user.id, exp: String(link.expires), sig: link.sig })).toThrow(audit.ExportLinkError);
    // None of the refusals was recorded as a download.
    const events = await withTenant(a.tenantId, (tx) => audit.listAuditEvents(tx, { action: 'audit.export-download', targetId: exportId, limit: 5 }));
    expect(events.events).toEqual([]);
    // And the link still works for its owner.
    await expect(download(link, a.auditor.user.id)).resolves.toMatchObject({ file: 'events.jsonl' });
  });

  it('shows export progress and links to the requester only', async () => {
    const { exportId } = await as(a.auditor, a.slug).audit.requestExport({});
    const mine = await as(a.auditor, a.slug).audit.exportStatus({ exportId });
    expect(['queued', 'running', 'done']).toContain(mine.state);
    await expect(as(a.colleague, a.slug).audit.exportStatus({ exportId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(b.auditor, b.slug).audit.exportStatus({ exportId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const requested = await withTenant(a.tenantId, (tx) => audit.listAuditEvents(tx, { action: 'audit.export-request', targetId: exportId, limit: 5 }));
    expect(requested.events).toHaveLength(1);
    await getQueue('audit').remove(`audit-export-${exportId}`);
  });
});
