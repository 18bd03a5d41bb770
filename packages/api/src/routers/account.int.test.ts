import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthOptions, generateTotpCode, type TVouchSession } from '@vouch/auth';
import { addMember, createTenant, signInWithPassword, signInWithSecondFactor } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { appRouter } from '../root';
import { createCallerFactory, createTRPCContext } from '../trpc';

const PASSWORD = 'correct horse battery staple';
const system = { type: 'system', name: 'account-api-test' } as const;
const suffix = randomBytes(3).toString('hex');
const createCaller = createCallerFactory(appRouter);
const authOptions = createAuthOptions({ secret: 'x'.repeat(32), useSecureCookies: false, hooks: { signInWithPassword, signInWithSecondFactor } });
let strict: { id: string; slug: string };
let relaxed: { id: string; slug: string };

/** Signs in with the password and reads the session exactly as next-auth would for a request. */
async function signedInSession(email: string): Promise<TVouchSession> {
  const outcome = await signInWithPassword({ email, password: PASSWORD, ip: '192.0.2.10', userAgent: 'vitest' });
  if (outcome.kind !== 'signed-in') throw new Error(`expected a session, got ${outcome.kind}`);
  return (await authOptions.callbacks!.session!({
    session: { user: { email }, expires: '' },
    token: { sub: outcome.user.id, sid: outcome.sessionId, email },
    user: undefined as never,
    newSession: undefined,
    trigger: 'update',
  })) as TVouchSession;
}

async function member(tenantId: string, roles: Parameters<typeof addMember>[3]['roles'], email = `enrol-${suffix}-${randomBytes(3).toString('hex')}@example.test`) {
  await getSystemClient().$transaction((tx) => addMember(tx, tenantId, system, { email, roles, password: PASSWORD }));
  return email;
}

const caller = (session: TVouchSession, tenantSlug: string) =>
  createCaller(createTRPCContext({ session, tenantSlug, ip: '192.0.2.10', userAgent: 'vitest' }));

beforeAll(async () => {
  const db = getSystemClient();
  strict = (await db.$transaction((tx) => createTenant(tx, system, { slug: `enrol-strict-${suffix}`, ownerEmail: `strict-${suffix}@example.test` }))).tenant;
  relaxed = (await db.$transaction((tx) => createTenant(tx, system, { slug: `enrol-relaxed-${suffix}`, ownerEmail: `relaxed-${suffix}@example.test` }))).tenant;
  await db.tenant.update({ where: { id: relaxed.id }, data: { mfaRequired: false } });
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('enrol-only until MFA, where a tenant requires it', () => {
  it('refuses every tenant procedure to a configuration role without MFA, in every tenant, until enrolment', async () => {
    const email = await member(strict.id, ['agent_builder']);
    await member(relaxed.id, ['owner'], email);
    const session = await signedInSession(email);
    expect(session.mfa).toEqual({ enabled: false, enrolRequired: true, requiredBy: [expect.stringMatching(/Enrol Strict/i)] });
    expect(session.memberships).toEqual([]);
    // Refused in the strict tenant and in the relaxed one too: the user is enrol-only everywhere.
    await expect(caller(session, strict.slug).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(session, relaxed.slug).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const api = caller(session, strict.slug);
    expect(await api.account.security()).toMatchObject({ mfaEnabled: false, requiredBy: [expect.any(String)] });

    const { secret } = await api.account.startMfaEnrolment();
    await expect(api.account.confirmMfaEnrolment({ code: '000000' === (await generateTotpCode(secret)) ? '111111' : '000000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const { recoveryCodes } = await api.account.confirmMfaEnrolment({ code: await generateTotpCode(secret) });
    expect(recoveryCodes).toHaveLength(10);

    // The same browser's session, read again, is now let through.
    const after = (await authOptions.callbacks!.session!({
      session: { user: { email }, expires: '' },
      token: { sub: session.user.id, sid: session.sessionId, email },
      user: undefined as never,
      newSession: undefined,
      trigger: 'update',
    })) as TVouchSession;
    expect(after.mfa).toMatchObject({ enabled: true, enrolRequired: false });
    expect(after.memberships.map((m) => m.tenantSlug).sort()).toEqual([strict.slug, relaxed.slug].sort());
    const overview = await caller(after, strict.slug).tenant.overview();
    expect(overview.tenant.slug).toBe(strict.slug);
  });

  it('leaves support agents and auditors alone, and tenants that turned the policy off', async () => {
    const agent = await signedInSession(await member(strict.id, ['support_agent', 'auditor']));
    expect(agent.mfa?.enrolRequired).toBe(false);
    await expect(caller(agent, strict.slug).tenant.overview()).resolves.toMatchObject({ tenant: { slug: strict.slug } });
    const relaxedOwner = await signedInSession(await member(relaxed.id, ['owner']));
    expect(relaxedOwner.mfa?.enrolRequired).toBe(false);
    await expect(caller(relaxedOwner, relaxed.slug).tenant.overview()).resolves.toMatchObject({ tenant: { slug: relaxed.slug } });
  });

  it('lists, revokes and signs out everywhere through the API, for the caller only', async () => {
    const email = await member(relaxed.id, ['support_agent']);
    const first = await signedInSession(email);
    const second = await signedInSession(email);
    const sessions = await caller(first, relaxed.slug).account.sessions();
    expect(sessions.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [first.sessionId, true],
        [second.sessionId, false],
      ].sort(),
    );
    await caller(first, relaxed.slug).account.revokeSession({ sessionId: second.sessionId! });
    await expect(
      authOptions.callbacks!.session!({
        session: { user: { email }, expires: '' },
        token: { sub: second.user.id, sid: second.sessionId },
        user: undefined as never,
        newSession: undefined,
        trigger: 'update',
      }),
    ).rejects.toThrow('SessionRevoked');
    expect(await caller(first, relaxed.slug).account.revokeAllSessions()).toEqual({ revoked: 1 });
  });
});
