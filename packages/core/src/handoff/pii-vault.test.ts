import { randomBytes, randomUUID } from 'node:crypto';
import { deriveKey } from '@vouch/auth';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationVaultKey, vaultKeyCacheSize } from './pii-vault';

const original = process.env.VOUCH_ENCRYPTION_KEY;
afterEach(() => {
  process.env.VOUCH_ENCRYPTION_KEY = original;
});

function fresh(master: string, tenantId: string, conversationId: string): Buffer {
  return deriveKey(Buffer.from(master, 'base64'), 'tenant-vault', `pii:${tenantId}:${conversationId}`);
}

describe('conversationVaultKey (cached derivation)', () => {
  it('returns the key a fresh derivation gives, per tenant and conversation, and keeps it for the next message', () => {
    const master = randomBytes(32).toString('base64');
    process.env.VOUCH_ENCRYPTION_KEY = master;
    const [tenant, otherTenant, conversation, otherConversation] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const key = conversationVaultKey(tenant, conversation);
    expect(Buffer.from(key).equals(fresh(master, tenant, conversation))).toBe(true);
    expect(conversationVaultKey(tenant, conversation)).toBe(key); // the same object: served from the cache
    expect(Buffer.from(conversationVaultKey(tenant, otherConversation)).equals(key)).toBe(false);
    expect(Buffer.from(conversationVaultKey(otherTenant, conversation)).equals(key)).toBe(false);
    expect(Buffer.from(conversationVaultKey(otherTenant, conversation)).equals(fresh(master, otherTenant, conversation))).toBe(true);
  });

  it('never serves a key of a previous master key', () => {
    const [tenant, conversation] = [randomUUID(), randomUUID()];
    process.env.VOUCH_ENCRYPTION_KEY = randomBytes(32).toString('base64');
    const before = conversationVaultKey(tenant, conversation);
    const next = randomBytes(32).toString('base64');
    process.env.VOUCH_ENCRYPTION_KEY = next;
    const after = conversationVaultKey(tenant, conversation);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
    expect(Buffer.from(after).equals(fresh(next, tenant, conversation))).toBe(true);
    process.env.VOUCH_ENCRYPTION_KEY = 'not a key';
    expect(() => conversationVaultKey(tenant, conversation)).toThrow(/VOUCH_ENCRYPTION_KEY/);
  });

  it('is bounded and drops the least recently used key first', () => {
    const master = randomBytes(32).toString('base64');
    process.env.VOUCH_ENCRYPTION_KEY = master;
    const tenant = randomUUID();
    const kept = randomUUID();
    const first = conversationVaultKey(tenant, kept);
    for (let i = 0; i < 1500; i++) {
      conversationVaultKey(tenant, randomUUID());
      if (i % 100 === 0) conversationVaultKey(tenant, kept); // in use all along
    }
    expect(vaultKeyCacheSize()).toBe(1000);
    expect(conversationVaultKey(tenant, kept)).toBe(first);
  });
});
