import { Prisma, type HandoffReason } from '@vouch/db';
import type { TActor } from '../actor';
import { record } from '../audit';
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
): Promise<{ handoffId: string }> {
  // One statement: the handoff row and the conversation's status (RLS confines both to the tenant;
  // no conversation row, no handoff).
  const [handoff] = await rawRows<{ id: string }>(
    tx,
    Prisma.sql`
      WITH marked AS (
        UPDATE conversations SET status = 'handed_off'::conversation_status, updated_at = now()
        WHERE id = ${input.conversationId}::uuid
        RETURNING tenant_id, id
      )
      INSERT INTO handoffs (tenant_id, conversation_id, reason)
      SELECT ${tenantId}::uuid, marked.id, ${input.reason}::handoff_reason FROM marked
      RETURNING id`,
  );
  if (!handoff) throw new Error('The conversation to hand off was not found.');
  await record(tx, tenantId, actor, {
    action: 'conversation.handoff',
    targetType: 'conversation',
    targetId: input.conversationId,
    data: { handoffId: handoff.id, reason: input.reason, traceId: input.traceId ?? null, ...(input.topic ? { topic: input.topic } : {}) },
  });
  return { handoffId: handoff.id };
}
