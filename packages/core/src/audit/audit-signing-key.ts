import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { deriveKey, readMasterKey } from '@vouch/auth';

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): SEQUENCE { version 0, AlgorithmIdentifier
// id-Ed25519, OCTET STRING { OCTET STRING seed } }. The seed follows these 16 bytes.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// SubjectPublicKeyInfo prefix for Ed25519; the 32-byte raw public key follows these 12 bytes.
const SPKI_ED25519_PREFIX_LENGTH = 12;

export interface TAuditPublicKey {
  algorithm: 'Ed25519';
  /** The 32-byte raw public key, base64. */
  raw: string;
  pem: string;
}

/**
 * The tenant's audit signing key is derived, not stored: HKDF of the master key for the
 * tenant gives the Ed25519 seed, so the same tenant always signs with the same key and
 * a leaked tenant key exposes no other tenant.
 */
function auditPrivateKey(tenantId: string): KeyObject {
  const seed = deriveKey(readMasterKey(), 'tenant-audit-signing', tenantId);
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function describePublicKey(publicKey: KeyObject): TAuditPublicKey {
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    algorithm: 'Ed25519',
    raw: spki.subarray(SPKI_ED25519_PREFIX_LENGTH).toString('base64'),
    pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export function getAuditPublicKey(tenantId: string): TAuditPublicKey {
  return describePublicKey(createPublicKey(auditPrivateKey(tenantId)));
}

/** Ed25519 signature (base64) of `message` by the tenant's audit key. */
export function signWithAuditKey(tenantId: string, message: string): string {
  return sign(null, Buffer.from(message), auditPrivateKey(tenantId)).toString('base64');
}
