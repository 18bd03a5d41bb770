import {
  attemptMfaChallenge,
  authenticateWithPassword,
  claimTotpStep,
  createMfaChallenge,
  createSignInLimiter,
  createUserSession,
  deleteMfaChallenge,
  findUserIdByEmail,
  isRecoveryCode,
  isTotpCode,
  lastUsedTotpStep,
  openMfaSecret,
  readUserMfaState,
  verifyTotp,
  type TRedisLike,
  type TSignedInUser,
  type TSignInMethod,
  type TSignInOutcome,
} from '@vouch/auth';
import { getRedis } from '@vouch/jobs';
import { consumeRecoveryCode } from './recovery-codes';
import { recordAccountEvent, type TRequestOrigin } from './record-account-event';

export interface TSignInDeps {
  redis: TRedisLike;
}

function defaultDeps(): TSignInDeps {
  return { redis: getRedis() };
}

async function recordFailure(
  deps: TSignInDeps,
  email: string,
  userId: string | null,
  origin: TRequestOrigin,
  reason: string,
): Promise<TSignInOutcome> {
  // Attempts refused during an account lock still count towards a spike, without extending it.
  const outcome = await createSignInLimiter(deps.redis).recordFailure(email, origin.ip, { relock: reason !== 'locked' });
  if (userId) {
    await recordAccountEvent(userId, origin, {
      action: 'auth.sign-in-failed',
      actor: 'system',
      data: { reason, failures: outcome.accountFailures, lockedForSeconds: outcome.reason === 'account' ? outcome.retryAfterSeconds : 0 },
    });
    if (outcome.spike) {
      const detail = { userId, failures: outcome.accountFailures, windowMinutes: 15, lastIp: origin.ip, lastUserAgent: origin.userAgent };
      await recordAccountEvent(userId, origin, {
        action: 'auth.sign-in-spike',
        actor: 'system',
        data: detail,
        alert: { kind: 'sign_in_spike', detail },
      });
    }
  }
  return outcome.blocked ? { kind: 'rate-limited', retryAfterSeconds: outcome.retryAfterSeconds } : { kind: 'invalid' };
}

async function completeSignIn(
  deps: TSignInDeps,
  user: TSignedInUser,
  origin: TRequestOrigin,
  method: TSignInMethod,
): Promise<TSignInOutcome> {
  const sessionId = await createUserSession(user.id, { ...origin, method, mfaVerified: method !== 'password' });
  await createSignInLimiter(deps.redis).recordSuccess(user.email);
  await recordAccountEvent(user.id, origin, { action: 'auth.sign-in', actor: 'self', data: { method, sessionId } });
  return { kind: 'signed-in', user, sessionId };
}

/**
 * Step one: email and password, within the per-account and per-IP limits. A user with MFA gets
 * a challenge for step two instead of a session. Every outcome for a known account is audited
 * in each of its tenants; unknown emails count against the limits the same way, so the answers
 * do not reveal which emails have accounts.
 */
export async function signInWithPassword(
  input: { email: string; password: string } & TRequestOrigin,
  deps: TSignInDeps = defaultDeps(),
): Promise<TSignInOutcome> {
  const origin = { ip: input.ip, userAgent: input.userAgent };
  const limit = await createSignInLimiter(deps.redis).check(input.email, input.ip);
  if (limit.blocked && limit.reason === 'account') {
    await recordFailure(deps, input.email, await findUserIdByEmail(input.email), origin, 'locked');
    return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  }
  if (limit.blocked) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };

  const user = await authenticateWithPassword(input.email, input.password);
  if (!user) return recordFailure(deps, input.email, await findUserIdByEmail(input.email), origin, 'password');

  const mfa = await readUserMfaState(user.id);
  if (mfa.enabled) return { kind: 'mfa-required', challenge: await createMfaChallenge(deps.redis, { userId: user.id, email: user.email }) };
  return completeSignIn(deps, user, origin, 'password');
}

/**
 * Step two: a TOTP code (±1 step, each step usable once) or a single-use recovery code,
 * against the challenge from step one (5 minutes, 5 attempts). Wrong codes count as failed
 * sign-ins of the account.
 */
export async function signInWithSecondFactor(
  input: { challenge: string; code: string } & TRequestOrigin,
  deps: TSignInDeps = defaultDeps(),
): Promise<TSignInOutcome> {
  const origin = { ip: input.ip, userAgent: input.userAgent };
  const challenge = await attemptMfaChallenge(deps.redis, input.challenge);
  if (!challenge) return { kind: 'challenge-expired' };
  const limit = await createSignInLimiter(deps.redis).check(challenge.email, input.ip);
  if (limit.blocked) return { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };

  const mfa = await readUserMfaState(challenge.userId);
  if (!mfa.enabled || !mfa.secretSealed) {
    await deleteMfaChallenge(deps.redis, input.challenge);
    return { kind: 'challenge-expired' };
  }
  const user: TSignedInUser = { id: challenge.userId, email: challenge.email, name: null };
  const code = input.code.trim();

  if (isTotpCode(code)) {
    const secret = openMfaSecret(challenge.userId, mfa.secretSealed);
    const last = await lastUsedTotpStep(deps.redis, challenge.userId);
    const check = await verifyTotp(secret, code, { afterTimeStep: last });
    if (check.valid && check.timeStep !== null && (await claimTotpStep(deps.redis, challenge.userId, check.timeStep))) {
      await deleteMfaChallenge(deps.redis, input.challenge);
      return completeSignIn(deps, user, origin, 'password+totp');
    }
    // Tell a replayed code apart from a wrong one, for the audit trail only.
    const replay = check.valid || (last !== null && (await verifyTotp(secret, code)).valid);
    return recordFailure(deps, challenge.email, challenge.userId, origin, replay ? 'totp-replay' : 'totp');
  }

  if (isRecoveryCode(code)) {
    const remaining = await consumeRecoveryCode(challenge.userId, code);
    if (remaining !== null) {
      await deleteMfaChallenge(deps.redis, input.challenge);
      const outcome = await completeSignIn(deps, user, origin, 'password+recovery-code');
      await recordAccountEvent(challenge.userId, origin, { action: 'auth.recovery-code-used', actor: 'self', data: { remaining } });
      return outcome;
    }
    return recordFailure(deps, challenge.email, challenge.userId, origin, 'recovery-code');
  }
  return recordFailure(deps, challenge.email, challenge.userId, origin, 'malformed-code');
}
