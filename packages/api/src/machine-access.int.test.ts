import { randomBytes } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserMemberships, type TVouchSession } from '@vouch/auth';
import { addMember, createTenant } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { appRouter } from './root';
import { createCallerFactory, createTRPCContext, type TContextInput } from './trpc';

const createCaller = createCallerFactory(appRouter);
const suffix = randomBytes(3).toString('hex');
const system = getSystemClient();
let tenantId = '';
let slug = '';
let owner: TVouchSession;
let admin: TVouchSession;

function as(session: TVouchSession | null, extra: Partial<TContextInput> = {}) {
  return createCaller(createTRPCContext({ session, tenantSlug: slug, ip: '203.0.113.5', userAgent: 'vitest', ...extra }));
}

/** An HTTP request through the same fetch adapter the apps mount, with a bearer key. */
async function httpGet(path: string, key: string, peerIp = '203.0.113.5'): Promise<{ status: number; body: any }> {
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(`http://localhost/api/trpc/${path}`, { headers: { authorization: `Bearer ${key}` } }),
    router: appRouter,
    createContext: ({ req }) =>
      createTRPCContext({ session: null, tenantSlug: null, ip: peerIp, userAgent: 'http-test', authorization: req.headers.get('authorization') }),
    onError: () => undefined,
  });
  return { status: response.status, body: await response.json() };
}

async function sessionOf(userId: string, email: string): Promise<TVouchSession> {
  return { user: { id: userId, email, name: null }, memberships: await listUserMemberships(userId), expires: '' };
}

beforeAll(async () => {
  const actor = { type: 'system', name: 'machine-access-test' } as const;
  const created = await system.$transaction((tx) => createTenant(tx, actor, { slug: `keys-${suffix}`, ownerEmail: `keys-owner-${suffix}@example.test` }));
  tenantId = created.tenant.id;
  slug = created.tenant.slug;
  owner = await sessionOf(created.owner.user.id, created.owner.user.email);
  const added = await system.$transaction((tx) => addMember(tx, tenantId, actor, { email: `keys-admin-${suffix}@example.test`, roles: ['admin'] }));
  admin = await sessionOf(added.user.id, added.user.email);
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('API keys', () => {
  it('work over HTTP within their scopes only, and record their last use', async () => {
    const created = await as(owner).apiKeys.create({ name: 'reporting', scopes: ['dashboard.read'] });
    expect(created.key).toMatch(/^vk_[A-Za-z0-9]{12}_/);
    const stored = await system.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    // The secret is everything after the prefix: base64url may itself contain '_'.
    const secret = /^vk_[A-Za-z0-9]{12}_(.+)$/.exec(created.key)![1]!;
    expect(secret.length).toBeGreaterThan(20);
    expect(stored.keyHash).not.toContain(secret);

    const ok = await httpGet('tenant.overview', created.key);
    expect(ok.status).toBe(200);
    expect(ok.body.result.data.json.tenant.slug).toBe(slug);
    const outOfScope = await httpGet('apiKeys.list', created.key);
    expect(outOfScope.status).toBe(403);
    expect((await system.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
  });

  it('refuse unknown, malformed and tampered keys with 401', async () => {
    const created = await as(owner).apiKeys.create({ name: 'tamper', scopes: ['dashboard.read'] });
    const tampered = `${created.key.slice(0, -1)}${created.key.endsWith('A') ? 'B' : 'A'}`;
    for (const key of [tampered, 'vk_nope', `vk_${'a'.repeat(12)}_${'b'.repeat(43)}`]) {
      expect((await httpGet('tenant.overview', key)).status).toBe(401);
    }
  });

  it('rotate with an overlap: the old key works until the overlap ends, then stops', async () => {
    const original = await as(owner).apiKeys.create({ name: 'deploy-bot', scopes: ['dashboard.read'] });
    const { newKey, oldKey } = await as(owner).apiKeys.rotate({ id: original.id, overlapHours: 2 });
    expect(oldKey.replacedById).toBe(newKey.id);
    expect((await httpGet('tenant.overview', original.key)).status).toBe(200);
    expect((await httpGet('tenant.overview', newKey.key)).status).toBe(200);
    // The overlap ends: the old key's expiry passes.
    await system.apiKey.update({ where: { id: original.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await httpGet('tenant.overview', original.key)).status).toBe(401);
    expect((await httpGet('tenant.overview', newKey.key)).status).toBe(200);
    await expect(as(owner).apiKeys.rotate({ id: original.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('stop at once when revoked', async () => {
    const created = await as(owner).apiKeys.create({ name: 'revoke-me', scopes: ['dashboard.read'] });
    await as(owner).apiKeys.revoke({ id: created.id });
    expect((await httpGet('tenant.overview', created.key)).status).toBe(401);
  });

  it('cannot carry more than their creator holds', async () => {
    await expect(as(admin).apiKeys.create({ name: 'sneaky', scopes: ['transcripts.read'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('leave an audit trail of create, rotate and revoke', async () => {
    const actions = (await system.auditEvent.findMany({ where: { tenantId }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['apikey.create', 'apikey.rotate', 'apikey.revoke']));
  });
});

describe('IP allowlist', () => {
  it('refuses to save a list that would lock out the caller', async () => {
    await expect(as(owner, { ip: '198.51.100.1' }).security.updatePolicy({ ipAllowlist: ['203.0.113.0/24'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('refuses sessions and API keys from elsewhere, audits the refusal, and resists spoofed headers', async () => {
    const key = await as(owner).apiKeys.create({ name: 'allowlisted', scopes: ['dashboard.read'] });
    await as(owner).security.updatePolicy({ ipAllowlist: ['203.0.113.0/24', '2001:db8::/32'] });

    await expect(as(owner).tenant.overview()).resolves.toMatchObject({ tenant: { slug } });
    await expect(as(owner, { ip: '2001:db8::7' }).tenant.overview()).resolves.toBeTruthy();
    await expect(as(owner, { ip: '198.51.100.1' }).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await httpGet('tenant.overview', key.key, '198.51.100.1')).status).toBe(403);
    expect((await httpGet('tenant.overview', key.key, '203.0.113.77')).status).toBe(200);

    // A client cannot talk its way in with X-Forwarded-For unless the peer is a trusted proxy.
    await expect(as(owner, { ip: '198.51.100.1', forwardedFor: '203.0.113.9' }).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as(owner).security.updatePolicy({ trustedProxies: ['10.0.0.0/8'] });
    await expect(as(owner, { ip: '10.1.2.3', forwardedFor: '203.0.113.9' }).tenant.overview()).resolves.toBeTruthy();
    await expect(as(owner, { ip: '10.1.2.3', forwardedFor: '198.51.100.1' }).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const refusals = await system.auditEvent.findMany({ where: { tenantId, action: 'security.ip-refused' } });
    expect(refusals.length).toBeGreaterThanOrEqual(3);
    expect(refusals.map((r) => (r.data as { ip: string }).ip)).toContain('198.51.100.1');
  });

  it('records the policy change with before and after', async () => {
    const change = await system.auditEvent.findFirst({ where: { tenantId, action: 'tenant.security-policy-update' }, orderBy: { seq: 'desc' } });
    expect(change?.data).toMatchObject({ after: { trustedProxies: ['10.0.0.0/8'] }, before: { trustedProxies: [] } });
  });
});
