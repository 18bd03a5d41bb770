import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The platform's master key (32 bytes, base64) from VOUCH_ENCRYPTION_KEY. Per-tenant and
 * per-user keys are derived from it with HKDF, so one leaked derived key exposes one scope.
 */
export function readMasterKey(): Buffer {
  const parsed = z
    .string({ error: 'is not set' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes in base64 (scripts/start.sh generates one)')
    .safeParse(process.env.VOUCH_ENCRYPTION_KEY);
  if (!parsed.success) {
    throw new Error(`Environment variable VOUCH_ENCRYPTION_KEY ${parsed.error.issues[0]?.message ?? 'is invalid'} (see .env.example).`);
  }
  return Buffer.from(parsed.data, 'base64');
}

export type TKeyPurpose = 'tenant-vault' | 'tenant-secrets' | 'tenant-uploads' | 'user-mfa' | 'tenant-audit-signing';

export function deriveKey(masterKey: Buffer, purpose: TKeyPurpose, scopeId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.from(scopeId), Buffer.from(`vouch:${purpose}`), 32));
}

const SEAL_VERSION = 'v1';

/**
 * AES-256-GCM with a random 96-bit IV; `context` is bound as associated data so a sealed
 * value copied to another row or tenant fails to open. Output: v1.<iv>.<tag>.<ciphertext>.
 */
export function sealSecret(plaintext: string, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [SEAL_VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function openSecret(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== SEAL_VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
