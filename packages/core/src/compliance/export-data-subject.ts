import type { TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { findDataSubject, openVaultValue, type TDataSubjectRef } from './find-data-subject';

export const DATA_SUBJECT_EXPORT_FORMAT = 'vouch-data-subject-export/v1';

export interface TDataSubjectArchive {
  format: typeof DATA_SUBJECT_EXPORT_FORMAT;
  tenantId: string;
  exportedAt: string;
  subject: { kind: string; matchedBy: Record<string, number> };
  contacts: { id: string; email: string | null; name: string | null; externalId: string | null; verified: boolean; metadata: unknown; createdAt: string; updatedAt: string }[];
  conversations: {
    id: string;
    status: string;
    environment: string;
    createdAt: string;
    updatedAt: string;
    /** As stored: customer text was redacted before storage, so personal values appear as placeholders. */
    messages: { id: string; role: string; content: string; createdAt: string }[];
    handoffs: { id: string; reason: string; status: string; createdAt: string; resolvedAt: string | null }[];
    /** Answer traces are internal evidence of how each reply was made; their number is given. */
    answerTraces: number;
    /** Tool actions in this conversation (inputs and results as stored: redacted). */
    toolActions: { id: string; action: string; access: string; status: string; input: unknown; result: unknown; createdAt: string; decidedAt: string | null }[];
  }[];
  /** Their orders in the tool tables (by verified user id), each with its refund requests. */
  orders: {
    id: string;
    orderNumber: string;
    status: string;
    itemSummary: string;
    totalCents: number;
    currency: string;
    placedAt: string;
    refundRequests: { id: string; amountCents: number; currency: string; status: string; createdAt: string }[];
  }[];
  /** The original values behind the placeholders of their messages (null: could not be opened). */
  sealedValues: { conversationId: string; placeholder: string; type: string; value: string | null }[];
}

/**
 * GDPR article 15: everything stored about one end customer as one JSON archive. Internal notes
 * written by support agents are included (they are data about the subject). Audited with counts
 * and a keyed digest of the reference, never the reference itself.
 */
export async function exportDataSubject(tx: TenantTx, tenantId: string, actor: TActor, ref: TDataSubjectRef): Promise<TDataSubjectArchive> {
  const match = await findDataSubject(tx, tenantId, ref);
  const contacts = await tx.contact.findMany({ where: { id: { in: match.contactIds } }, orderBy: { createdAt: 'asc' } });
  const conversations = await tx.conversation.findMany({
    where: { id: { in: match.conversationIds } },
    orderBy: { createdAt: 'asc' },
    include: {
      messages: { orderBy: { createdAt: 'asc' }, select: { id: true, role: true, content: true, createdAt: true } },
      handoffs: { orderBy: { createdAt: 'asc' }, select: { id: true, reason: true, status: true, createdAt: true, resolvedAt: true } },
      _count: { select: { traces: true } },
    },
  });
  const sealedValues = await listSealedValues(tx, tenantId, match.conversationIds);
  const toolActions = await tx.toolAction.findMany({ where: { conversationId: { in: match.conversationIds } }, orderBy: { createdAt: 'asc' } });
  const orders = await tx.customerOrder.findMany({ where: { id: { in: match.orderIds } }, orderBy: { placedAt: 'asc' } });
  const refunds = await tx.refundRequest.findMany({ where: { orderId: { in: match.orderIds } }, orderBy: { createdAt: 'asc' } });
  const archive: TDataSubjectArchive = {
    format: DATA_SUBJECT_EXPORT_FORMAT,
    tenantId,
    exportedAt: new Date().toISOString(),
    subject: { kind: match.kind, matchedBy: match.matchedBy },
    contacts: contacts.map((c) => ({
      id: c.id,
      email: c.email,
      name: c.name,
      externalId: c.externalId,
      verified: c.verified,
      metadata: c.metadata,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    })),
    conversations: conversations.map((c) => ({
      id: c.id,
      status: c.status,
      environment: c.environment,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      messages: c.messages.map((m) => ({ id: m.id, role: m.role, content: m.content, createdAt: m.createdAt.toISOString() })),
      handoffs: c.handoffs.map((h) => ({ id: h.id, reason: h.reason, status: h.status, createdAt: h.createdAt.toISOString(), resolvedAt: h.resolvedAt?.toISOString() ?? null })),
      answerTraces: c._count.traces,
      toolActions: toolActions
        .filter((a) => a.conversationId === c.id)
        .map((a) => ({ id: a.id, action: a.action, access: a.access, status: a.status, input: a.input, result: a.result, createdAt: a.createdAt.toISOString(), decidedAt: a.decidedAt?.toISOString() ?? null })),
    })),
    orders: orders.map((o) => ({
      id: o.id,
      orderNumber: o.orderNumber,
      status: o.status,
      itemSummary: o.itemSummary,
      totalCents: o.totalCents,
      currency: o.currency,
      placedAt: o.placedAt.toISOString(),
      refundRequests: refunds
        .filter((r) => r.orderId === o.id)
        .map((r) => ({ id: r.id, amountCents: r.amountCents, currency: r.currency, status: r.status, createdAt: r.createdAt.toISOString() })),
    })),
    sealedValues,
  };
  await recordAuditEvent(tx, tenantId, actor, {
    action: 'privacy.export',
    targetType: 'data_subject',
    targetId: match.subjectDigest,
    data: {
      kind: match.kind,
      contacts: archive.contacts.length,
      conversations: archive.conversations.length,
      messages: archive.conversations.reduce((n, c) => n + c.messages.length, 0),
      toolActions: toolActions.length,
      orders: orders.length,
      sealedValues: sealedValues.length,
    },
  });
  return archive;
}

/**
 * The subject's sealed values (the inbox vault), opened: article 15 gives the customer their own
 * data, and only holders of privacy.manage (owners, who also hold pii.reveal) get here.
 */
export async function listSealedValues(tx: TenantTx, tenantId: string, conversationIds: string[]): Promise<TDataSubjectArchive['sealedValues']> {
  if (conversationIds.length === 0) return [];
  const entries = await tx.piiVaultEntry.findMany({ where: { conversationId: { in: conversationIds } }, orderBy: { createdAt: 'asc' } });
  return entries.map((e) => ({ conversationId: e.conversationId, placeholder: e.placeholder, type: e.entityType, value: openVaultValue(tenantId, e) }));
}
