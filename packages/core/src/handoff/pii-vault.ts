import { deriveKey, hasPermission, readMasterKey } from '@vouch/auth';
import { Prisma, type TenantTx } from '@vouch/db';
import { BUILT_IN_ENTITY_TYPES, revealVaultEntry, type TEntityType, type TOperator, type TVaultEntry } from '@vouch/guard';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { rawRows, type TTenantDb } from '../tenant-db';
import { AppError } from '../errors';
import { requireUserId } from './shared';

/**
 * What the conversation pipeline vaults: personal data an agent may need to act on (reach the
 * customer, find their account). Never card numbers (PCI DSS: guard refuses anyway) and never
 * secrets a customer pasted: no role should read a customer's password or API key back.
 */
export const VAULTED_TYPES: readonly TEntityType[] = BUILT_IN_ENTITY_TYPES.filter((type) => type !== 'CREDIT_CARD' && type !== 'SECRET');

/** Redaction operators for customer text: vaulted types keep their placeholder and get a sealed entry. */
export function vaultOperators(): Partial<Record<TEntityType, TOperator>> {
  return Object.fromEntries(VAULTED_TYPES.map((type) => [type, 'vault' as const]));
}

/**
 * The key a conversation's vault entries are sealed with. Derived per tenant AND conversation,
 * so an entry copied into another conversation (or tenant) does not open there; guard binds the
 * placeholder and type as associated data on top.
 */
export function conversationVaultKey(tenantId: string, conversationId: string): Uint8Array {
  const master = process.env.VOUCH_ENCRYPTION_KEY;
  if (master !== keysFrom) {
    // Another master key (tests, a rotation with restart): nothing derived from the old one is used.
    derivedKeys.clear();
    keysFrom = master;
  }
  const scope = `pii:${tenantId}:${conversationId}`;
  let key = derivedKeys.get(scope);
  if (!key) {
    key = deriveKey(readMasterKey(), 'tenant-vault', scope);
    derivedKeys.set(scope, key);
  }
  return key;
}

/**
 * Derived vault keys, by tenant and conversation, for the master key they came from (HKDF of the
 * master key and the scope: they never go stale). Keys only, never plaintext; never logged. Bounded,
 * least recently used out: a busy process keeps the keys of its active conversations.
 */
const derivedKeys = new LRUCache<string, Buffer>({ max: 1000 });
let keysFrom: string | undefined;

/** How many derived vault keys this process holds (tests). */
export function vaultKeyCacheSize(): number {
  return derivedKeys.size;
}

/**
 * Stores the sealed entries redaction produced for one customer message, inside the caller's
 * transaction. A placeholder already vaulted keeps its first entry (the session maps the same
 * value to the same placeholder, so both hold the same person's data).
 */
export async function storeVaultEntries(tx: TTenantDb, tenantId: string, conversationId: string, entries: readonly TVaultEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  // One statement for all entries (arrays as bound parameters); a placeholder already vaulted keeps its entry.
  const rows = await rawRows<{ id: string }>(
    tx,
    Prisma.sql`
      INSERT INTO pii_vault_entries (tenant_id, conversation_id, placeholder, entity_type, ciphertext, iv, tag)
      SELECT ${tenantId}::uuid, ${conversationId}::uuid, e.placeholder, e.entity_type, e.ciphertext, e.iv, e.tag
      FROM unnest(${entries.map((e) => e.placeholder)}::text[], ${entries.map((e) => String(e.type))}::text[], ${entries.map((e) => e.ciphertext)}::text[],
                  ${entries.map((e) => e.iv)}::text[], ${entries.map((e) => e.tag)}::text[]) AS e(placeholder, entity_type, ciphertext, iv, tag)
      ON CONFLICT DO NOTHING
      RETURNING id`,
  );
  return rows.length;
}

export const ZRevealInput = z.object({
  conversationId: z.uuid(),
  placeholder: z.string().regex(/^\[[A-Z][A-Z0-9_]{1,40}\]$/, 'Choose a placeholder such as [EMAIL_1].'),
});

/** Placeholders of a conversation that hold a vaulted value (what a revealer may click). */
export async function listVaultedPlaceholders(tx: TenantTx, conversationId: string): Promise<string[]> {
  const rows = await tx.piiVaultEntry.findMany({ where: { conversationId }, select: { placeholder: true }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => r.placeholder);
}

/**
 * Reveals ONE original value behind one placeholder of one conversation to a member holding
 * pii.reveal (checked here again, not only by the API). The audit event names who, which
 * conversation and which placeholder, never the value. Another tenant's conversation, a
 * placeholder that was never vaulted (cards, secrets) and a missing conversation look the same.
 */
export async function revealPlaceholder(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZRevealInput>): Promise<{ placeholder: string; type: string; value: string }> {
  const input = ZRevealInput.parse(rawInput);
  requireUserId(actor);
  if (actor.type !== 'user' || !hasPermission(actor.roles, 'pii.reveal')) throw new AppError('FORBIDDEN', 'Your role does not allow pii.reveal.');
  const entry = await tx.piiVaultEntry.findFirst({ where: { conversationId: input.conversationId, placeholder: input.placeholder } });
  if (!entry) throw new AppError('NOT_FOUND', 'No stored value for this placeholder.');
  let value: string;
  try {
    value = revealVaultEntry(
      { placeholder: entry.placeholder, type: entry.entityType, ciphertext: entry.ciphertext, iv: entry.iv, tag: entry.tag },
      conversationVaultKey(tenantId, entry.conversationId),
    );
  } catch {
    throw new AppError('CONFLICT', 'This stored value cannot be opened (it was altered or belongs elsewhere).');
  }
  await record(tx, tenantId, actor, {
    action: 'pii.reveal',
    targetType: 'conversation',
    targetId: entry.conversationId,
    data: { placeholder: entry.placeholder, entityType: entry.entityType },
  });
  return { placeholder: entry.placeholder, type: entry.entityType, value };
}
