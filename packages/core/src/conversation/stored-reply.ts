import { withTenant } from '@vouch/db';
import type { TReplyReason } from './answer-customer-message';
import type { TCitation } from './compose-grounded-reply';

export interface TStoredReply {
  messageId: string;
  traceId: string;
  handoffId: string | null;
  answer: string;
  citations: TCitation[];
  escalated: boolean;
  reason: TReplyReason;
  createdAt: Date;
}

async function readTrace(tenantId: string, customerMessageId: string) {
  return withTenant(tenantId, (tx) =>
    tx.messageTrace.findFirst({
      where: { customerMessageId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, outcome: true, handoffReason: true, replyMessageId: true, conversationId: true },
    }),
  );
}

/** The reply already stored for a customer message (its trace and reply message), or null. */
export async function findStoredReply(tenantId: string, customerMessageId: string): Promise<TStoredReply | null> {
  const trace = await readTrace(tenantId, customerMessageId);
  if (!trace?.replyMessageId) return null;
  return withTenant(tenantId, async (tx) => {
    const message = await tx.message.findFirst({ where: { id: trace.replyMessageId! }, select: { id: true, content: true, citations: true, createdAt: true } });
    if (!message) return null;
    const handoff = trace.handoffReason ? await tx.handoff.findFirst({ where: { conversationId: trace.conversationId }, orderBy: { createdAt: 'desc' }, select: { id: true } }) : null;
    return {
      messageId: message.id,
      traceId: trace.id,
      handoffId: handoff?.id ?? null,
      answer: message.content,
      citations: (message.citations ?? []) as unknown as TCitation[],
      escalated: trace.outcome === 'handed_off' || trace.outcome === 'with_human',
      reason: (trace.handoffReason ?? trace.outcome) as TStoredReply['reason'],
      createdAt: message.createdAt,
    };
  });
}

/**
 * Waits for the first copy of a retried send to store its reply (it may still be composing:
 * a model call can take up to its 30 s timeout). Null when none came: that copy died.
 */
export async function waitForStoredReply(tenantId: string, customerMessageId: string, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<TStoredReply | null> {
  const deadline = Date.now() + (options.timeoutMs ?? 35_000);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 150));
    const stored = await findStoredReply(tenantId, customerMessageId);
    if (stored) return stored;
  }
  return null;
}
