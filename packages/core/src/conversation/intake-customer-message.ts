import type { ConversationStatus, TenantTx } from '@vouch/db';
import { redact, scoreInjection, type TInjectionResult } from '@vouch/guard';
import { AppError } from '../errors';
import { conversationVaultKey, storeVaultEntries, vaultOperators } from '../handoff/pii-vault';
import { openRedactionSession, sealRedactionSession } from './redaction-session-store';
import type { TAgentDeployment } from './resolve-agent-deployment';

export const INJECTION_FLAG = 'injection_suspected';

export interface TIntake {
  conversationId: string;
  conversationStatus: ConversationStatus;
  customerMessageId: string;
  /** The customer's message after redaction: the only form that is stored or sent anywhere. */
  redactedText: string;
  redactionCounts: Record<string, number>;
  injection: TInjectionResult;
  /** This conversation's last turns before this message (redacted, flagged ones left out), oldest first. */
  history: { role: 'customer' | 'assistant'; content: string }[];
  /** Earlier customer questions of this conversation and what became of each. */
  earlierQuestions: { content: string; outcome: string | null }[];
  /**
   * The message was already stored by an earlier send with the same client message id (the
   * widget retried after losing the response): nothing new was stored.
   */
  existing: boolean;
}

async function lockOrCreateConversation(tx: TenantTx, tenantId: string, deployment: TAgentDeployment, conversationId: string | null | undefined, visitorKey: string) {
  if (!conversationId) {
    return tx.conversation.create({
      data: { tenantId, agentId: deployment.agentId, environment: deployment.environment, configVersionId: deployment.configVersionId, visitorKey },
    });
  }
  // One message at a time per conversation: the redaction session is read, extended and written
  // back. Found and locked in one statement (a round trip less on every message).
  const rows = await tx.$queryRaw<{ id: string; status: ConversationStatus; redaction_session_sealed: string | null }[]>`
    SELECT id, status::text AS status, redaction_session_sealed FROM conversations
    WHERE id = ${conversationId}::uuid AND agent_id = ${deployment.agentId}::uuid
      AND environment = ${deployment.environment}::agent_environment AND visitor_key = ${visitorKey}
    FOR UPDATE`;
  const row = rows[0];
  // Another visitor's conversation looks exactly like a missing one.
  if (!row) throw new AppError('NOT_FOUND', 'No such conversation.');
  const conversation = { id: row.id, status: row.status, redactionSessionSealed: row.redaction_session_sealed };
  if (conversation.status === 'closed') throw new AppError('CONFLICT', 'This conversation is closed; please start a new one.');
  return conversation;
}

/**
 * The conversation's memory before a message (or before now): the last `maxTurns` customer and
 * assistant messages for the model, and every earlier customer question with its outcome. One
 * read for both; injection-flagged messages are left out of either.
 */
async function loadMemory(tx: TenantTx, conversationId: string, maxTurns: number, before: Date | null): Promise<Pick<TIntake, 'history' | 'earlierQuestions'>> {
  const messages = await tx.message.findMany({
    where: { conversationId, role: { in: ['customer', 'assistant'] }, NOT: { flags: { has: INJECTION_FLAG } }, ...(before ? { createdAt: { lt: before } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { role: true, content: true, tracesAsInput: { select: { outcome: true }, take: 1 } },
  });
  return {
    history: (maxTurns === 0 ? [] : messages.slice(-maxTurns)).map((m) => ({ role: m.role === 'customer' ? ('customer' as const) : ('assistant' as const), content: m.content })),
    earlierQuestions: messages.filter((m) => m.role === 'customer').map((m) => ({ content: m.content, outcome: m.tracesAsInput[0]?.outcome ?? null })),
  };
}

/**
 * Receives a customer message inside the caller's tenant transaction: redacts it with the
 * conversation's persistent redaction session BEFORE anything stores, logs or forwards it,
 * scores it for injection, and stores the redacted text (marked when suspicious). Also loads
 * the bounded history the model may see: this conversation's only.
 */
export async function intakeCustomerMessage(
  tx: TenantTx,
  tenantId: string,
  deployment: TAgentDeployment,
  input: { conversationId?: string | null; visitorKey: string; text: string; clientMessageId?: string | null },
): Promise<TIntake> {
  const conversation = await lockOrCreateConversation(tx, tenantId, deployment, input.conversationId, input.visitorKey);
  // Under the conversation lock, so two copies of one send cannot both pass this check.
  const earlierCopy = input.clientMessageId
    ? await tx.message.findFirst({ where: { conversationId: conversation.id, clientMessageId: input.clientMessageId, role: 'customer' }, select: { id: true, content: true, createdAt: true, flags: true } })
    : null;
  if (earlierCopy) return intakeOfExisting(tx, conversation, deployment, earlierCopy);
  const session = openRedactionSession(tenantId, conversation.id, conversation.redactionSessionSealed);
  // Vaulted types keep their placeholders; the sealed originals are what pii.reveal opens (handoff/pii-vault.ts).
  const redacted = redact(input.text, { session, operators: vaultOperators(), vaultKey: conversationVaultKey(tenantId, conversation.id) });
  const redactionCounts: Record<string, number> = {};
  for (const entity of redacted.entities) redactionCounts[entity.type] = (redactionCounts[entity.type] ?? 0) + 1;
  const injection = scoreInjection(redacted.text);
  await tx.conversation.update({
    where: { id: conversation.id },
    data: { redactionSessionSealed: sealRedactionSession(tenantId, conversation.id, session), updatedAt: new Date() },
  });
  await storeVaultEntries(tx, tenantId, conversation.id, redacted.vaultEntries);

  const memory = await loadMemory(tx, conversation.id, deployment.config.maxHistoryTurns, null);
  const message = await tx.message.create({
    data: { tenantId, conversationId: conversation.id, role: 'customer', content: redacted.text, flags: injection.flagged ? [INJECTION_FLAG] : [], clientMessageId: input.clientMessageId ?? null },
  });
  return {
    conversationId: conversation.id,
    conversationStatus: conversation.status,
    customerMessageId: message.id,
    redactedText: redacted.text,
    redactionCounts,
    injection,
    ...memory,
    existing: false,
  };
}

/** The intake of a message stored by an earlier copy of the same send: its history is what came before it. */
async function intakeOfExisting(
  tx: TenantTx,
  conversation: { id: string; status: ConversationStatus },
  deployment: TAgentDeployment,
  message: { id: string; content: string; createdAt: Date; flags: string[] },
): Promise<TIntake> {
  const memory = await loadMemory(tx, conversation.id, deployment.config.maxHistoryTurns, message.createdAt);
  return {
    conversationId: conversation.id,
    conversationStatus: conversation.status,
    customerMessageId: message.id,
    redactedText: message.content,
    redactionCounts: {},
    injection: scoreInjection(message.content),
    ...memory,
    existing: true,
  };
}
