import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthOptions, openSsoClientSecret, sessionAccess, listUserMemberships, listUserSignInPolicies, type TVouchSession } from '@vouch/auth';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { addMember } from '../member/add-member';
import { updateTenantSecurityPolicy } from '../security/tenant-security-policy';
import { createTenant } from '../tenant/create-tenant';
import { configureSsoConnection, deleteSsoConnection, getSsoConnection, testSsoConnection } from './manage-sso-connection';
import { signInWithPasswordUnlessSsoOnly } from './sign-in-with-password';
import { signInWithSso } from './sign-in-with-sso';

const PASSWORD = 'correct horse battery staple';
const SECRET = `oidc-client-secret-${randomBytes(12).toString('hex')}`;
const system = { type: 'system', name: 'sso-test' } as const;
const suffix = randomBytes(3).toString('hex');
const local = { allowLoopbackHttp: true };
let tenantA: { id: string; slug: string };
let tenantB: { id: string; slug: string };
let ownerA: TActor;
let ownerB: TActor;
let idp: Server;
let issuer = '';
let counter = 0;

/** A discovery endpoint on loopback: the real fetch path, no network. `/slow` never answers. */
function startDiscovery(): Promise<Server> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url?.startsWith('/slow')) return; // never answers: the timeout must fire
    const self = req.url?.startsWith('/liar') ? 'https://someone-else.example' : req.url?.startsWith('/good') ? `${base}/good` : null;
    if (!self) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ issuer: self, authorization_endpoint: `${self}/auth`, token_endpoint: `${self}/token`, jwks_uri: `${self}/jwks` }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function member(tenantId: string, roles: ('owner' | 'auditor' | 'support_agent')[], email = `sso-${suffix}-${++counter}@example.test`) {
  const added = await getSystemClient().$transaction((tx) => addMember(tx, tenantId, system, { email, roles, password: PASSWORD }));
  return { id: added.user.id, email };
}

const claimsFor = (email: string, extra: Record<string, unknown> = {}) => ({
  iss: issuer,
  sub: `sub-${email}`,
  email,
  email_verified: true,
  amr: ['pwd', 'otp'],
  ...extra,
});
const origin = { ip: '198.51.100.77', userAgent: 'vitest-sso' };

beforeAll(async () => {
  idp = await startDiscovery();
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/good`;
  const db = getSystemClient();
  const a = await db.$transaction((tx) => createTenant(tx, system, { slug: `sso-a-${suffix}`, ownerEmail: `sso-a-owner-${suffix}@example.test` }));
  const b = await db.$transaction((tx) => createTenant(tx, system, { slug: `sso-b-${suffix}`, ownerEmail: `sso-b-owner-${suffix}@example.test` }));
  tenantA = a.tenant;
  tenantB = b.tenant;
  ownerA = { type: 'user', userId: a.owner.user.id, tenantId: tenantA.id, roles: ['owner'], ip: '203.0.113.5', userAgent: 'vitest' };
  ownerB = { type: 'user', userId: b.owner.user.id, tenantId: tenantB.id, roles: ['owner'], ip: '203.0.113.6', userAgent: 'vitest' };
});

afterAll(async () => {
  idp?.close();
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('SSO connection', () => {
  it('refuses password sign-in off before an enabled SSO connection exists', async () => {
    await expect(
      withTenant(tenantA.id, (tx) => updateTenantSecurityPolicy(tx, tenantA.id, ownerA, { passwordLoginEnabled: false }, null)),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', publicMessage: expect.stringContaining('single sign-on') });
  });

  it('validates the issuer: https, or http on loopback for a local console only; discovery must name itself', async () => {
    const configure = (input: { issuer: string }, options = local) =>
      withTenant(tenantA.id, (tx) => configureSsoConnection(tx, tenantA.id, ownerA, { clientId: 'c', clientSecret: 's', enabled: true, ...input }, options));
    await expect(configure({ issuer: 'http://idp.example.com' })).rejects.toMatchObject({ publicMessage: 'The issuer must use https.' });
    await expect(configure({ issuer }, { allowLoopbackHttp: false })).rejects.toMatchObject({ publicMessage: expect.stringContaining('local development console') });
    await expect(configure({ issuer: 'https://user:pw@idp.example.com' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(configure({ issuer: issuer.replace('/good', '/liar') })).rejects.toMatchObject({ publicMessage: expect.stringContaining('calls itself') });
    await expect(configure({ issuer: issuer.replace('/good', '/missing') })).rejects.toMatchObject({ publicMessage: expect.stringContaining('answered 404') });
    await expect(
      withTenant(tenantA.id, (tx) => testSsoConnection(tx, tenantA.id, { issuer: issuer.replace('/good', '/slow') }, { ...local, discoveryTimeoutMs: 300 })),
    ).rejects.toMatchObject({ publicMessage: expect.stringContaining('did not answer within') });
    expect(await withTenant(tenantA.id, (tx) => getSsoConnection(tx, tenantA.id))).toBeNull();
  });

  it('seals the client secret under the tenant key, audits before/after without it, and never returns it', async () => {
    const saved = await withTenant(tenantA.id, (tx) =>
      configureSsoConnection(tx, tenantA.id, ownerA, { issuer: `${issuer}/`, clientId: 'vouch-a', clientSecret: SECRET, enabled: true }, local),
    );
    expect(saved).toMatchObject({ issuer, clientId: 'vouch-a', enabled: true, secretSet: true });
    expect(JSON.stringify(saved)).not.toContain(SECRET);

    const row = await getSystemClient().ssoConnection.findUniqueOrThrow({ where: { tenantId: tenantA.id } });
    expect(row.clientSecretSealed).not.toContain(SECRET);
    expect(row.clientSecretSealed.startsWith('v1.')).toBe(true);
    expect(openSsoClientSecret(tenantA.id, row.clientSecretSealed)).toBe(SECRET);
    // Bound to this tenant: copied to another tenant it does not open.
    expect(() => openSsoClientSecret(tenantB.id, row.clientSecretSealed)).toThrow();

    // Changing the client id keeps the secret; changing the issuer needs it again.
    await withTenant(tenantA.id, (tx) => configureSsoConnection(tx, tenantA.id, ownerA, { issuer, clientId: 'vouch-a2', enabled: true }, local));
    await expect(
      withTenant(tenantA.id, (tx) => configureSsoConnection(tx, tenantA.id, ownerA, { issuer: 'https://other.example', clientId: 'vouch-a2', enabled: false }, local)),
    ).rejects.toMatchObject({ publicMessage: 'The issuer changed: enter the client secret again.' });

    const events = await getSystemClient().auditEvent.findMany({ where: { tenantId: tenantA.id, action: 'sso.configure' }, orderBy: { seq: 'asc' } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: ownerA.type === 'user' ? ownerA.userId : '', ip: '203.0.113.5' });
    expect(events[0]!.data).toEqual({ before: null, after: { issuer, clientId: 'vouch-a', enabled: true }, secretReplaced: true });
    expect(events[1]!.data).toEqual({
      before: { issuer, clientId: 'vouch-a', enabled: true },
      after: { issuer, clientId: 'vouch-a2', enabled: true },
      secretReplaced: false,
    });
    const allData = JSON.stringify(await getSystemClient().auditEvent.findMany({ where: { tenantId: tenantA.id }, select: { data: true } }));
    expect(allData).not.toContain(SECRET);
    expect(allData).not.toContain(row.clientSecretSealed);
  });

  it('is invisible to another tenant (RLS)', async () => {
    expect(await withTenant(tenantB.id, (tx) => getSsoConnection(tx, tenantA.id))).toBeNull();
    expect(await withTenant(tenantB.id, (tx) => tx.ssoConnection.findMany())).toEqual([]);
    expect(await withTenant(tenantB.id, (tx) => tx.ssoConnection.updateMany({ data: { issuer: 'https://evil.example' } }))).toEqual({ count: 0 });
    await expect(withTenant(tenantB.id, (tx) => deleteSsoConnection(tx, tenantB.id, ownerB))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getSystemClient().ssoConnection.count({ where: { tenantId: tenantA.id, issuer } })).toBe(1);
  });

  it('lets password sign-in go off once SSO is enabled, and then keeps SSO from being removed or disabled', async () => {
    const after = await withTenant(tenantA.id, (tx) => updateTenantSecurityPolicy(tx, tenantA.id, ownerA, { passwordLoginEnabled: false }, null));
    expect(after.passwordLoginEnabled).toBe(false);
    await expect(withTenant(tenantA.id, (tx) => deleteSsoConnection(tx, tenantA.id, ownerA))).rejects.toMatchObject({ publicMessage: expect.stringContaining('Turn password sign-in back on') });
    await expect(
      withTenant(tenantA.id, (tx) => configureSsoConnection(tx, tenantA.id, ownerA, { issuer, clientId: 'vouch-a2', enabled: false }, local)),
    ).rejects.toMatchObject({ publicMessage: expect.stringContaining('Turn password sign-in back on') });
  });
});

describe('SSO sign-in', () => {
  const connection = () => ({ tenantId: tenantA.id, tenantSlug: tenantA.slug, issuer });

  it('signs in a member of the tenant: session method sso, audited in that tenant only', async () => {
    const user = await member(tenantA.id, ['support_agent']);
    await getSystemClient().$transaction((tx) => addMember(tx, tenantB.id, system, { email: user.email, roles: ['auditor'] }));
    const outcome = await signInWithSso({ connection: connection(), claims: claimsFor(user.email.toUpperCase()), ...origin });
    expect(outcome).toMatchObject({ kind: 'signed-in', tenantId: tenantA.id, user: { id: user.id } });
    const sessionId = (outcome as { sessionId: string }).sessionId;
    const row = await getSystemClient().userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ method: 'sso', ip: origin.ip });
    expect(row.mfaVerifiedAt).not.toBeNull();
    const inA = await getSystemClient().auditEvent.findMany({ where: { tenantId: tenantA.id, targetId: user.id, action: 'auth.sign-in' } });
    expect(inA).toHaveLength(1);
    expect(inA[0]).toMatchObject({ actorId: user.id, ip: origin.ip, data: { method: 'sso', sessionId, issuer, mfa: 'idp' } });
    expect(await getSystemClient().auditEvent.count({ where: { tenantId: tenantB.id, targetId: user.id, action: 'auth.sign-in' } })).toBe(0);

    // The session is bound to tenant A: tenant B never trusts A's identity provider.
    const access = sessionAccess({ id: tenantA.id }, await listUserMemberships(user.id), await listUserSignInPolicies(user.id));
    expect(access?.memberships.map((m) => m.tenantId)).toEqual([tenantA.id]);
  });

  it('refuses unverified or missing email, a foreign issuer, and non-members (audited, nobody created)', async () => {
    const user = await member(tenantA.id, ['support_agent']);
    const stranger = `stranger-${suffix}@example.test`;
    const bMember = await member(tenantB.id, ['owner']);
    const cases: [Record<string, unknown>, string][] = [
      [claimsFor(user.email, { email_verified: false }), 'email-unverified'],
      [claimsFor(user.email, { email_verified: 'true' }), 'email-unverified'],
      [claimsFor(user.email, { email: undefined }), 'email-missing'],
      [claimsFor(user.email, { iss: 'https://evil.example' }), 'issuer-mismatch'],
      [claimsFor(stranger), 'not-member'],
      // A member of tenant B only: tenant A's IdP cannot vouch for them.
      [claimsFor(bMember.email), 'not-member'],
    ];
    for (const [claims, reason] of cases) {
      expect(await signInWithSso({ connection: connection(), claims: claims as never, ...origin })).toEqual({ kind: 'refused', reason });
    }
    const refusals = await getSystemClient().auditEvent.findMany({ where: { tenantId: tenantA.id, action: 'auth.sign-in-failed', data: { path: ['method'], equals: 'sso' } } });
    expect(refusals.map((e) => (e.data as { reason: string }).reason)).toEqual(expect.arrayContaining(cases.map(([, r]) => r)));
    expect(await getSystemClient().user.count({ where: { email: stranger } })).toBe(0);
  });

  it('accepts a pending invitation for the verified address, creating a password-less account', async () => {
    const email = `invitee-${suffix}@example.test`;
    await getSystemClient().invitation.create({
      data: { tenantId: tenantA.id, email, roles: ['support_agent'], tokenHash: randomBytes(32).toString('hex'), expiresAt: new Date(Date.now() + 3600_000) },
    });
    const outcome = await signInWithSso({ connection: connection(), claims: claimsFor(email), ...origin });
    expect(outcome.kind).toBe('signed-in');
    const user = await getSystemClient().user.findFirstOrThrow({ where: { email } });
    expect(user.passwordHash).toBeNull();
    expect(await getSystemClient().membership.findFirst({ where: { tenantId: tenantA.id, userId: user.id } })).toMatchObject({ roles: ['support_agent'] });
    expect(await getSystemClient().auditEvent.count({ where: { tenantId: tenantA.id, action: 'member.invite-accept', targetType: 'invitation' } })).toBe(1);
  });

  it('asks for enrolment or a code when the tenant requires MFA and the IdP did not assert it', async () => {
    const owner = await member(tenantA.id, ['owner']);
    const signedIn = await signInWithSso({ connection: connection(), claims: claimsFor(owner.email, { amr: ['pwd'] }), ...origin });
    // No authenticator yet: a session whose MFA is unproven, so the console sends them to enrolment.
    expect(signedIn.kind).toBe('signed-in');
    const row = await getSystemClient().userSession.findUniqueOrThrow({ where: { id: (signedIn as { sessionId: string }).sessionId } });
    expect(row.mfaVerifiedAt).toBeNull();

    const options = createAuthOptions({ secret: 'x'.repeat(32), useSecureCookies: false, hooks: {} as never });
    const session = (await options.callbacks!.session!({
      session: { expires: '' },
      token: { sub: owner.id, sid: row.id, sso: { id: tenantA.id, slug: tenantA.slug } },
    } as never)) as TVouchSession;
    expect(session.signIn).toEqual({ method: 'sso', tenantId: tenantA.id, tenantSlug: tenantA.slug });
    expect(session.mfa?.enrolRequired).toBe(true);
    expect(session.memberships).toEqual([]);

    // With an authenticator, the same answer from the IdP leads to the code step instead.
    await getSystemClient().user.update({ where: { id: owner.id }, data: { mfaEnabledAt: new Date(), mfaSecretSealed: 'v1.x.y.z' } });
    const stepUp = await signInWithSso({ connection: connection(), claims: claimsFor(owner.email, { amr: ['pwd'] }), ...origin });
    expect(stepUp.kind).toBe('mfa-required');
  });

  it('refuses a password sign-in when every tenant of the account allows SSO only, without revealing it to a wrong password', async () => {
    const solo = await member(tenantA.id, ['support_agent']);
    const wrong = await signInWithPasswordUnlessSsoOnly({ email: solo.email, password: 'wrong password!!', ip: '198.51.100.90', userAgent: 'vitest' });
    expect(wrong).toEqual({ kind: 'invalid' });
    const right = await signInWithPasswordUnlessSsoOnly({ email: solo.email, password: PASSWORD, ip: '198.51.100.90', userAgent: 'vitest' });
    expect(right).toEqual({ kind: 'sso-required', tenantSlugs: [tenantA.slug] });
    expect(await getSystemClient().userSession.count({ where: { userId: solo.id } })).toBe(0);

    // In tenant B too (password allowed there): signs in, but the session cannot act in A.
    await getSystemClient().$transaction((tx) => addMember(tx, tenantB.id, system, { email: solo.email, roles: ['auditor'] }));
    const both = await signInWithPasswordUnlessSsoOnly({ email: solo.email, password: PASSWORD, ip: '198.51.100.90', userAgent: 'vitest' });
    expect(both.kind).toBe('signed-in');
    const access = sessionAccess(null, await listUserMemberships(solo.id), await listUserSignInPolicies(solo.id));
    expect(access?.memberships.map((m) => m.tenantId)).toEqual([tenantB.id]);
    expect(access?.ssoRequired).toEqual([{ tenantSlug: tenantA.slug, tenantName: expect.any(String) }]);
  });
});
