import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { deriveKey, openSecret, readMasterKey, sealSecret } from './keys';
import type { TPermission, TRole } from './permissions';
import { hasPermission } from './permissions';

/** TOTP parameters every authenticator app understands (RFC 6238 defaults). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = 'Vouch';
export const RECOVERY_CODE_COUNT = 10;

/**
 * Permissions that change how a tenant behaves or who can reach it. A user holding any of them
 * in a tenant that requires MFA must have MFA before doing anything else.
 */
export const MFA_SENSITIVE_PERMISSIONS: readonly TPermission[] = [
  'tenant.settings.update',
  'members.manage',
  'agent.edit_staging',
  'agent.deploy',
  'knowledge.approve',
  'apikeys.manage',
  'integrations.manage',
];

export interface TTenantMfaPolicy {
  tenantId: string;
  tenantName: string;
  roles: readonly TRole[];
  mfaRequired: boolean;
}

/** The tenants whose policy obliges this user to use MFA (empty: MFA is optional for them). */
export function tenantsRequiringMfa(policies: readonly TTenantMfaPolicy[]): TTenantMfaPolicy[] {
  return policies.filter((p) => p.mfaRequired && MFA_SENSITIVE_PERMISSIONS.some((perm) => hasPermission(p.roles, perm)));
}

export function generateTotpSecret(): string {
  // 20 random bytes (160 bits), base32: what RFC 4226 recommends and every app accepts.
  return generateSecret({ length: 20 });
}

export function totpUri(accountLabel: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret, period: TOTP_PERIOD_SECONDS });
}

export function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 224 });
}

/** The code an authenticator app shows at `now` (for tests and tooling; sign-in only verifies). */
export function generateTotpCode(secret: string, now: Date = new Date()): Promise<string> {
  return generate({ secret, period: TOTP_PERIOD_SECONDS, epoch: Math.floor(now.getTime() / 1000) });
}

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

export interface TTotpCheck {
  valid: boolean;
  /** The time step the code belongs to; remember it to refuse a replay. */
  timeStep: number | null;
}

/**
 * Checks a 6-digit code, accepting the previous and next step for clock drift. Codes of a step
 * at or before `afterTimeStep` (the last one used) are refused, so a code works once.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  options: { afterTimeStep?: number | null; now?: Date } = {},
): Promise<TTotpCheck> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return { valid: false, timeStep: null };
  const epoch = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const result = await verify({
    strategy: 'totp',
    secret,
    token,
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_PERIOD_SECONDS,
    epoch,
    ...(options.afterTimeStep != null ? { afterTimeStep: options.afterTimeStep } : {}),
  });
  if (!result.valid) return { valid: false, timeStep: null };
  return { valid: true, timeStep: 'timeStep' in result ? result.timeStep : Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta };
}

export function mfaSecretContext(userId: string): string {
  return `mfa:${userId}`;
}

/** Seals a TOTP secret under the user's own derived key, bound to the user id. */
export function sealMfaSecret(userId: string, secret: string, masterKey: Buffer = readMasterKey()): string {
  return sealSecret(secret, deriveKey(masterKey, 'user-mfa', userId), mfaSecretContext(userId));
}

export function openMfaSecret(userId: string, sealed: string, masterKey: Buffer = readMasterKey()): string {
  return openSecret(sealed, deriveKey(masterKey, 'user-mfa', userId), mfaSecretContext(userId));
}

// Recovery codes: 10 characters from an unambiguous alphabet (~50 bits each), shown as xxxxx-xxxxx.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    // Rejection sampling keeps every character equally likely.
    const chars: string[] = [];
    while (chars.length < 10) {
      for (const byte of randomBytes(16)) {
        if (byte < 256 - (256 % RECOVERY_ALPHABET.length) && chars.length < 10) chars.push(RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]!);
      }
    }
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function isRecoveryCode(code: string): boolean {
  return new RegExp(`^[${RECOVERY_ALPHABET}]{10}$`).test(normalizeRecoveryCode(code));
}

/** sha256 is enough: the codes are random with ~50 bits each, not guessable passwords. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`vouch-recovery:${normalizeRecoveryCode(code)}`).digest('hex');
}

/** Constant-time lookup of a code among stored hashes; returns the matching hash. */
export function findRecoveryCodeHash(code: string, hashes: readonly string[]): string | null {
  if (!isRecoveryCode(code)) return null;
  const candidate = Buffer.from(hashRecoveryCode(code), 'hex');
  let found: string | null = null;
  for (const stored of hashes) {
    const bytes = Buffer.from(stored, 'hex');
    if (bytes.length === candidate.length && timingSafeEqual(bytes, candidate)) found = stored;
  }
  return found;
}
