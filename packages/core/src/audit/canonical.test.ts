import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH, type TAuditContent } from './canonical';

const content: TAuditContent = {
  tenantId: 't',
  seq: '1',
  occurredAt: '2026-11-27T00:00:00.000Z',
  actorType: 'system',
  actorId: 'system:cli',
  action: 'tenant.create',
  targetType: 'tenant',
  targetId: 't',
  ip: null,
  userAgent: null,
  data: { b: 1, a: [2, { d: 4, c: 3 }] },
};

describe('canonical audit hashing', () => {
  it('sorts keys at every depth so storage order does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    const reordered = { ...content, data: { a: [2, { c: 3, d: 4 }], b: 1 } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, content));
  });

  it('changes with any field and with the previous hash', () => {
    const base = chainHash(GENESIS_HASH, content);
    expect(chainHash(GENESIS_HASH, { ...content, action: 'tenant.delete' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...content, data: { b: 2, a: [2, { d: 4, c: 3 }] } })).not.toBe(base);
    expect(chainHash('1'.repeat(64), content)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
