import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, openSecret, sealSecret } from './keys';

const master = randomBytes(32);

describe('sealed secrets', () => {
  it('round-trips under the same key and context', () => {
    const key = deriveKey(master, 'tenant-secrets', 'tenant-a');
    const sealed = sealSecret('client-secret-123', key, 'sso:tenant-a');
    expect(sealed).not.toContain('client-secret-123');
    expect(openSecret(sealed, key, 'sso:tenant-a')).toBe('client-secret-123');
  });

  it("refuses another tenant's key, another context, and any edited byte", () => {
    const keyA = deriveKey(master, 'tenant-secrets', 'tenant-a');
    const keyB = deriveKey(master, 'tenant-secrets', 'tenant-b');
    const sealed = sealSecret('s3cret', keyA, 'sso:tenant-a');
    expect(() => openSecret(sealed, keyB, 'sso:tenant-a')).toThrow();
    expect(() => openSecret(sealed, keyA, 'sso:tenant-b')).toThrow();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), keyA, 'sso:tenant-a')).toThrow();
  });

  it('derives distinct keys per purpose and scope', () => {
    const a = deriveKey(master, 'tenant-vault', 't1');
    expect(deriveKey(master, 'tenant-vault', 't1').equals(a)).toBe(true);
    expect(deriveKey(master, 'tenant-vault', 't2').equals(a)).toBe(false);
    expect(deriveKey(master, 'user-mfa', 't1').equals(a)).toBe(false);
  });
});
