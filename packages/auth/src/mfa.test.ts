import { randomBytes, randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  findRecoveryCodeHash,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  isRecoveryCode,
  openMfaSecret,
  sealMfaSecret,
  tenantsRequiringMfa,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
} from './mfa';

const at = (iso: string) => new Date(iso);
const codeAt = (secret: string, date: Date) => generate({ secret, epoch: Math.floor(date.getTime() / 1000) });

describe('TOTP', () => {
  const secret = generateTotpSecret();
  const now = at('2026-11-27T10:00:15Z');

  it('makes a base32 secret, an otpauth URI and a QR data URL', async () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri('owner@acme.test', secret);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Vouch:owner(%40|@)acme\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(await totpQrDataUrl(uri)).toMatch(/^data:image\/png;base64,/);
  });

  it('accepts the current code and one step either side, nothing further', async () => {
    for (const offset of [-30, 0, 30]) {
      const result = await verifyTotp(secret, await codeAt(secret, new Date(now.getTime() + offset * 1000)), { now });
      expect(result.valid, `offset ${offset}s`).toBe(true);
    }
    for (const offset of [-90, -60, 60, 90]) {
      const result = await verifyTotp(secret, await codeAt(secret, new Date(now.getTime() + offset * 1000)), { now });
      expect(result.valid, `offset ${offset}s`).toBe(false);
    }
  });

  it('reports the time step and refuses steps at or before afterTimeStep', async () => {
    const code = await codeAt(secret, now);
    const first = await verifyTotp(secret, code, { now });
    expect(first).toEqual({ valid: true, timeStep: Math.floor(now.getTime() / 30_000) });
    expect((await verifyTotp(secret, code, { now, afterTimeStep: first.timeStep })).valid).toBe(false);
    const next = await codeAt(secret, new Date(now.getTime() + 30_000));
    expect((await verifyTotp(secret, next, { now, afterTimeStep: first.timeStep })).valid).toBe(true);
  });

  it('refuses malformed codes and another secret', async () => {
    expect((await verifyTotp(secret, '12345', { now })).valid).toBe(false);
    expect((await verifyTotp(secret, 'abcdef', { now })).valid).toBe(false);
    expect((await verifyTotp(generateTotpSecret(), await codeAt(secret, now), { now })).valid).toBe(false);
  });

  it('seals the secret per user', () => {
    const master = randomBytes(32);
    const userA = randomUUID();
    const sealed = sealMfaSecret(userA, secret, master);
    expect(sealed).not.toContain(secret);
    expect(openMfaSecret(userA, sealed, master)).toBe(secret);
    expect(() => openMfaSecret(randomUUID(), sealed, master)).toThrow();
  });
});

describe('recovery codes', () => {
  it('generates 10 distinct well-formed codes', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(isRecoveryCode(code)).toBe(true);
    }
  });

  it('matches a code in any case or spacing, and only its own hash', () => {
    const codes = generateRecoveryCodes();
    const hashes = codes.map(hashRecoveryCode);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(findRecoveryCodeHash(codes[3]!.toUpperCase().replace('-', ' '), hashes)).toBe(hashes[3]);
    expect(findRecoveryCodeHash(generateRecoveryCodes(1)[0]!, hashes)).toBeNull();
    expect(findRecoveryCodeHash('123456', hashes)).toBeNull();
  });
});

describe('who must use MFA', () => {
  const policy = (roles: Parameters<typeof tenantsRequiringMfa>[0][number]['roles'], mfaRequired = true) => ({
    tenantId: randomUUID(),
    tenantName: 'T',
    roles,
    mfaRequired,
  });

  it('requires it for configuration and deployment roles in a tenant that requires it', () => {
    for (const role of ['owner', 'admin', 'agent_builder', 'knowledge_reviewer', 'deployer'] as const) {
      expect(tenantsRequiringMfa([policy([role])]), role).toHaveLength(1);
    }
  });

  it('not for support agents or auditors, nor where the tenant turned it off', () => {
    expect(tenantsRequiringMfa([policy(['support_agent']), policy(['auditor'])])).toEqual([]);
    expect(tenantsRequiringMfa([policy(['owner'], false)])).toEqual([]);
  });

  it('from any one tenant among several', () => {
    expect(tenantsRequiringMfa([policy(['auditor']), policy(['owner'], false), policy(['deployer'])])).toHaveLength(1);
  });
});
