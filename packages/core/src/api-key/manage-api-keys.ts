import { PERMISSIONS, permissionsOf, type TPermission } from '@vouch/auth';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { generateApiKey } from './api-key-format';

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
  expiresInDays: z.int().min(1).max(3650).nullish(),
});

export const ZRotateApiKeyInput = z.object({
  id: z.uuid(),
  /** How long the old key keeps working, so deployments can switch without downtime. */
  overlapHours: z.int().min(0).max(168).default(24),
});

export interface TApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  replacedById: string | null;
}

const SUMMARY = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  replacedById: true,
} as const;

function grantablePermissions(actor: TActor): Set<TPermission> {
  if (actor.type === 'user') return permissionsOf(actor.roles);
  if (actor.type === 'api_key') return new Set(actor.scopes);
  if (actor.type === 'system') return new Set(PERMISSIONS);
  // Visitors (chat customers) hold no permissions at all.
  return new Set();
}

/** Creates a key whose scopes are within the creator's own permissions; the key is shown once. */
export async function createApiKey(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZCreateApiKeyInput>,
): Promise<TApiKeySummary & { key: string }> {
  const input = ZCreateApiKeyInput.parse(rawInput);
  const grantable = grantablePermissions(actor);
  const beyond = input.scopes.filter((s) => !grantable.has(s));
  if (beyond.length > 0) {
    throw new AppError('FORBIDDEN', `You cannot grant scopes you do not hold: ${beyond.join(', ')}.`);
  }
  const generated = generateApiKey();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const created = await tx.apiKey.create({
    data: {
      tenantId,
      name: input.name,
      prefix: generated.prefix,
      keyHash: generated.hash,
      scopes: [...new Set(input.scopes)],
      createdBy: actor.type === 'user' ? actor.userId : null,
      expiresAt,
    },
    select: SUMMARY,
  });
  await record(tx, tenantId, actor, {
    action: 'apikey.create',
    targetType: 'api_key',
    targetId: created.id,
    data: { after: { name: created.name, prefix: created.prefix, scopes: created.scopes, expiresAt: expiresAt?.toISOString() ?? null } },
  });
  return { ...created, key: generated.key };
}

export async function listApiKeys(tx: TenantTx): Promise<TApiKeySummary[]> {
  return tx.apiKey.findMany({ select: SUMMARY, orderBy: { createdAt: 'desc' } });
}

export async function revokeApiKey(tx: TenantTx, tenantId: string, actor: TActor, id: string): Promise<TApiKeySummary> {
  const key = await tx.apiKey.findUnique({ where: { id }, select: SUMMARY });
  if (!key) throw new AppError('NOT_FOUND', 'No such API key.');
  if (key.revokedAt) return key;
  const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: SUMMARY });
  await record(tx, tenantId, actor, {
    action: 'apikey.revoke',
    targetType: 'api_key',
    targetId: id,
    data: { before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt?.toISOString() } },
  });
  return revoked;
}

/** A new key with the same name and scopes; the old one keeps working for the overlap only. */
export async function rotateApiKey(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZRotateApiKeyInput>,
): Promise<{ newKey: TApiKeySummary & { key: string }; oldKey: TApiKeySummary }> {
  const input = ZRotateApiKeyInput.parse(rawInput);
  const old = await tx.apiKey.findUnique({ where: { id: input.id }, select: SUMMARY });
  if (!old) throw new AppError('NOT_FOUND', 'No such API key.');
  if (old.revokedAt || (old.expiresAt && old.expiresAt <= new Date())) {
    throw new AppError('CONFLICT', 'This key is revoked or expired; create a new key instead.');
  }
  if (old.replacedById) throw new AppError('CONFLICT', 'This key was already rotated.');
  const remainingDays = old.expiresAt ? Math.max(1, Math.ceil((old.expiresAt.getTime() - Date.now()) / 86_400_000)) : null;
  const newKey = await createApiKey(tx, tenantId, actor, {
    name: old.name,
    scopes: old.scopes as TPermission[],
    expiresInDays: remainingDays,
  });
  const overlapEnd = new Date(Date.now() + input.overlapHours * 3_600_000);
  const expiresAt = old.expiresAt && old.expiresAt < overlapEnd ? old.expiresAt : overlapEnd;
  const oldKey = await tx.apiKey.update({
    where: { id: old.id },
    data: { expiresAt, replacedById: newKey.id },
    select: SUMMARY,
  });
  await record(tx, tenantId, actor, {
    action: 'apikey.rotate',
    targetType: 'api_key',
    targetId: old.id,
    data: {
      before: { expiresAt: old.expiresAt?.toISOString() ?? null },
      after: { expiresAt: expiresAt.toISOString(), replacedById: newKey.id },
      overlapHours: input.overlapHours,
    },
  });
  return { newKey, oldKey };
}
