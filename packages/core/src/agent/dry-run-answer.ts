import { withTenant } from '@vouch/db';
import { createAnswerProvider, type AnswerProvider, type TProviderChoice } from '@vouch/rag';
import { redact, RedactionSession, scoreInjection } from '@vouch/guard';
import { z } from 'zod';
import { decideAfterAttempt, decideBeforeRetrieval, type TDecision } from '../conversation/answer-customer-message';
import { composeGroundedReply, type TCitation, type TGroundedAttempt } from '../conversation/compose-grounded-reply';
import type { TAgentDeployment } from '../conversation/resolve-agent-deployment';
import { tenantEmbeddings } from '../knowledge/knowledge-settings';

export const ZDryRunTurn = z.object({ role: z.enum(['customer', 'assistant']), content: z.string().trim().min(1).max(4000) });
export type TDryRunTurn = z.infer<typeof ZDryRunTurn>;

/** What a dry run records instead of a message trace row: the same decisions, kept by the caller. */
export interface TDryRunTrace {
  outcome: TDecision['outcome'];
  handoffReason: string | null;
  handoffTopic: string | null;
  provider: string;
  redactedQuestion: string;
  redactionCounts: Record<string, number>;
  injection: { score: number; flagged: boolean; families: string[] };
  decidedBeforeRetrieval: boolean;
  retrieved: TGroundedAttempt['retrieved'];
  grounding: TGroundedAttempt['grounding'] | null;
  verification: TGroundedAttempt['verification'];
  output: TGroundedAttempt['output'] | null;
  tokens: { input: number; output: number };
  timings: Record<string, number>;
  latencyMs: number;
}

export interface TDryRunReply {
  answer: string;
  citations: TCitation[];
  escalated: boolean;
  reason: TDecision['reason'];
  trace: TDryRunTrace;
}

export interface TDryRunDeps {
  createProvider?: (choice: TProviderChoice) => Promise<AnswerProvider>;
}

/**
 * One message through the answer pipeline's own decisions (redaction, injection score,
 * always-human topics and escalation rules, retrieval over the agent's approved sources,
 * grounding, compose, verify, output filter) for a given config version, without creating a
 * conversation, a message, a trace row or a handoff: nothing a customer or the inbox can see.
 * Used by evaluation runs and the console playground. `history` is the caller's own earlier
 * turns (playground), redacted here like the message.
 */
export async function dryRunAnswer(
  tenantId: string,
  deployment: TAgentDeployment,
  input: { message: string; history?: TDryRunTurn[] },
  deps: TDryRunDeps = {},
): Promise<TDryRunReply> {
  const started = performance.now();
  const session = RedactionSession.create();
  const redacted = redact(input.message, { session });
  const redactionCounts: Record<string, number> = {};
  for (const entity of redacted.entities) redactionCounts[entity.type] = (redactionCounts[entity.type] ?? 0) + 1;
  const injection = scoreInjection(redacted.text);
  const maxTurns = deployment.config.maxHistoryTurns;
  const history = maxTurns === 0 ? [] : (input.history ?? []).slice(-maxTurns).map((turn) => ({ role: turn.role, content: redact(turn.content, { session }).text }));

  let decision = decideBeforeRetrieval({ conversationStatus: 'open', injection, redactedText: redacted.text }, deployment, 0);
  let attempt: TGroundedAttempt | null = null;
  if (!decision) {
    // The tenant's own embedder (the one its serving vectors came from), as live answers use.
    const embeddings = await withTenant(tenantId, (tx) => tenantEmbeddings(tx));
    const createProvider = deps.createProvider ?? ((choice: TProviderChoice) => createAnswerProvider(choice));
    attempt = await composeGroundedReply(
      tenantId,
      deployment,
      { redactedText: redacted.text, history, customerTexts: [...history.filter((t) => t.role === 'customer').map((t) => t.content), redacted.text] },
      { embeddings, getProvider: () => createProvider(deployment.config.provider) },
    );
    decision = decideAfterAttempt(attempt, 0, deployment);
  }
  const citations = decision.outcome === 'answered' ? (attempt?.citations ?? []) : [];
  return {
    answer: decision.content,
    citations,
    escalated: decision.outcome === 'handed_off' || decision.outcome === 'with_human',
    reason: decision.reason,
    trace: {
      outcome: decision.outcome,
      handoffReason: decision.handoff?.reason ?? null,
      handoffTopic: decision.handoff?.topic ?? null,
      provider: attempt?.providerId ?? 'none',
      redactedQuestion: redacted.text,
      redactionCounts,
      injection: { score: injection.score, flagged: injection.flagged, families: [...new Set(injection.reasons.map((r) => r.family))] },
      decidedBeforeRetrieval: attempt === null,
      retrieved: attempt?.retrieved ?? [],
      grounding: attempt?.grounding ?? null,
      verification: attempt?.verification ?? null,
      output: attempt?.output ?? null,
      tokens: attempt?.tokens ?? { input: 0, output: 0 },
      timings: attempt?.timings ?? {},
      latencyMs: Math.round(performance.now() - started),
    },
  };
}
