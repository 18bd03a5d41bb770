import { Prisma, type HandoffReason } from '@vouch/db';
import type { TActor } from '../actor';
import { record } from '../audit';
import { medianWaitMinutes, recentWaitsMsSql } from '../handoff/expected-wait';
import { rawRows, type TTenantDb } from '../tenant-db';

/**
 * Puts a conversation in the handoff inbox: a pending Handoff, the conversation marked
 * handed_off (the AI stops answering it) and a `conversation.handoff` audit event. The event
 * names the reason and ids only, never message text. Runs in either client's transaction.
 */
export async function handOffConversation(
  tx: TTenantDb,
  tenantId: string,
  actor: TActor,
  input: { conversationId: string; reason: HandoffReason; traceId?: string | null; topic?: string | null },
): Promise<{ handoffId: string; expectedWaitMinutes: number | null }> {
  // One statement: the handoff row, the conversation's status (RLS confines both to the tenant;
  // no conversation row, no handoff) and the tenant's recent waits, which the customer is told
  // when nobody is online (so routing needs no second transaction for it).
  const [handoff] = await rawRows<{ id: string; recent_waits_ms: number[] | null }>(
    tx,
    Prisma.sql`
      WITH marked AS (
        UPDATE conversations SET status = 'handed_off'::conversation_status, updated_at = now()
        WHERE id = ${input.conversationId}::uuid
        RETURNING tenant_id, id
      ), created AS (
        INSERT INTO handoffs (tenant_id, conversation_id, reason)
        SELECT ${tenantId}::uuid, marked.id, ${input.reason}::handoff_reason FROM marked
        RETURNING id
      )
      SELECT created.id, (${recentWaitsMsSql}) AS recent_waits_ms FROM created`,
  );
  if (!handoff) throw new Error('The conversation to hand off was not found.');
  await record(tx, tenantId, actor, {
    action: 'conversation.handoff',
    targetType: 'conversation',
    targetId: input.conversationId,
    data: { handoffId: handoff.id, reason: input.reason, traceId: input.traceId ?? null, ...(input.topic ? { topic: input.topic } : {}) },
  });
  return { handoffId: handoff.id, expectedWaitMinutes: medianWaitMinutes(handoff.recent_waits_ms ?? []) };
}
