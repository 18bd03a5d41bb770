import type { HandoffReason, TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import { record } from '../audit';

/**
 * Puts a conversation in the handoff inbox: a pending Handoff, the conversation marked
 * handed_off (the AI stops answering it) and a `conversation.handoff` audit event. The event
 * names the reason and ids only, never message text.
 */
export async function handOffConversation(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  input: { conversationId: string; reason: HandoffReason; traceId?: string | null; topic?: string | null },
): Promise<{ handoffId: string }> {
  const handoff = await tx.handoff.create({ data: { tenantId, conversationId: input.conversationId, reason: input.reason } });
  await tx.conversation.update({ where: { id: input.conversationId }, data: { status: 'handed_off', updatedAt: new Date() } });
  await record(tx, tenantId, actor, {
    action: 'conversation.handoff',
    targetType: 'conversation',
    targetId: input.conversationId,
    data: { handoffId: handoff.id, reason: input.reason, traceId: input.traceId ?? null, ...(input.topic ? { topic: input.topic } : {}) },
  });
  return { handoffId: handoff.id };
}
