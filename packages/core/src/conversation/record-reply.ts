import { randomUUID } from 'node:crypto';
import { Prisma, type HandoffReason } from '@vouch/db';
import type { TActor } from '../actor';
import { rawRows, type TTenantDb } from '../tenant-db';
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

/** A JSON column's value as Prisma stored it: null becomes JSON null, undefined members go. */
const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * The reply and its trace in one statement (the trace references the message; its foreign key is
 * checked at the end of the statement), through whichever client runs the transaction.
 */
async function insertReplyAndTrace(db: TTenantDb, tenantId: string, reply: TReplyRecord): Promise<{ messageId: string; traceId: string; createdAt: Date }> {
  const traceId = randomUUID();
  const now = new Date();
  const rows = await rawRows<{ id: string; created_at: Date }>(
    db,
    Prisma.sql`
    WITH reply AS (
      INSERT INTO messages (tenant_id, conversation_id, role, content, citations, created_at)
      VALUES (${tenantId}::uuid, ${reply.conversationId}::uuid, 'assistant'::message_role, ${reply.content}, ${json(reply.citations)}::jsonb, ${now})
      RETURNING id, created_at
    ), trace AS (
      INSERT INTO message_traces (id, tenant_id, conversation_id, customer_message_id, reply_message_id, config_version_id, outcome, handoff_reason, provider,
                                  retrieved, guard, redaction_counts, grounding, verification, tokens_input, tokens_output, latency_ms, timings, created_at)
      SELECT ${traceId}::uuid, ${tenantId}::uuid, ${reply.conversationId}::uuid, ${reply.customerMessageId}::uuid, reply.id, ${reply.configVersionId}::uuid,
             ${reply.outcome}, ${reply.handoff?.reason ?? null}::handoff_reason, ${reply.provider},
             ${json(reply.retrieved)}::jsonb, ${json(reply.guard)}::jsonb, ${json(reply.redactionCounts)}::jsonb, ${json(reply.grounding ?? {})}::jsonb,
             ${json(reply.verification ?? {})}::jsonb, ${reply.tokens.input}::int, ${reply.tokens.output}::int, ${Math.round(reply.latencyMs)}::int, ${json(reply.timings)}::jsonb, ${now}
      FROM reply
      RETURNING id
    )
    SELECT reply.id, reply.created_at FROM reply, trace`,
  );
  const message = rows[0];
  if (!message) throw new Error('The reply was not stored.');
  return { messageId: message.id, traceId, createdAt: message.created_at };
}

/**
 * Stores the assistant's reply, its trace and (when escalating) the handoff, in the caller's
 * transaction (either client's; the widget's replies run on the thin pg path).
 */
export async function recordReply(
  tx: TTenantDb,
  tenantId: string,
  actor: TActor,
  reply: TReplyRecord,
): Promise<{ messageId: string; traceId: string; handoffId: string | null; expectedWaitMinutes?: number | null; createdAt: Date }> {
  const stored = await insertReplyAndTrace(tx, tenantId, reply);
  const handoff = reply.handoff
    ? await handOffConversation(tx, tenantId, actor, { conversationId: reply.conversationId, reason: reply.handoff.reason, traceId: stored.traceId, topic: reply.handoff.topic })
    : null;
  return { ...stored, handoffId: handoff?.handoffId ?? null, expectedWaitMinutes: handoff?.expectedWaitMinutes };
}
