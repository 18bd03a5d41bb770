import type { HandoffReason } from '@vouch/db';
import { withTenant, withTenantSql } from '@vouch/db';
import { getRedis } from '@vouch/jobs';
import { createAnswerProvider, type AnswerProvider, type TProviderChoice } from '@vouch/rag';
import { z } from 'zod';
import type { TActor } from '../actor';
import { finishToolTurn, planToolTurn } from '../tools/run-tool-turn';
import { embeddingsFor } from '../knowledge/knowledge-settings';
import { composeGroundedReply, retrieveEvidence, type TCitation, type TGroundedAttempt } from './compose-grounded-reply';
import { isHumanRequest } from './human-request';
import { matchAlwaysHumanTopic } from './human-topics';
import { intakeCustomerMessage, type TIntake } from './intake-customer-message';
import { DEFAULT_RATE_LIMITS, enforceRateLimits, type TRateLimitRedis, type TRateLimits } from './rate-limit';
import { recordReply, type TReplyRecord, type TTraceOutcome } from './record-reply';
import { BUDGET_REPLY, HANDOFF_REPLIES, UNVERIFIED_REPLY, WITH_HUMAN_REPLY } from './replies';
import { ReplyStream, type TReplyStreamEvent } from './reply-stream';
import { findStoredReply, waitForStoredReply } from './stored-reply';
import { chargeTokenBudget, readTokenBudget, type TBudgetRedis, type TBudgetState } from './token-budget';
import { resolveAgentServing, ZAgentTarget, type TAgentDeployment } from './resolve-agent-deployment';
import { isSameQuestion } from './same-question';
import { visitorKeyOf } from './visitor-key';

export const ZCustomerMessageInput = z.object({
  target: ZAgentTarget,
  conversationId: z.uuid().nullish(),
  visitor: z.object({
    /** Opaque id the widget keeps for its visitor; only its keyed digest is stored. */
    id: z.string().min(8).max(200),
    ip: z.string().max(64).nullish(),
    userAgent: z.string().max(500).nullish(),
  }),
  message: z.string().trim().min(1).max(4000),
  /** The widget's id for this send; a retry with the same id returns the first reply instead of a second message. */
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).nullish(),
});
export type TCustomerMessageInput = z.input<typeof ZCustomerMessageInput>;

export type TReplyReason = 'answered' | 'unverified' | 'with_human' | 'budget_exceeded' | 'tool' | HandoffReason;

export interface TCustomerReply {
  conversationId: string;
  customerMessageId: string;
  messageId: string;
  traceId: string;
  handoffId: string | null;
  answer: string;
  citations: TCitation[];
  escalated: boolean;
  reason: TReplyReason;
  /** When the reply was stored; the widget resumes after it. */
  createdAt: Date;
  /** This send had been received before (same client message id): the stored reply, not a new one. */
  replayed: boolean;
  /**
   * With a new handoff: the wait a customer is told when nobody is online (median of the tenant's
   * recent waits, read with the handoff; null if unknown). Absent: not read, routing reads it.
   */
  expectedWaitMinutes?: number | null;
}

/** What a streaming caller hears: the message was taken (ids), then the reply as it is produced. */
export type TAnswerEvent = { type: 'accepted'; conversationId: string; customerMessageId: string; replayed: boolean } | TReplyStreamEvent;

export interface TAnswerDeps {
  redis?: TRateLimitRedis & TBudgetRedis;
  /** Streaming: called as the pipeline goes; `delta` texts joined are exactly the stored reply. */
  onEvent?: (event: TAnswerEvent) => void;
  rateLimits?: TRateLimits;
  createProvider?: (choice: TProviderChoice) => Promise<AnswerProvider>;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - t0) };
}

/** A question fails when no verified answer came of it, or when the customer had to ask it again. */
function failuresOf(intake: TIntake): number {
  return intake.earlierQuestions.filter((q) => (q.outcome === 'unverified' || q.outcome === 'answered') && isSameQuestion(q.content, intake.redactedText)).length;
}

export type TDecision = { outcome: TTraceOutcome; reason: TReplyReason; handoff: { reason: HandoffReason; topic?: string | null } | null; content: string };

const handoff = (reason: HandoffReason, topic?: string | null): TDecision => ({ outcome: 'handed_off', reason, handoff: { reason, topic }, content: HANDOFF_REPLIES[reason] });

/** The guards that decide before any retrieval or model: a person already has it, injection, a request for a person, an always-human topic, a question that failed twice. */
export function decideBeforeRetrieval(intake: Pick<TIntake, 'conversationStatus' | 'injection' | 'redactedText'>, deployment: TAgentDeployment, failures: number): TDecision | null {
  if (intake.conversationStatus === 'handed_off') return { outcome: 'with_human', reason: 'with_human', handoff: null, content: WITH_HUMAN_REPLY };
  if (intake.injection.flagged) return handoff('injection_attempt');
  if (deployment.config.escalation.onCustomerRequest && isHumanRequest(intake.redactedText)) return handoff('customer_request');
  const topic = matchAlwaysHumanTopic(intake.redactedText, deployment.config.alwaysHumanTopics);
  if (topic) return handoff('always_human_topic', topic);
  if (failures >= deployment.config.escalation.afterFailedAnswers) return handoff('repeated_failure');
  return null;
}

export function decideAfterAttempt(attempt: TGroundedAttempt, failures: number, deployment: TAgentDeployment): TDecision {
  if (attempt.outcome === 'answered') return { outcome: 'answered', reason: 'answered', handoff: null, content: attempt.answer ?? '' };
  if (attempt.outcome === 'low_grounding') return handoff('low_grounding');
  if (failures + 1 >= deployment.config.escalation.afterFailedAnswers) return handoff('repeated_failure');
  return { outcome: 'unverified', reason: 'unverified', handoff: null, content: UNVERIFIED_REPLY };
}

/**
 * One customer message through the whole pipeline: rate limits → redaction (before anything
 * is stored, logged or sent) → injection score → always-human checks → retrieval from the
 * agent's approved sources → grounding decision → compose → verify → output filter → reply
 * with citations, and a trace of every decision. Escalations create a Handoff, are audited and
 * tell the customer honestly. Model calls happen outside any database transaction.
 */
export async function answerCustomerMessage(tenantId: string, rawInput: TCustomerMessageInput, deps: TAnswerDeps = {}): Promise<TCustomerReply> {
  const started = performance.now();
  const input = ZCustomerMessageInput.parse(rawInput);
  const redis = deps.redis ?? getRedis();
  await enforceRateLimits(redis, { tenantId, visitorId: input.visitor.id, ip: input.visitor.ip }, deps.rateLimits ?? DEFAULT_RATE_LIMITS);
  const visitorKey = visitorKeyOf(tenantId, input.visitor.id);
  const actor: TActor = { type: 'visitor', visitorKey, tenantId, userAgent: input.visitor.userAgent ?? null };

  // The intake is raw SQL throughout: the thin pg path (same role, tenant setting and RLS as withTenant).
  const { deployment, intake, embedder, evidence, failures } = await withTenantSql(tenantId, async (tx) => {
    // The question is embedded with the tenant's own embedder, the one its serving vectors came
    // from: after a re-embed to another size, the env's default would find no vector candidates.
    // The visitor's conversation is found and locked in the same statement.
    const serving = await resolveAgentServing(tx, input.target, { bucketKey: visitorKey, lock: input.conversationId ? { conversationId: input.conversationId, visitorKey } : undefined });
    const taken = await intakeCustomerMessage(tx, tenantId, serving.deployment, {
      conversationId: input.conversationId,
      visitorKey,
      text: input.message,
      clientMessageId: input.clientMessageId,
      locked: serving.conversation,
    });
    // With the in-process offline embedder (no network call), a question the guards let through is
    // retrieved for here, saving a transaction. Another embedder is a remote call: never inside a
    // transaction, so those retrieve in composeGroundedReply. Unused if a tool or the budget decides.
    const failed = failuresOf(taken);
    const early =
      !taken.existing && serving.embedder.provider === 'offline' && decideBeforeRetrieval(taken, serving.deployment, failed) === null
        ? await timed(async () => retrieveEvidence(tx, serving.deployment, taken.redactedText, await embeddingsFor(serving.embedder)))
        : null;
    return { ...serving, intake: taken, failures: failed, evidence: early && { chunks: early.value, retrieveMs: early.ms } };
  });
  // The intake transaction's own time; retrieval done inside it is reported as retrieveMs.
  const intakeMs = Math.round(performance.now() - started) - (evidence?.retrieveMs ?? 0);
  const emit = deps.onEvent;

  if (intake.existing) {
    // A retried send. Its first copy may still be answering (or answered while the response was
    // lost on the way): that reply, once stored, is the answer; a copy whose process died
    // without replying is answered now.
    const stored = (await findStoredReply(tenantId, intake.customerMessageId)) ?? (await waitForStoredReply(tenantId, intake.customerMessageId));
    if (stored) {
      emit?.({ type: 'accepted', conversationId: intake.conversationId, customerMessageId: intake.customerMessageId, replayed: true });
      if (stored.answer) emit?.({ type: 'delta', text: stored.answer });
      return { ...stored, conversationId: intake.conversationId, customerMessageId: intake.customerMessageId, replayed: true };
    }
  }
  emit?.({ type: 'accepted', conversationId: intake.conversationId, customerMessageId: intake.customerMessageId, replayed: intake.existing });
  const stream = new ReplyStream(emit);

  // A tool the agent config allows (see ../tools): never for a flagged message or a conversation a person holds.
  const toolTurn =
    intake.conversationStatus === 'handed_off' || intake.injection.flagged
      ? null
      : await planToolTurn(tenantId, actor, { conversationId: intake.conversationId, text: intake.redactedText, tools: deployment.config.tools });
  let decision: TDecision | null = toolTurn
    ? toolTurn.needsApproval
      ? { ...handoff('tool_approval'), content: toolTurn.content }
      : { outcome: 'tool', reason: 'tool', handoff: null, content: toolTurn.content }
    : decideBeforeRetrieval(intake, deployment, failures);
  let attempt: TGroundedAttempt | null = null;
  let budget: TBudgetState | null = null;
  const budgetSubject = { tenantId, agentId: deployment.agentId, conversationId: intake.conversationId };
  if (!decision) {
    budget = await readTokenBudget(redis, budgetSubject, deployment.config.tokenBudget);
    if (budget.exceeded) decision = { outcome: 'budget_exceeded', reason: 'budget_exceeded', handoff: null, content: BUDGET_REPLY[budget.exceeded] };
  }
  if (!decision) {
    const embeddings = await embeddingsFor(embedder);
    const createProvider = deps.createProvider ?? ((choice: TProviderChoice) => createAnswerProvider(choice));
    attempt = await composeGroundedReply(
      tenantId,
      deployment,
      { redactedText: intake.redactedText, history: intake.history, customerTexts: [...intake.earlierQuestions.map((q) => q.content), intake.redactedText] },
      { embeddings, getProvider: () => createProvider(deployment.config.provider), onSentence: (text) => stream.push(text), evidence: evidence ?? undefined },
    );
    decision = decideAfterAttempt(attempt, failures, deployment);
    await chargeTokenBudget(redis, budgetSubject, attempt.tokens.input + attempt.tokens.output);
  }
  // Sentences streamed before the pipeline decided against them (a canary found in the whole
  // reply, a model that ended with "not in the sources") are taken back.
  if (decision.outcome !== 'answered' && stream.started) stream.reset();
  if (!stream.started) stream.push(decision.content);
  const content = stream.finish();

  const guard = {
    injection: { score: intake.injection.score, flagged: intake.injection.flagged, families: [...new Set(intake.injection.reasons.map((r) => r.family))] },
    repeatedFailures: failures,
    decidedBeforeRetrieval: attempt === null,
    output: attempt?.output ?? null,
    budget: budget ? { ...budget, limits: deployment.config.tokenBudget } : null,
    tool: toolTurn?.trace ?? null,
  };
  const citations = decision.outcome === 'answered' ? (attempt?.citations ?? []) : [];
  const reply: TReplyRecord = {
    conversationId: intake.conversationId,
    customerMessageId: intake.customerMessageId,
    configVersionId: deployment.configVersionId,
    content,
    citations,
    outcome: decision.outcome,
    handoff: decision.handoff,
    provider: attempt?.providerId ?? (toolTurn ? `tool:${toolTurn.action}` : 'none'),
    retrieved: attempt?.retrieved ?? [],
    guard,
    redactionCounts: intake.redactionCounts,
    grounding: attempt?.grounding ?? null,
    verification: attempt?.verification ?? null,
    tokens: attempt?.tokens ?? { input: 0, output: 0 },
    latencyMs: performance.now() - started,
    timings: { intakeMs, ...(attempt?.timings ?? {}) },
  };
  // Plain replies and handoffs run on the thin pg path (same role, tenant setting and RLS as
  // withTenant); a reply that finishes a tool turn stays on Prisma with the tool's own writes.
  const recorded = toolTurn
    ? await withTenant(tenantId, async (tx) => {
        const stored = await recordReply(tx, tenantId, actor, reply);
        await finishToolTurn(tx, tenantId, actor, toolTurn, { conversationId: intake.conversationId, traceId: stored.traceId, handoffId: stored.handoffId });
        return stored;
      })
    : await withTenantSql(tenantId, (sql) => recordReply(sql, tenantId, actor, reply));
  return {
    conversationId: intake.conversationId,
    customerMessageId: intake.customerMessageId,
    messageId: recorded.messageId,
    traceId: recorded.traceId,
    handoffId: recorded.handoffId,
    expectedWaitMinutes: recorded.expectedWaitMinutes,
    answer: content,
    citations,
    escalated: decision.outcome === 'handed_off' || decision.outcome === 'with_human',
    reason: decision.reason,
    createdAt: recorded.createdAt,
    replayed: intake.existing,
  };
}
