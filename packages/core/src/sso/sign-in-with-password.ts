import {
  authenticateWithPassword,
  createSignInLimiter,
  findUserIdByEmail,
  listUserSignInPolicies,
  type TSignInOutcome,
} from '@vouch/auth';
import { recordAccountEvent, type TRequestOrigin } from '../account/record-account-event';
import { signInWithPassword, type TSignInDeps } from '../account/sign-in';
import { getRedis } from '@vouch/jobs';

/**
 * Password sign-in that respects tenants which allow SSO only. When EVERY tenant of the account
 * has turned password sign-in off, the password is still checked within the same limits (so
 * the answer to a wrong password is the usual one and reveals nothing), and a right password
 * is answered with "use SSO" instead of a session. Accounts with at least one password tenant
 * sign in as before; their session simply cannot act in the SSO-only tenants (the session
 * lists those as `ssoRequired`, and the API refuses them with that reason).
 */
export async function signInWithPasswordUnlessSsoOnly(
  input: { email: string; password: string } & TRequestOrigin,
  deps: TSignInDeps = { redis: getRedis() },
): Promise<TSignInOutcome> {
  const userId = await findUserIdByEmail(input.email);
  const policies = userId ? await listUserSignInPolicies(userId) : [];
  const ssoOnly = policies.length > 0 && policies.every((p) => !p.passwordLoginEnabled);
  if (!userId || !ssoOnly) return signInWithPassword(input, deps);

  const origin = { ip: input.ip, userAgent: input.userAgent };
  const limiter = createSignInLimiter(deps.redis);
  // Locked or hammered: the regular path refuses (and audits) exactly as for anyone else.
  if ((await limiter.check(input.email, input.ip)).blocked) return signInWithPassword(input, deps);

  const user = await authenticateWithPassword(input.email, input.password);
  if (!user) {
    const outcome = await limiter.recordFailure(input.email, input.ip, { relock: true });
    await recordAccountEvent(userId, origin, {
      action: 'auth.sign-in-failed',
      actor: 'system',
      data: { reason: 'password', failures: outcome.accountFailures, lockedForSeconds: outcome.reason === 'account' ? outcome.retryAfterSeconds : 0 },
    });
    if (outcome.spike) {
      const detail = { userId, failures: outcome.accountFailures, windowMinutes: 15, lastIp: origin.ip, lastUserAgent: origin.userAgent };
      await recordAccountEvent(userId, origin, { action: 'auth.sign-in-spike', actor: 'system', data: detail, alert: { kind: 'sign_in_spike', detail } });
    }
    return outcome.blocked ? { kind: 'rate-limited', retryAfterSeconds: outcome.retryAfterSeconds } : { kind: 'invalid' };
  }
  await recordAccountEvent(userId, origin, { action: 'auth.sign-in-failed', actor: 'system', data: { reason: 'password-login-disabled' } });
  return { kind: 'sso-required', tenantSlugs: policies.filter((p) => p.ssoEnabled).map((p) => p.tenantSlug) };
}
