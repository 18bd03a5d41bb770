import type { TenantTx } from '@vouch/db';
import { z } from 'zod';

/** Audit targets that live inside a conversation, and so can be opened in the Conversations view. */
export const CONVERSATION_TARGET_TYPES = ['conversation', 'message', 'handoff', 'tool_action', 'trace'] as const;
export type TConversationTargetType = (typeof CONVERSATION_TARGET_TYPES)[number];

export const ZLocateAuditTargetInput = z
  .object({ targetType: z.enum(CONVERSATION_TARGET_TYPES), targetId: z.uuid() })
  .strict();
export type TLocateAuditTargetInput = z.infer<typeof ZLocateAuditTargetInput>;

export interface TAuditTargetLocation {
  conversationId: string;
  /** The message to show: the answer a trace explains (or the customer's turn when no answer was sent). */
  messageId: string | null;
}

/**
 * Where an audit event's target is in the Conversations view (RLS scopes every lookup to the
 * caller's tenant). Null when it is gone (erased, expired by retention) or never existed here:
 * the audit trail keeps the id, the data may not outlive it.
 */
export async function locateAuditTarget(tx: TenantTx, raw: TLocateAuditTargetInput): Promise<TAuditTargetLocation | null> {
  const { targetType, targetId } = ZLocateAuditTargetInput.parse(raw);
  const traceLocation = async (traceId: string) => {
    const trace = await tx.messageTrace.findFirst({ where: { id: traceId }, select: { conversationId: true, replyMessageId: true, customerMessageId: true } });
    return trace ? { conversationId: trace.conversationId, messageId: trace.replyMessageId ?? trace.customerMessageId } : null;
  };
  switch (targetType) {
    case 'conversation': {
      const row = await tx.conversation.findFirst({ where: { id: targetId }, select: { id: true } });
      return row ? { conversationId: row.id, messageId: null } : null;
    }
    case 'message': {
      const row = await tx.message.findFirst({ where: { id: targetId }, select: { conversationId: true } });
      return row ? { conversationId: row.conversationId, messageId: targetId } : null;
    }
    case 'handoff': {
      const row = await tx.handoff.findFirst({ where: { id: targetId }, select: { conversationId: true } });
      return row ? { conversationId: row.conversationId, messageId: null } : null;
    }
    case 'tool_action': {
      const row = await tx.toolAction.findFirst({ where: { id: targetId }, select: { conversationId: true, traceId: true } });
      if (!row) return null;
      const viaTrace = row.traceId ? await traceLocation(row.traceId) : null;
      return { conversationId: row.conversationId, messageId: viaTrace?.messageId ?? null };
    }
    case 'trace':
      return traceLocation(targetId);
  }
}
