import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redact } from './redact';
import { createRedactionSession, RedactionSession } from './session';
import { revealVaultEntry } from './vault';

const vaultKey = randomBytes(32);

describe('placeholder operator', () => {
  it('gives the same value the same placeholder and different values different ones', () => {
    const result = redact('Mail anna@example.com, or ANNA@example.com, or bob@example.com');
    expect(result.text).toBe('Mail [EMAIL_1], or [EMAIL_1], or [EMAIL_2]');
  });

  it('stays consistent across calls of one conversation and survives JSON', () => {
    const session = createRedactionSession();
    expect(redact('I am at anna@example.com', { session }).text).toBe('I am at [EMAIL_1]');
    const restored = RedactionSession.fromJSON(JSON.parse(JSON.stringify(session)));
    expect(redact('new: bob@example.com, old: anna@example.com', { session: restored }).text).toBe('new: [EMAIL_2], old: [EMAIL_1]');
  });

  it('treats differently formatted phones as one value', () => {
    const session = createRedactionSession();
    redact('call +49 151 23456789', { session });
    expect(redact('call +4915123456789', { session }).text).toBe('call [PHONE_1]');
  });

  it('does not store original values in the serialised session', () => {
    const session = createRedactionSession();
    redact('anna@example.com +49 151 23456789', { session });
    const json = JSON.stringify(session);
    expect(json).not.toContain('anna');
    expect(json).not.toContain('23456789');
  });

  it('rejects a malformed session', () => {
    expect(() => RedactionSession.fromJSON({ version: 2 })).toThrow();
    expect(() => RedactionSession.fromJSON({ version: 1, salt: 'x'.repeat(32), counters: {}, placeholders: { a: '<script>' } })).toThrow();
  });
});

describe('mask operator', () => {
  it('masks cards to the last four by default and never returns the PAN', () => {
    const result = redact('card 4111 1111 1111 1111', { includeText: true });
    expect(result.text).toBe('card [CREDIT_CARD ****1111]');
    expect(result.entities[0]?.text).toBeUndefined();
    expect(JSON.stringify(result)).not.toMatch(/4111\D?1111\D?1111/);
  });

  it('masks other types character by character', () => {
    expect(redact('ip 203.0.113.42', { operators: { IP_ADDRESS: 'mask' } }).text).toBe('ip ***.*.***.**');
  });
});

describe('hash operator', () => {
  it('produces a keyed, stable digest', () => {
    const a = redact('anna@example.com', { operators: { EMAIL: 'hash' }, hashKey: 'k'.repeat(32) }).text;
    const b = redact('Anna@Example.com', { operators: { EMAIL: 'hash' }, hashKey: 'k'.repeat(32) }).text;
    const c = redact('anna@example.com', { operators: { EMAIL: 'hash' }, hashKey: 'x'.repeat(32) }).text;
    expect(a).toMatch(/^\[EMAIL:[0-9a-f]{16}\]$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('requires a key', () => {
    expect(() => redact('anna@example.com', { operators: { EMAIL: 'hash' } })).toThrow(/hashKey/);
  });
});

describe('vault operator', () => {
  it('round-trips through AES-256-GCM', () => {
    const result = redact('mail anna@example.com and call +49 151 23456789, again anna@example.com', {
      operators: { EMAIL: 'vault', PHONE: 'vault' },
      vaultKey,
    });
    expect(result.text).toBe('mail [EMAIL_1] and call [PHONE_1], again [EMAIL_1]');
    expect(result.vaultEntries).toHaveLength(2);
    const email = result.vaultEntries.find((e) => e.placeholder === '[EMAIL_1]')!;
    expect(email.ciphertext).not.toContain('anna');
    expect(revealVaultEntry(email, vaultKey)).toBe('anna@example.com');
  });

  it('fails to reveal with another key or a swapped placeholder', () => {
    const { vaultEntries } = redact('anna@example.com', { operators: { EMAIL: 'vault' }, vaultKey });
    const entry = vaultEntries[0]!;
    expect(() => revealVaultEntry(entry, randomBytes(32))).toThrow();
    expect(() => revealVaultEntry({ ...entry, placeholder: '[EMAIL_2]' }, vaultKey)).toThrow();
  });

  it('never puts a card into the vault, even when configured', () => {
    const result = redact('card 4111 1111 1111 1111', { operators: { CREDIT_CARD: 'vault' }, vaultKey });
    expect(result.text).toBe('card [CREDIT_CARD ****1111]');
    expect(result.vaultEntries).toEqual([]);
  });

  it('demands a 32-byte key', () => {
    expect(() => redact('anna@example.com', { operators: { EMAIL: 'vault' }, vaultKey: randomBytes(16) })).toThrow(/32-byte/);
  });
});

describe('entity metadata', () => {
  it('reports UTF-16 offsets into the input, also after astral characters', () => {
    const text = '😀😀 mail anna@example.com';
    const [entity] = redact(text).entities;
    expect(text.slice(entity!.start, entity!.end)).toBe('anna@example.com');
    expect(entity).toMatchObject({ type: 'EMAIL', replacement: '[EMAIL_1]' });
  });
  it('includes text only on request', () => {
    expect(redact('anna@example.com').entities[0]?.text).toBeUndefined();
    expect(redact('anna@example.com', { includeText: true }).entities[0]?.text).toBe('anna@example.com');
  });
  it('restricts detection to the listed entity types', () => {
    expect(redact('anna@example.com 203.0.113.42', { entities: ['IP_ADDRESS'] }).text).toBe('anna@example.com [IP_ADDRESS_1]');
  });
});
