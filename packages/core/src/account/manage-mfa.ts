import {
  claimTotpStep,
  createSignInLimiter,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  lastUsedTotpStep,
  listUserTenantPolicies,
  markSessionMfaVerified,
  openMfaSecret,
  readUserMfaState,
  sealMfaSecret,
  tenantsRequiringMfa,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
  withUser,
  type TRedisLike,
} from '@vouch/auth';
import { getRedis } from '@vouch/jobs';
import { z } from 'zod';
import { AppError } from '../errors';
import { recordAccountEvent, type TAccountContext } from './record-account-event';

export const ZTotpCodeInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your app.') });

export interface TAccountSecurity {
  mfaEnabled: boolean;
  /** A secret was generated but not yet confirmed with a code. */
  enrolmentPending: boolean;
  recoveryCodesLeft: number;
  /** Tenants whose policy requires MFA for this user's roles. */
  requiredBy: string[];
}

export async function getAccountSecurity(ctx: Pick<TAccountContext, 'userId'>): Promise<TAccountSecurity> {
  const [mfa, policies] = await Promise.all([readUserMfaState(ctx.userId), listUserTenantPolicies(ctx.userId)]);
  return {
    mfaEnabled: mfa.enabled,
    enrolmentPending: !mfa.enabled && mfa.secretSealed !== null,
    recoveryCodesLeft: mfa.enabled ? mfa.recoveryCodeHashes.length : 0,
    requiredBy: tenantsRequiringMfa(policies).map((p) => p.tenantName),
  };
}

export interface TMfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

/**
 * Generates a new TOTP secret and stores it sealed but not yet active: MFA is enabled only when
 * a code from the app confirms it. Starting again replaces an unconfirmed secret.
 */
export async function startMfaEnrolment(ctx: TAccountContext): Promise<TMfaEnrolment> {
  const mfa = await readUserMfaState(ctx.userId);
  if (mfa.enabled) throw new AppError('CONFLICT', 'Two-factor authentication is already on. Turn it off first to set up a new app.');
  const secret = generateTotpSecret();
  const sealed = sealMfaSecret(ctx.userId, secret);
  await withUser(ctx.userId, (tx) =>
    tx.user.update({ where: { id: ctx.userId }, data: { mfaSecretSealed: sealed, mfaEnabledAt: null, updatedAt: new Date() } }),
  );
  const otpauthUri = totpUri(ctx.email, secret);
  return { secret, otpauthUri, qrDataUrl: await totpQrDataUrl(otpauthUri) };
}

/**
 * Checks a code against the user's secret with the same limits as sign-in (per user), and claims
 * its time step so the code cannot be used again.
 */
async function checkCode(ctx: TAccountContext, sealed: string, code: string, redis: TRedisLike): Promise<void> {
  const limiter = createSignInLimiter(redis);
  const key = `mfa-manage:${ctx.userId}`;
  const limit = await limiter.check(key, ctx.ip);
  if (limit.blocked) throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${limit.retryAfterSeconds} s.`);
  const secret = openMfaSecret(ctx.userId, sealed);
  const check = await verifyTotp(secret, code, { afterTimeStep: await lastUsedTotpStep(redis, ctx.userId) });
  if (!check.valid || check.timeStep === null || !(await claimTotpStep(redis, ctx.userId, check.timeStep))) {
    const failure = await limiter.recordFailure(key, ctx.ip);
    if (failure.blocked) throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${failure.retryAfterSeconds} s.`);
    throw new AppError('BAD_REQUEST', 'That code is not right or was already used. Enter the current code from your app.');
  }
  await limiter.recordSuccess(key);
}

async function storeNewRecoveryCodes(userId: string, enable: boolean): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await withUser(userId, (tx) =>
    tx.user.update({
      where: { id: userId },
      data: { recoveryCodeHashes: codes.map(hashRecoveryCode), ...(enable ? { mfaEnabledAt: new Date() } : {}), updatedAt: new Date() },
    }),
  );
  return codes;
}

/** Turns MFA on after a correct code; returns 10 single-use recovery codes, shown this once. */
export async function confirmMfaEnrolment(
  ctx: TAccountContext,
  input: z.input<typeof ZTotpCodeInput>,
  redis: TRedisLike = getRedis(),
): Promise<{ recoveryCodes: string[] }> {
  const { code } = ZTotpCodeInput.parse(input);
  const mfa = await readUserMfaState(ctx.userId);
  if (mfa.enabled) throw new AppError('CONFLICT', 'Two-factor authentication is already on.');
  if (!mfa.secretSealed) throw new AppError('BAD_REQUEST', 'Start the setup again: no authenticator app is being set up.');
  await checkCode(ctx, mfa.secretSealed, code, redis);
  const recoveryCodes = await storeNewRecoveryCodes(ctx.userId, true);
  if (ctx.sessionId) await markSessionMfaVerified(ctx.userId, ctx.sessionId);
  await recordAccountEvent(ctx.userId, ctx, { action: 'auth.mfa-enrol', actor: 'self', data: { method: 'totp', sessionId: ctx.sessionId } });
  return { recoveryCodes };
}

/** Replaces all recovery codes (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(
  ctx: TAccountContext,
  input: z.input<typeof ZTotpCodeInput>,
  redis: TRedisLike = getRedis(),
): Promise<{ recoveryCodes: string[] }> {
  const { code } = ZTotpCodeInput.parse(input);
  const mfa = await readUserMfaState(ctx.userId);
  if (!mfa.enabled || !mfa.secretSealed) throw new AppError('BAD_REQUEST', 'Two-factor authentication is not on.');
  await checkCode(ctx, mfa.secretSealed, code, redis);
  const recoveryCodes = await storeNewRecoveryCodes(ctx.userId, false);
  await recordAccountEvent(ctx.userId, ctx, { action: 'auth.recovery-codes-regenerate', actor: 'self', data: { count: recoveryCodes.length } });
  return { recoveryCodes };
}

/**
 * Turns MFA off with a current code. Refused while a tenant's policy requires MFA for the
 * user's roles: the user would be locked into enrolment again at once, and the tenant's policy
 * is not theirs to waive.
 */
export async function disableMfa(ctx: TAccountContext, input: z.input<typeof ZTotpCodeInput>, redis: TRedisLike = getRedis()): Promise<void> {
  const { code } = ZTotpCodeInput.parse(input);
  const mfa = await readUserMfaState(ctx.userId);
  if (!mfa.enabled || !mfa.secretSealed) throw new AppError('BAD_REQUEST', 'Two-factor authentication is not on.');
  const requiring = tenantsRequiringMfa(await listUserTenantPolicies(ctx.userId));
  if (requiring.length > 0) {
    throw new AppError('FORBIDDEN', `${requiring.map((p) => p.tenantName).join(', ')} requires two-factor authentication for your role.`);
  }
  await checkCode(ctx, mfa.secretSealed, code, redis);
  await withUser(ctx.userId, (tx) =>
    tx.user.update({
      where: { id: ctx.userId },
      data: { mfaSecretSealed: null, mfaEnabledAt: null, recoveryCodeHashes: [], updatedAt: new Date() },
    }),
  );
  await recordAccountEvent(ctx.userId, ctx, { action: 'auth.mfa-disable', actor: 'self', data: { sessionId: ctx.sessionId } });
}
