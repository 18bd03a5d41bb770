import type { HandoffReason } from '@vouch/db';
import { withTenant } from '@vouch/db';
import { getRedis } from '@vouch/jobs';
import { createAnswerProvider, createEmbeddingsFromEnv, type AnswerProvider, type TEmbeddingsChoice, type TProviderChoice } from '@vouch/rag';
import { z } from 'zod';
import type { TActor } from '../actor';
import { composeGroundedReply, type TCitation, type TGroundedAttempt } from './compose-grounded-reply';
import { isHumanRequest } from './human-request';
import { matchAlwaysHumanTopic } from './human-topics';
import { intakeCustomerMessage, type TIntake } from './intake-customer-message';
import { DEFAULT_RATE_LIMITS, enforceRateLimits, type TRateLimitRedis, type TRateLimits } from './rate-limit';
import { recordReply, type TTraceOutcome } from './record-reply';
import { HANDOFF_REPLIES, UNVERIFIED_REPLY, WITH_HUMAN_REPLY } from './replies';
import { resolveAgentDeployment, ZAgentTarget, type TAgentDeployment } from './resolve-agent-deployment';
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
});
export type TCustomerMessageInput = z.input<typeof ZCustomerMessageInput>;

export type TReplyReason = 'answered' | 'unverified' | 'with_human' | HandoffReason;

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
}

export interface TAnswerDeps {
  redis?: TRateLimitRedis;
  rateLimits?: TRateLimits;
  embeddings?: TEmbeddingsChoice;
  createProvider?: (choice: TProviderChoice) => Promise<AnswerProvider>;
}

let defaultEmbeddings: Promise<TEmbeddingsChoice> | undefined;

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
  await enforceRateLimits(deps.redis ?? getRedis(), { tenantId, visitorId: input.visitor.id, ip: input.visitor.ip }, deps.rateLimits ?? DEFAULT_RATE_LIMITS);
  const visitorKey = visitorKeyOf(tenantId, input.visitor.id);
  const actor: TActor = { type: 'visitor', visitorKey, tenantId, userAgent: input.visitor.userAgent ?? null };

  const { deployment, intake } = await withTenant(tenantId, async (tx) => {
    const resolved = await resolveAgentDeployment(tx, input.target);
    return { deployment: resolved, intake: await intakeCustomerMessage(tx, tenantId, resolved, { conversationId: input.conversationId, visitorKey, text: input.message }) };
  });
  const intakeMs = Math.round(performance.now() - started);

  const failures = failuresOf(intake);
  let decision = decideBeforeRetrieval(intake, deployment, failures);
  let attempt: TGroundedAttempt | null = null;
  if (!decision) {
    defaultEmbeddings ??= createEmbeddingsFromEnv();
    const embeddings = deps.embeddings ?? (await defaultEmbeddings);
    const createProvider = deps.createProvider ?? ((choice: TProviderChoice) => createAnswerProvider(choice));
    attempt = await composeGroundedReply(
      tenantId,
      deployment,
      { redactedText: intake.redactedText, history: intake.history, customerTexts: [...intake.earlierQuestions.map((q) => q.content), intake.redactedText] },
      { embeddings, getProvider: () => createProvider(deployment.config.provider) },
    );
    decision = decideAfterAttempt(attempt, failures, deployment);
  }

  const guard = {
    injection: { score: intake.injection.score, flagged: intake.injection.flagged, families: [...new Set(intake.injection.reasons.map((r) => r.family))] },
    repeatedFailures: failures,
    decidedBeforeRetrieval: attempt === null,
    output: attempt?.output ?? null,
  };
  const stored = await withTenant(tenantId, (tx) =>
    recordReply(tx, tenantId, actor, {
      conversationId: intake.conversationId,
      customerMessageId: intake.customerMessageId,
      configVersionId: deployment.configVersionId,
      content: decision.content,
      citations: decision.outcome === 'answered' ? (attempt?.citations ?? []) : [],
      outcome: decision.outcome,
      handoff: decision.handoff,
      provider: attempt?.providerId ?? 'none',
      retrieved: attempt?.retrieved ?? [],
      guard,
      redactionCounts: intake.redactionCounts,
      grounding: attempt?.grounding ?? null,
      verification: attempt?.verification ?? null,
      tokens: attempt?.tokens ?? { input: 0, output: 0 },
      latencyMs: performance.now() - started,
      timings: { intakeMs, ...(attempt?.timings ?? {}) },
    }),
  );
  return {
    conversationId: intake.conversationId,
    customerMessageId: intake.customerMessageId,
    messageId: stored.messageId,
    traceId: stored.traceId,
    handoffId: stored.handoffId,
    answer: decision.content,
    citations: decision.outcome === 'answered' ? (attempt?.citations ?? []) : [],
    escalated: decision.outcome === 'handed_off' || decision.outcome === 'with_human',
    reason: decision.reason,
  };
}
