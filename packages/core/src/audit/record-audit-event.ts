import { Prisma } from '@vouch/db';
import { z } from 'zod';
import { actorId, type TActor } from '../actor';
import { rawRows, type TTenantDb } from '../tenant-db';
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
 * caller's transaction (either client: Prisma's or the thin pg path), so the event commits or
 * rolls back with the change it describes. A per-tenant advisory lock orders concurrent writers,
 * keeping seq gap-free.
 */
export async function recordAuditEvent(
  tx: TTenantDb,
  tenantId: string,
  actor: TActor,
  input: TAuditEventInput,
): Promise<TRecordedAuditEvent> {
  const event = ZAuditEventInput.parse(input);
  await rawRows(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${tenantId}`}, 0))::text`);
  // Ordered by the bigint column, not the text it is returned as (both are named seq otherwise).
  const last = await rawRows<{ seq_text: string; hash: string }>(
    tx,
    Prisma.sql`SELECT seq::text AS seq_text, hash FROM audit_events WHERE tenant_id = ${tenantId}::uuid ORDER BY seq DESC LIMIT 1`,
  );
  const seq = BigInt(last[0]?.seq_text ?? '0') + 1n;
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
  const [created] = await rawRows<{ id: string; seq: string; hash: string }>(
    tx,
    Prisma.sql`
      INSERT INTO audit_events (tenant_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, ip, user_agent, data, prev_hash, hash)
      VALUES (${tenantId}::uuid, ${content.seq}::bigint, ${occurredAt}::timestamptz, ${content.actorType}::audit_actor_type, ${content.actorId}, ${content.action},
              ${content.targetType}, ${content.targetId}, ${content.ip}, ${content.userAgent}, ${JSON.stringify(data)}::jsonb, ${prevHash}, ${hash})
      RETURNING id, seq::text AS seq, hash`,
  );
  return { id: created!.id, seq: BigInt(created!.seq), hash: created!.hash };
}
