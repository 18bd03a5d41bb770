import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUserSession, createAuthOptions, generateTotpCode, createSignInLimiter, SIGN_IN_LIMITS, type TSignInOutcome } from '@vouch/auth';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis, getRedis } from '@vouch/jobs';
import { addMember } from '../member/add-member';
import { createTenant } from '../tenant/create-tenant';
import { confirmMfaEnrolment, disableMfa, getAccountSecurity, startMfaEnrolment } from './manage-mfa';
import { listMySessions, revokeAllMySessions, revokeMySession } from './manage-sessions';
import type { TAccountContext } from './record-account-event';
import { signInWithPassword, signInWithSecondFactor } from './sign-in';

const PASSWORD = 'correct horse battery staple';
const system = { type: 'system', name: 'account-test' } as const;
const suffix = randomBytes(3).toString('hex');
let tenantA: { id: string; slug: string };
let tenantB: { id: string; slug: string };
let counter = 0;

/** A fresh user: owner of tenant A and auditor of tenant B, with a known password. */
async function freshUser(): Promise<{ id: string; email: string; ip: string }> {
  const email = `acct-${suffix}-${++counter}-${randomBytes(2).toString('hex')}@example.test`;
  const db = getSystemClient();
  const added = await db.$transaction((tx) => addMember(tx, tenantA.id, system, { email, roles: ['owner'], password: PASSWORD }));
  await db.$transaction((tx) => addMember(tx, tenantB.id, system, { email, roles: ['auditor'] }));
  // A distinct client address per user keeps the per-IP counter out of the way of other tests.
  return { id: added.user.id, email, ip: `198.51.100.${counter}` };
}

const origin = (ip: string) => ({ ip, userAgent: 'vitest-account' });

async function auditActions(tenantId: string, userId: string): Promise<{ action: string; ip: string | null; userAgent: string | null; data: unknown }[]> {
  return getSystemClient().auditEvent.findMany({
    where: { tenantId, targetId: userId },
    orderBy: { seq: 'asc' },
    select: { action: true, ip: true, userAgent: true, data: true },
  });
}

async function codeFor(secret: string, offsetSteps = 0): Promise<string> {
  return generateTotpCode(secret, new Date(Date.now() + offsetSteps * 30_000));
}

/** Enrols the user in MFA through the account functions; returns the secret and recovery codes. */
async function enrol(user: { id: string; email: string; ip: string }) {
  const ctx: TAccountContext = { userId: user.id, email: user.email, sessionId: null, ...origin(user.ip) };
  const { secret } = await startMfaEnrolment(ctx);
  // The previous step: leaves the current one free for the sign-in tests.
  const { recoveryCodes } = await confirmMfaEnrolment(ctx, { code: await codeFor(secret, -1) });
  return { secret, recoveryCodes, ctx };
}

function expectKind<K extends TSignInOutcome['kind']>(outcome: TSignInOutcome, kind: K): Extract<TSignInOutcome, { kind: K }> {
  expect(outcome.kind).toBe(kind);
  return outcome as Extract<TSignInOutcome, { kind: K }>;
}

beforeAll(async () => {
  const db = getSystemClient();
  const a = await db.$transaction((tx) => createTenant(tx, system, { slug: `acct-a-${suffix}`, ownerEmail: `acct-a-owner-${suffix}@example.test` }));
  const b = await db.$transaction((tx) => createTenant(tx, system, { slug: `acct-b-${suffix}`, ownerEmail: `acct-b-owner-${suffix}@example.test` }));
  tenantA = a.tenant;
  tenantB = b.tenant;
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('sign-in without MFA', () => {
  it('creates a session row and audits the sign-in in every tenant of the user, with ip and agent', async () => {
    const user = await freshUser();
    const outcome = expectKind(await signInWithPassword({ email: user.email.toUpperCase(), password: PASSWORD, ...origin(user.ip) }), 'signed-in');
    expect(outcome.user.id).toBe(user.id);
    expect(await checkUserSession(user.id, outcome.sessionId)).toEqual({ active: true, mfaEnabled: false });
    const session = await getSystemClient().userSession.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session).toMatchObject({ userId: user.id, ip: user.ip, userAgent: 'vitest-account', method: 'password', mfaVerifiedAt: null });
    for (const tenant of [tenantA, tenantB]) {
      const events = await auditActions(tenant.id, user.id);
      expect(events.at(-1)).toMatchObject({ action: 'auth.sign-in', ip: user.ip, userAgent: 'vitest-account', data: { method: 'password' } });
    }
  });

  it('audits a wrong password as a failed sign-in and gives no session', async () => {
    const user = await freshUser();
    expectKind(await signInWithPassword({ email: user.email, password: 'wrong password!!', ...origin(user.ip) }), 'invalid');
    expect(await getSystemClient().userSession.count({ where: { userId: user.id } })).toBe(0);
    const events = await auditActions(tenantA.id, user.id);
    expect(events.at(-1)).toMatchObject({ action: 'auth.sign-in-failed', ip: user.ip, data: { reason: 'password', failures: 1 } });
  });
});

describe('sign-in with MFA', () => {
  it('needs a second step; a TOTP code signs in once and its replay is refused', async () => {
    const user = await freshUser();
    const { secret } = await enrol(user);
    const first = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'mfa-required');
    expect(await getSystemClient().userSession.count({ where: { userId: user.id } })).toBe(0);
    const code = await codeFor(secret);
    const signedIn = expectKind(await signInWithSecondFactor({ challenge: first.challenge, code, ...origin(user.ip) }), 'signed-in');
    const row = await getSystemClient().userSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
    expect(row.method).toBe('password+totp');
    expect(row.mfaVerifiedAt).not.toBeNull();
    // The challenge is spent.
    expectKind(await signInWithSecondFactor({ challenge: first.challenge, code, ...origin(user.ip) }), 'challenge-expired');

    // Same code again, with a fresh password step: refused as a replay.
    const second = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'mfa-required');
    expectKind(await signInWithSecondFactor({ challenge: second.challenge, code, ...origin(user.ip) }), 'invalid');
    expect((await auditActions(tenantA.id, user.id)).at(-1)).toMatchObject({ action: 'auth.sign-in-failed', data: { reason: 'totp-replay' } });
    // The next step's code (within the ±1 window) still works.
    expectKind(await signInWithSecondFactor({ challenge: second.challenge, code: await codeFor(secret, 1), ...origin(user.ip) }), 'signed-in');
  });

  it('refuses a wrong code and a challenge that is not ours', async () => {
    const user = await freshUser();
    const { secret } = await enrol(user);
    const step = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'mfa-required');
    const right = await codeFor(secret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expectKind(await signInWithSecondFactor({ challenge: step.challenge, code: wrong, ...origin(user.ip) }), 'invalid');
    expectKind(await signInWithSecondFactor({ challenge: randomBytes(32).toString('base64url'), code: right, ...origin(user.ip) }), 'challenge-expired');
  });

  it('accepts each recovery code once', async () => {
    const user = await freshUser();
    const { recoveryCodes } = await enrol(user);
    expect(recoveryCodes).toHaveLength(10);
    const stored = await getSystemClient().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.recoveryCodeHashes).toHaveLength(10);
    expect(stored.recoveryCodeHashes.join()).not.toContain(recoveryCodes[0]!.replace('-', ''));
    expect(stored.mfaSecretSealed).toMatch(/^v1\./);

    const step = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'mfa-required');
    const ok = expectKind(await signInWithSecondFactor({ challenge: step.challenge, code: recoveryCodes[0]!.toUpperCase(), ...origin(user.ip) }), 'signed-in');
    expect((await getSystemClient().userSession.findUniqueOrThrow({ where: { id: ok.sessionId } })).method).toBe('password+recovery-code');
    expect((await getAccountSecurity({ userId: user.id })).recoveryCodesLeft).toBe(9);
    expect((await auditActions(tenantB.id, user.id)).map((e) => e.action)).toContain('auth.recovery-code-used');

    const again = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'mfa-required');
    expectKind(await signInWithSecondFactor({ challenge: again.challenge, code: recoveryCodes[0]!, ...origin(user.ip) }), 'invalid');
    expectKind(await signInWithSecondFactor({ challenge: again.challenge, code: recoveryCodes[1]!, ...origin(user.ip) }), 'signed-in');
  });

  it('turns MFA off only with a current code, and not while a tenant requires it', async () => {
    const user = await freshUser();
    const { secret, ctx } = await enrol(user);
    await expect(disableMfa(ctx, { code: await codeFor(secret) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await getSystemClient().tenant.update({ where: { id: tenantA.id }, data: { mfaRequired: false } });
    try {
      await expect(disableMfa(ctx, { code: '000000' === (await codeFor(secret)) ? '111111' : '000000' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await disableMfa(ctx, { code: await codeFor(secret) });
    } finally {
      await getSystemClient().tenant.update({ where: { id: tenantA.id }, data: { mfaRequired: true } });
    }
    expect(await getAccountSecurity({ userId: user.id })).toMatchObject({ mfaEnabled: false, recoveryCodesLeft: 0 });
    expect((await auditActions(tenantA.id, user.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['auth.mfa-enrol', 'auth.mfa-disable']));
    expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'signed-in');
  });
});

describe('brute force', () => {
  it('locks the account after 5 failures, even for the right password, with the wait in seconds', async () => {
    const user = await freshUser();
    const attempts: TSignInOutcome[] = [];
    for (let i = 0; i < 5; i++) attempts.push(await signInWithPassword({ email: user.email, password: `wrong-${i}-password`, ...origin(user.ip) }));
    expect(attempts.slice(0, 4).map((a) => a.kind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(attempts[4]).toEqual({ kind: 'rate-limited', retryAfterSeconds: 30 });
    const locked = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'rate-limited');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(30);
    // From another address too: the lock is on the account.
    expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin('203.0.113.250') }), 'rate-limited');
  });

  it('lets the account in again once the lock expires, and doubles the lock per further failure', async () => {
    const limiter = createSignInLimiter(getRedis(), { ...SIGN_IN_LIMITS, baseLockSeconds: 1 });
    const email = `limit-${suffix}-${randomBytes(3).toString('hex')}@example.test`;
    for (let i = 0; i < 4; i++) expect((await limiter.recordFailure(email, '192.0.2.1')).blocked).toBe(false);
    expect(await limiter.recordFailure(email, '192.0.2.1')).toMatchObject({ blocked: true, retryAfterSeconds: 1, accountFailures: 5 });
    expect((await limiter.check(email, '192.0.2.1')).blocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await limiter.check(email, '192.0.2.1')).toEqual({ blocked: false, retryAfterSeconds: 0, reason: null });
    expect(await limiter.recordFailure(email, '192.0.2.1')).toMatchObject({ blocked: true, retryAfterSeconds: 2, accountFailures: 6 });
    await limiter.recordSuccess(email);
    expect((await limiter.check(email, '192.0.2.1')).blocked).toBe(false);
  });

  it('blocks an address after 30 failures across accounts', async () => {
    const limiter = createSignInLimiter(getRedis());
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}-${randomBytes(2).toString('hex')}`;
    for (let i = 0; i < 29; i++) expect((await limiter.recordFailure(`spray-${i}-${ip}@example.test`, ip)).blocked).toBe(false);
    const last = await limiter.recordFailure(`spray-last-${ip}@example.test`, ip);
    expect(last).toMatchObject({ blocked: true, reason: 'ip', ipFailures: 30 });
    expect(await limiter.check(`someone-else-${ip}@example.test`, ip)).toMatchObject({ blocked: true, reason: 'ip' });
    expect((await limiter.check(`someone-else-${ip}@example.test`, '192.0.2.254')).blocked).toBe(false);
  });

  it('raises one security alert and audit event per tenant on a spike of failures', async () => {
    const user = await freshUser();
    for (let i = 0; i < 12; i++) await signInWithPassword({ email: user.email, password: `spike-${i}-password`, ...origin(user.ip) });
    for (const tenant of [tenantA, tenantB]) {
      const alerts = await getSystemClient().securityAlert.findMany({ where: { tenantId: tenant.id, kind: 'sign_in_spike' } });
      const mine = alerts.filter((a) => (a.detail as { userId?: string }).userId === user.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.detail).toMatchObject({ failures: 10, lastIp: user.ip });
      const actions = (await auditActions(tenant.id, user.id)).map((e) => e.action);
      expect(actions.filter((a) => a === 'auth.sign-in-spike')).toHaveLength(1);
      expect(actions.filter((a) => a === 'auth.sign-in-failed')).toHaveLength(12);
    }
  });
});

describe('sessions', () => {
  const options = createAuthOptions({
    secret: 'x'.repeat(32),
    useSecureCookies: false,
    hooks: { signInWithPassword, signInWithSecondFactor },
  });
  const readSession = (userId: string, sid: string | undefined) =>
    options.callbacks!.session!({ session: { user: {}, expires: '' }, token: { sub: userId, sid }, user: undefined as never, newSession: undefined, trigger: 'update' });

  it('lists my sessions, revokes one (it then reads as signed out) and signs out everywhere', async () => {
    const user = await freshUser();
    const a = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'signed-in');
    const b = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ip: '203.0.113.7', userAgent: 'other browser' }), 'signed-in');
    const c = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'signed-in');
    const ctx: TAccountContext = { userId: user.id, email: user.email, sessionId: a.sessionId, ...origin(user.ip) };

    const listed = await listMySessions(ctx);
    expect(listed.map((s) => s.id).sort()).toEqual([a.sessionId, b.sessionId, c.sessionId].sort());
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([a.sessionId]);
    await expect(readSession(user.id, b.sessionId)).resolves.toMatchObject({ sessionId: b.sessionId });

    expect(await revokeMySession(ctx, { sessionId: b.sessionId })).toEqual({ current: false });
    await expect(readSession(user.id, b.sessionId)).rejects.toThrow('SessionRevoked');
    await expect(revokeMySession(ctx, { sessionId: b.sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listMySessions(ctx)).map((s) => s.id)).not.toContain(b.sessionId);

    // Another user cannot revoke my session (RLS on user_sessions), nor see it.
    const other = await freshUser();
    const otherCtx: TAccountContext = { userId: other.id, email: other.email, sessionId: null, ...origin(other.ip) };
    await expect(revokeMySession(otherCtx, { sessionId: c.sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await listMySessions(otherCtx)).toEqual([]);
    await expect(readSession(other.id, c.sessionId)).rejects.toThrow('SessionRevoked');
    await expect(readSession(user.id, c.sessionId)).resolves.toMatchObject({ sessionId: c.sessionId });

    expect(await revokeAllMySessions(ctx)).toEqual({ revoked: 2 });
    await expect(readSession(user.id, a.sessionId)).rejects.toThrow('SessionRevoked');
    await expect(readSession(user.id, c.sessionId)).rejects.toThrow('SessionRevoked');
    expect(await listMySessions(ctx)).toEqual([]);
    expect((await auditActions(tenantA.id, user.id)).filter((e) => e.action === 'auth.session-revoke')).toHaveLength(2);
  });

  it('refuses a token without a session id', async () => {
    const user = await freshUser();
    await expect(readSession(user.id, undefined)).rejects.toThrow('SessionRevoked');
  });

  it('touches last_seen_at at most once a minute', async () => {
    const user = await freshUser();
    const s = expectKind(await signInWithPassword({ email: user.email, password: PASSWORD, ...origin(user.ip) }), 'signed-in');
    const before = (await getSystemClient().userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt;
    await checkUserSession(user.id, s.sessionId, new Date(before.getTime() + 30_000));
    expect((await getSystemClient().userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt).toEqual(before);
    const later = new Date(before.getTime() + 61_000);
    await checkUserSession(user.id, s.sessionId, later);
    expect((await getSystemClient().userSession.findUniqueOrThrow({ where: { id: s.sessionId } })).lastSeenAt).toEqual(later);
  });
});
