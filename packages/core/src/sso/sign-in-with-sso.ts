import {
  claimTotpStep,
  createChallengeStore,
  createSignInLimiter,
  createUserSession,
  idpAssertedMfa,
  isRecoveryCode,
  isRole,
  isTotpCode,
  lastUsedTotpStep,
  listUserMemberships,
  listUserTenantPolicies,
  openMfaSecret,
  readUserMfaState,
  tenantsRequiringMfa,
  verifyTotp,
  type TRedisLike,
  type TSignedInUser,
  type TSignInOutcome,
  type TSsoRefusal,
  type TSsoSignInInput,
  type TSsoSignInMethod,
  type TSsoSignInOutcome,
} from '@vouch/auth';
import { getAppClient, withTenant } from '@vouch/db';
import { getRedis } from '@vouch/jobs';
import { z } from 'zod';
import { consumeRecoveryCode } from '../account/recovery-codes';
import type { TRequestOrigin } from '../account/record-account-event';
import type { TActor } from '../actor';
import { record } from '../audit';

export interface TSsoSignInDeps {
  redis: TRedisLike;
}

function defaultDeps(): TSsoSignInDeps {
  return { redis: getRedis() };
}

async function findUser(email: string): Promise<TSignedInUser | null> {
  const rows = await getAppClient().$queryRaw<{ id: string; email: string; name: string | null }[]>`
    SELECT id, email, name FROM auth_find_user_by_email(${email})`;
  return rows[0] ?? null;
}

/**
 * An SSO sign-in is audited in the one tenant whose provider answered (not in every tenant of
 * the user, as a password sign-in is): the other tenants never see this provider.
 */
async function recordSsoEvent(
  tenantId: string,
  origin: TRequestOrigin,
  who: { userId: string } | null,
  event: { action: 'auth.sign-in' | 'auth.sign-in-failed'; targetId: string; data: Record<string, unknown> },
): Promise<void> {
  await withTenant(tenantId, async (tx) => {
    let actor: TActor = { type: 'system', name: 'sso', ip: origin.ip, userAgent: origin.userAgent };
    if (who) {
      const membership = await tx.membership.findFirst({ where: { tenantId, userId: who.userId }, select: { roles: true } });
      if (membership) actor = { type: 'user', userId: who.userId, tenantId, roles: membership.roles.filter(isRole), ip: origin.ip, userAgent: origin.userAgent };
    }
    await record(tx, tenantId, actor, { action: event.action, targetType: who ? 'user' : 'sso_subject', targetId: event.targetId, data: event.data });
  });
}

/**
 * An invited address that signs in through the tenant's own provider accepts its pending
 * invitation (the provider vouches for the address the admin invited). The account is created
 * without a password when it does not exist yet. Returns the user, or null without invitation.
 */
async function acceptInvitationBySso(tenantId: string, email: string, name: string | null, origin: TRequestOrigin): Promise<TSignedInUser | null> {
  const invitation = await withTenant(tenantId, (tx) =>
    tx.invitation.findFirst({
      where: { tenantId, email: { equals: email, mode: 'insensitive' }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, roles: true },
    }),
  );
  if (!invitation) return null;
  const created = await getAppClient().$queryRaw<{ id: string }[]>`SELECT auth_create_user(${email}::text, ${name}::text, ${null}::text) AS id`;
  const userId = created[0]!.id;
  const accepted = await withTenant(
    tenantId,
    async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date(), acceptedBy: userId },
      });
      if (claimed.count !== 1) return false;
      const existing = await tx.membership.findFirst({ where: { tenantId, userId } });
      if (existing) return true;
      await tx.membership.create({ data: { tenantId, userId, roles: invitation.roles } });
      const actor: TActor = { type: 'user', userId, tenantId, roles: invitation.roles.filter(isRole), ip: origin.ip, userAgent: origin.userAgent };
      await record(tx, tenantId, actor, {
        action: 'member.invite-accept',
        targetType: 'invitation',
        targetId: invitation.id,
        data: { email, via: 'sso', before: [], after: invitation.roles },
      });
      return true;
    },
    { userId },
  );
  return accepted ? findUser(email) : null;
}

// ---------------------------------------------------------------------------------------------
// The code step after SSO. Its challenges live apart from the password flow's, so a challenge
// earned through one tenant's provider can never finish a password sign-in (which would give
// a session for every tenant of the user without the password).

const ZSsoChallenge = z.object({
  userId: z.uuid(),
  email: z.string(),
  tenantId: z.uuid(),
  tenantSlug: z.string(),
  issuer: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
});

const ssoChallenges = createChallengeStore('sso-challenge', ZSsoChallenge);

async function startSsoSession(
  deps: TSsoSignInDeps,
  user: TSignedInUser,
  tenant: { id: string; issuer: string; subject: string },
  origin: TRequestOrigin,
  method: TSsoSignInMethod,
  mfa: 'idp' | 'code' | 'none',
) {
  const sessionId = await createUserSession(user.id, { ...origin, method, mfaVerified: mfa !== 'none' });
  await createSignInLimiter(deps.redis).recordSuccess(user.email);
  await recordSsoEvent(tenant.id, origin, { userId: user.id }, {
    action: 'auth.sign-in',
    targetId: user.id,
    data: { method, sessionId, issuer: tenant.issuer, subject: tenant.subject, mfa },
  });
  return sessionId;
}

/**
 * After the tenant's identity provider answered (openid-client has checked the ID token's
 * signature, issuer, audience, expiry and nonce). Who may sign in: the verified email of an
 * existing member of THIS tenant, or of a pending invitation to it; nobody else is created.
 * MFA: the provider satisfies the tenant's MFA requirement when its `amr` says so; otherwise a
 * user with an authenticator enters a code next, and one without enrols before anything else.
 */
export async function signInWithSso(input: TSsoSignInInput, deps: TSsoSignInDeps = defaultDeps()): Promise<TSsoSignInOutcome> {
  const origin = { ip: input.ip, userAgent: input.userAgent };
  const { connection, claims } = input;
  const email = claims.email?.trim().toLowerCase() ?? '';
  const refuse = async (reason: TSsoRefusal): Promise<TSsoSignInOutcome> => {
    await recordSsoEvent(connection.tenantId, origin, null, {
      action: 'auth.sign-in-failed',
      targetId: claims.sub,
      data: { method: 'sso', reason, issuer: connection.issuer, subject: claims.sub, email: email || null },
    });
    return { kind: 'refused', reason };
  };

  // The provider did the authenticating, so a password lockout of the account does not apply;
  // an address hammering the sign-in endpoints is still held back.
  const limit = await createSignInLimiter(deps.redis).check(email || `sso:${claims.sub}`, input.ip);
  if (limit.blocked && limit.reason === 'ip') return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };

  if (claims.iss.replace(/\/+$/, '') !== connection.issuer.replace(/\/+$/, '')) return refuse('issuer-mismatch');
  if (!email || !z.email().safeParse(email).success) return refuse('email-missing');
  if (claims.email_verified !== true) return refuse('email-unverified');

  let user = await findUser(email);
  const member = user && (await listUserMemberships(user.id)).some((m) => m.tenantId === connection.tenantId);
  if (!member) {
    user = await acceptInvitationBySso(connection.tenantId, email, claims.name ?? null, origin);
    if (!user) return refuse('not-member');
  }
  if (!user) return refuse('not-member');

  const tenant = { id: connection.tenantId, issuer: connection.issuer, subject: claims.sub };
  const asserted = idpAssertedMfa(claims.amr);
  const policies = (await listUserTenantPolicies(user.id)).filter((p) => p.tenantId === connection.tenantId);
  if (!asserted && tenantsRequiringMfa(policies).length > 0 && (await readUserMfaState(user.id)).enabled) {
    const challenge = await ssoChallenges.create(deps.redis, {
      userId: user.id,
      email: user.email,
      tenantId: connection.tenantId,
      tenantSlug: connection.tenantSlug,
      issuer: connection.issuer,
      subject: claims.sub,
    });
    return { kind: 'mfa-required', challenge };
  }
  const sessionId = await startSsoSession(deps, user, tenant, origin, 'sso', asserted ? 'idp' : 'none');
  return { kind: 'signed-in', user, sessionId, tenantId: connection.tenantId };
}

/** The code after an SSO sign-in without provider MFA: TOTP (each step once) or a recovery code. */
export async function signInWithSsoSecondFactor(
  input: { challenge: string; code: string } & TRequestOrigin,
  deps: TSsoSignInDeps = defaultDeps(),
): Promise<TSignInOutcome> {
  const origin = { ip: input.ip, userAgent: input.userAgent };
  const challenge = await ssoChallenges.attempt(deps.redis, input.challenge);
  if (!challenge) return { kind: 'challenge-expired' };
  const limiter = createSignInLimiter(deps.redis);
  const limit = await limiter.check(challenge.email, input.ip);
  if (limit.blocked) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };

  const mfa = await readUserMfaState(challenge.userId);
  const stillMember = (await listUserMemberships(challenge.userId)).some((m) => m.tenantId === challenge.tenantId);
  if (!mfa.enabled || !mfa.secretSealed || !stillMember) {
    await ssoChallenges.delete(deps.redis, input.challenge);
    return { kind: 'challenge-expired' };
  }
  const user = await findUser(challenge.email);
  if (!user || user.id !== challenge.userId) return { kind: 'challenge-expired' };
  const tenant = { id: challenge.tenantId, issuer: challenge.issuer, subject: challenge.subject };
  const succeed = async (method: TSsoSignInMethod): Promise<TSignInOutcome> => {
    await ssoChallenges.delete(deps.redis, input.challenge);
    const sessionId = await startSsoSession(deps, user, tenant, origin, method, 'code');
    return { kind: 'signed-in', user, sessionId, ssoTenant: { id: challenge.tenantId, slug: challenge.tenantSlug } };
  };
  const fail = async (reason: string): Promise<TSignInOutcome> => {
    const outcome = await limiter.recordFailure(challenge.email, input.ip, { relock: true });
    await recordSsoEvent(challenge.tenantId, origin, { userId: challenge.userId }, {
      action: 'auth.sign-in-failed',
      targetId: challenge.userId,
      data: { method: 'sso', reason, failures: outcome.accountFailures },
    });
    return outcome.blocked ? { kind: 'rate-limited', retryAfterSeconds: outcome.retryAfterSeconds } : { kind: 'invalid' };
  };

  const code = input.code.trim();
  if (isTotpCode(code)) {
    const secret = openMfaSecret(challenge.userId, mfa.secretSealed);
    const check = await verifyTotp(secret, code, { afterTimeStep: await lastUsedTotpStep(deps.redis, challenge.userId) });
    if (check.valid && check.timeStep !== null && (await claimTotpStep(deps.redis, challenge.userId, check.timeStep))) return succeed('sso+totp');
    return fail('totp');
  }
  if (isRecoveryCode(code)) {
    if ((await consumeRecoveryCode(challenge.userId, code)) !== null) return succeed('sso+recovery-code');
    return fail('recovery-code');
  }
  return fail('malformed-code');
}
