import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserMemberships, type TVouchSession } from '@vouch/auth';
import { addMember, audit, createTenant } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
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
  return {
    tenantId,
    slug: created.tenant.slug,
    auditor: { user: { id: added.user.id, email: added.user.email, name: null }, memberships: await listUserMemberships(added.user.id), expires: '' },
  };
}

function as(session: TVouchSession, slug: string) {
  return createCaller(createTRPCContext({ session, tenantSlug: slug, ip: '127.0.0.1', userAgent: 'vitest' }));
}

beforeAll(async () => {
  [a, b] = await Promise.all([side('audit-a'), side('audit-b')]);
});

afterAll(async () => {
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
