import type { ConversationStatus, HandoffReason, HandoffStatus, MessageRole, TenantTx } from '@vouch/db';
import { z } from 'zod';
import { AppError } from '../errors';
import { listVaultedPlaceholders } from './pii-vault';
import { memberNames } from './shared';

export const ZConversationIdInput = z.object({ conversationId: z.uuid() });

export interface TTraceSummary {
  /** The trace's id (audit events name it; the Conversations view opens it by id). */
  id: string;
  outcome: string;
  handoffReason: HandoffReason | null;
  provider: string;
  /** Distinct approved sources the answer cited. */
  sources: { sourceId: string | null; title: string; version: number | null }[];
  retrievedCount: number;
  topScore: number | null;
  guard: {
    injectionFlagged: boolean;
    injectionScore: number | null;
    injectionFamilies: string[];
    /** What the output filter did, by kind (e.g. pii_redacted: 1); never the values. */
    outputActions: Record<string, number>;
    canaryLeaked: boolean;
    decidedBeforeRetrieval: boolean;
  };
  verification: { kept: number | null; dropped: number | null };
  redactionCounts: Record<string, number>;
  latencyMs: number;
}

export interface TAgentMessage {
  id: string;
  role: MessageRole;
  /** As stored: customer text was redacted before it was stored; vault values are never revealed. */
  content: string;
  author: string | null;
  createdAt: Date;
  flags: string[];
  trace: TTraceSummary | null;
}

export interface TCustomerIdentity {
  verified: boolean;
  externalUserId: string | null;
}

/** The read model's view of a conversation's identity columns: an id only when it was verified. */
export function customerIdentityOf(row: { identityVerified: boolean; externalUserId: string | null }): TCustomerIdentity {
  return row.identityVerified && row.externalUserId ? { verified: true, externalUserId: row.externalUserId } : { verified: false, externalUserId: null };
}

export interface TAgentConversation {
  id: string;
  status: ConversationStatus;
  agentName: string;
  environment: string;
  createdAt: Date;
  /**
   * Who the customer is: verified when the host site signed their user id (widget identity
   * verification); the id as stored (redacted at start, so an email-like id stays a placeholder).
   * Anonymous visitors carry no id.
   */
  customer: TCustomerIdentity;
  handoff: {
    id: string;
    reason: HandoffReason;
    status: HandoffStatus;
    assignee: { userId: string; name: string } | null;
    createdAt: Date;
    claimedAt: Date | null;
    resolvedAt: Date | null;
    /** A placeholder for the email the customer left while nobody was online (reveal with pii.reveal). */
    contactPlaceholder: string | null;
  } | null;
  messages: TAgentMessage[];
  /** Placeholders that hold a vaulted original value: what a member with pii.reveal may open, one at a time. */
  vaultedPlaceholders: string[];
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function summarizeTrace(
  trace: { id: string; outcome: string; handoffReason: HandoffReason | null; provider: string; retrieved: unknown; guard: unknown; verification: unknown; redactionCounts: unknown; latencyMs: number },
  citations: unknown,
): TTraceSummary {
  const sources = new Map<string, TTraceSummary['sources'][number]>();
  for (const raw of asArray(citations)) {
    const c = asRecord(raw);
    const title = String(c.title ?? c.source ?? 'Untitled source');
    const sourceId = typeof c.sourceId === 'string' ? c.sourceId : null;
    sources.set(`${sourceId ?? title}:${String(c.version ?? '')}`, { sourceId, title, version: asNumber(c.version) });
  }
  const retrieved = asArray(trace.retrieved).map(asRecord);
  const scores = retrieved.map((r) => asNumber(r.score)).filter((s): s is number => s !== null);
  const guard = asRecord(trace.guard);
  const injection = asRecord(guard.injection);
  const output = asRecord(guard.output);
  const outputActions: Record<string, number> = {};
  for (const action of asArray(output.actions).map(asRecord)) {
    const kind = String(action.kind ?? 'unknown');
    outputActions[kind] = (outputActions[kind] ?? 0) + 1;
  }
  const verification = asRecord(trace.verification);
  const count = (value: unknown) => (Array.isArray(value) ? value.length : asNumber(value));
  const redactionCounts: Record<string, number> = {};
  for (const [type, n] of Object.entries(asRecord(trace.redactionCounts))) if (typeof n === 'number') redactionCounts[type] = n;
  return {
    id: trace.id,
    outcome: trace.outcome,
    handoffReason: trace.handoffReason,
    provider: trace.provider,
    sources: [...sources.values()],
    retrievedCount: retrieved.length,
    topScore: scores.length ? Math.max(...scores) : null,
    guard: {
      injectionFlagged: injection.flagged === true,
      injectionScore: asNumber(injection.score),
      injectionFamilies: asArray(injection.families).map(String),
      outputActions,
      canaryLeaked: output.canaryLeaked === true,
      decidedBeforeRetrieval: guard.decidedBeforeRetrieval === true,
    },
    verification: { kept: count(verification.kept), dropped: count(verification.dropped) },
    redactionCounts,
    latencyMs: trace.latencyMs,
  };
}

/**
 * A conversation as a support agent sees it: the transcript exactly as stored (customer text was
 * redacted at intake, so placeholders like [EMAIL_1] stay placeholders; the redaction session
 * holds digests only and is not opened here), internal notes, and for every AI answer a summary
 * of its trace: the sources it used and the guards' verdicts.
 */
export async function getConversationForAgent(tx: TenantTx, rawInput: z.input<typeof ZConversationIdInput>): Promise<TAgentConversation> {
  const { conversationId } = ZConversationIdInput.parse(rawInput);
  const conversation = await tx.conversation.findFirst({
    where: { id: conversationId },
    select: {
      id: true,
      status: true,
      environment: true,
      createdAt: true,
      identityVerified: true,
      externalUserId: true,
      agent: { select: { name: true } },
      handoffs: { orderBy: { createdAt: 'desc' }, take: 1 },
      messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, role: true, content: true, citations: true, authorUserId: true, createdAt: true, flags: true } },
      traces: {
        select: { id: true, replyMessageId: true, outcome: true, handoffReason: true, provider: true, retrieved: true, guard: true, verification: true, redactionCounts: true, latencyMs: true },
      },
    },
  });
  if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
  const handoff = conversation.handoffs[0] ?? null;
  const names = await memberNames(tx, [...conversation.messages.map((m) => m.authorUserId), handoff?.assigneeUserId]);
  const traces = new Map(conversation.traces.filter((t) => t.replyMessageId).map((t) => [t.replyMessageId!, t]));
  return {
    id: conversation.id,
    status: conversation.status,
    agentName: conversation.agent.name,
    environment: conversation.environment,
    createdAt: conversation.createdAt,
    customer: customerIdentityOf(conversation),
    handoff: handoff
      ? {
          id: handoff.id,
          reason: handoff.reason,
          status: handoff.status,
          assignee: handoff.assigneeUserId ? { userId: handoff.assigneeUserId, name: names.get(handoff.assigneeUserId) ?? 'Former member' } : null,
          createdAt: handoff.createdAt,
          claimedAt: handoff.claimedAt,
          resolvedAt: handoff.resolvedAt,
          contactPlaceholder: handoff.contactPlaceholder,
        }
      : null,
    vaultedPlaceholders: await listVaultedPlaceholders(tx, conversation.id),
    messages: conversation.messages.map((m) => {
      const trace = m.role === 'assistant' ? traces.get(m.id) : undefined;
      return {
        id: m.id,
        role: m.role,
        content: m.content,
        author: m.authorUserId ? (names.get(m.authorUserId) ?? 'Former member') : null,
        createdAt: m.createdAt,
        flags: m.flags,
        trace: trace ? summarizeTrace(trace, m.citations) : null,
      };
    }),
  };
}
