import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import { actorId, type TActor } from '../actor';
import { chainHash, GENESIS_HASH, type TAuditContent } from './canonical';

export const ZAuditEventInput = z.object({
  action: z.string().regex(/^[a-z_]+(\.[a-z_-]+)+$/, 'action must look like domain.verb'),
  targetType: z.string().max(64).nullish(),
  targetId: z.string().max(256).nullish(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type TAuditEventInput = z.input<typeof ZAuditEventInput>;

export interface TRecordedAuditEvent {
  id: string;
  seq: bigint;
  hash: string;
}

/**
 * The only writer of audit_events. Appends one event to the tenant's hash chain inside the
 * caller's transaction, so the event commits or rolls back with the change it describes.
 * A per-tenant advisory lock orders concurrent writers, keeping seq gap-free.
 */
export async function recordAuditEvent(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  input: TAuditEventInput,
): Promise<TRecordedAuditEvent> {
  const event = ZAuditEventInput.parse(input);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${tenantId}`}, 0))`;
  const last = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT seq, hash FROM audit_events WHERE tenant_id = ${tenantId}::uuid ORDER BY seq DESC LIMIT 1`;
  const seq = (last[0]?.seq ?? 0n) + 1n;
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  // Round-trip through JSON so what is hashed is exactly what jsonb stores and returns.
  const data = JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;
  const occurredAt = new Date();
  const content: TAuditContent = {
    tenantId,
    seq: seq.toString(),
    occurredAt: occurredAt.toISOString(),
    actorType: actor.type,
    actorId: actorId(actor),
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    data,
  };
  const hash = chainHash(prevHash, content);
  const created = await tx.auditEvent.create({
    data: {
      tenantId,
      seq,
      occurredAt,
      actorType: content.actorType as TActor['type'],
      actorId: content.actorId,
      action: content.action,
      targetType: content.targetType,
      targetId: content.targetId,
      ip: content.ip,
      userAgent: content.userAgent,
      data: data as object,
      prevHash,
      hash,
    },
    select: { id: true, seq: true, hash: true },
  });
  return created;
}
