import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type TEntityType, type TVaultEntry } from './types';

const KEY_BYTES = 32;

function assertVaultKey(key: Uint8Array | undefined): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw new TypeError(`vaultKey must be a ${KEY_BYTES}-byte Uint8Array (AES-256-GCM)`);
  }
}

/** The placeholder and type are bound as associated data, so an entry can't be replayed under another placeholder. */
function buildAssociatedData(placeholder: string, type: TEntityType): Buffer {
  return Buffer.from(`vouch-vault-v1|${type}|${placeholder}`, 'utf8');
}

export function sealVaultEntry(original: string, placeholder: string, type: TEntityType, key: Uint8Array | undefined): TVaultEntry {
  assertVaultKey(key);
  if (type === 'CREDIT_CARD') throw new TypeError('CREDIT_CARD values are never written to the vault (PCI DSS)');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(buildAssociatedData(placeholder, type));
  const ciphertext = Buffer.concat([cipher.update(original, 'utf8'), cipher.final()]);
  return {
    placeholder,
    type,
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Decrypts one entry for a user holding `pii.reveal`; the permission check belongs to the caller (core). */
export function revealVaultEntry(entry: TVaultEntry, key: Uint8Array): string {
  assertVaultKey(key);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.iv, 'base64'));
  decipher.setAAD(buildAssociatedData(entry.placeholder, entry.type));
  decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(entry.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
