import { randomUUID } from 'node:crypto';
import { Prisma, type HandoffReason, type TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import type { TCitation } from './compose-grounded-reply';
import { handOffConversation } from './hand-off-conversation';

export type TTraceOutcome = 'answered' | 'handed_off' | 'unverified' | 'with_human' | 'budget_exceeded' | 'tool';

export interface TReplyRecord {
  conversationId: string;
  customerMessageId: string;
  configVersionId: string;
  content: string;
  citations: TCitation[];
  outcome: TTraceOutcome;
  handoff: { reason: HandoffReason; topic?: string | null } | null;
  provider: string;
  retrieved: unknown[];
  guard: Record<string, unknown>;
  redactionCounts: Record<string, number>;
  grounding: unknown;
  verification: unknown;
  tokens: { input: number; output: number };
  latencyMs: number;
  timings: Record<string, number>;
}

const json = (value: unknown) => (value === null || value === undefined ? Prisma.JsonNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

/** Stores the assistant's reply, its trace and (when escalating) the handoff, in the caller's transaction. */
export async function recordReply(tx: TenantTx, tenantId: string, actor: TActor, reply: TReplyRecord): Promise<{ messageId: string; traceId: string; handoffId: string | null; createdAt: Date }> {
  const message = await tx.message.create({
    data: { tenantId, conversationId: reply.conversationId, role: 'assistant', content: reply.content, citations: json(reply.citations) },
  });
  const traceId = randomUUID();
  await tx.messageTrace.create({
    data: {
      id: traceId,
      tenantId,
      conversationId: reply.conversationId,
      customerMessageId: reply.customerMessageId,
      replyMessageId: message.id,
      configVersionId: reply.configVersionId,
      outcome: reply.outcome,
      handoffReason: reply.handoff?.reason ?? null,
      provider: reply.provider,
      retrieved: json(reply.retrieved),
      guard: json(reply.guard),
      redactionCounts: json(reply.redactionCounts),
      grounding: json(reply.grounding ?? {}),
      verification: json(reply.verification ?? {}),
      tokensInput: reply.tokens.input,
      tokensOutput: reply.tokens.output,
      latencyMs: Math.round(reply.latencyMs),
      timings: json(reply.timings),
    },
  });
  const handoff = reply.handoff
    ? await handOffConversation(tx, tenantId, actor, { conversationId: reply.conversationId, reason: reply.handoff.reason, traceId, topic: reply.handoff.topic })
    : null;
  return { messageId: message.id, traceId, handoffId: handoff?.handoffId ?? null, createdAt: message.createdAt };
}
