import type { TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { findDataSubject, type TDataSubjectRef } from './find-data-subject';

export interface TErasureCounts {
  contacts: number;
  conversations: number;
  messages: number;
  internalNotes: number;
  handoffs: number;
  /** Answer traces of these conversations: removed; only this count remains (in the audit event). */
  traces: number;
  vaultEntries: number;
  /** Tool actions the AI took or asked for in their conversations (redacted inputs and results). */
  toolActions: number;
  /** Their orders in `customer_orders` (keyed by their verified user id). */
  orders: number;
  /** Refund requests on their orders or made by their tool actions. */
  refundRequests: number;
  /** Conversations have no attachments in this version: always 0. */
  attachments: number;
  /** Search chunks come only from knowledge documents, never from messages: always 0. */
  searchChunks: number;
}

export interface TErasureResult {
  kind: string;
  subjectDigest: string;
  counts: TErasureCounts;
}

/**
 * GDPR article 17: erases one end customer inside the caller's tenant transaction: their
 * conversations with every message, internal note, handoff, answer trace, tool action and vault
 * entry (by cascade, counted first), their orders and refund requests in the tool tables, then
 * their contact rows. The audit event keeps who, when and the
 * counts, and names the subject only by a keyed digest, so the trail never re-stores what was
 * erased and the chain keeps verifying.
 */
export async function eraseDataSubject(tx: TenantTx, tenantId: string, actor: TActor, ref: TDataSubjectRef): Promise<TErasureResult> {
  const match = await findDataSubject(tx, tenantId, ref);
  const inConversations = { conversationId: { in: match.conversationIds } };
  const toolActionIds = (await tx.toolAction.findMany({ where: inConversations, select: { id: true } })).map((a) => a.id);
  const refunds = { OR: [{ orderId: { in: match.orderIds } }, { toolActionId: { in: toolActionIds } }] };
  const counts: TErasureCounts = {
    contacts: 0,
    conversations: 0,
    messages: await tx.message.count({ where: { ...inConversations, role: { not: 'internal_note' } } }),
    internalNotes: await tx.message.count({ where: { ...inConversations, role: 'internal_note' } }),
    handoffs: await tx.handoff.count({ where: inConversations }),
    traces: await tx.messageTrace.count({ where: inConversations }),
    vaultEntries: await tx.piiVaultEntry.count({ where: inConversations }),
    toolActions: toolActionIds.length,
    orders: 0,
    refundRequests: 0,
    attachments: 0,
    searchChunks: 0,
  };
  // Refunds first (one made by their tool action on someone else's order would otherwise only lose its link).
  counts.refundRequests = (await tx.refundRequest.deleteMany({ where: refunds })).count;
  counts.orders = (await tx.customerOrder.deleteMany({ where: { id: { in: match.orderIds } } })).count;
  counts.conversations = (await tx.conversation.deleteMany({ where: { id: { in: match.conversationIds } } })).count;
  counts.contacts = (await tx.contact.deleteMany({ where: { id: { in: match.contactIds } } })).count;
  await recordAuditEvent(tx, tenantId, actor, {
    action: 'privacy.erase',
    targetType: 'data_subject',
    targetId: match.subjectDigest,
    data: { kind: match.kind, matchedBy: match.matchedBy, counts: { ...counts } },
  });
  return { kind: match.kind, subjectDigest: match.subjectDigest, counts };
}
