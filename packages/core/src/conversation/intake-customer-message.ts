import { Prisma, type ConversationStatus } from '@vouch/db';
import { redact, scoreInjection, type TInjectionResult } from '@vouch/guard';
import { AppError } from '../errors';
import { conversationVaultKey, storeVaultEntries, vaultOperators } from '../handoff/pii-vault';
import { openRedactionSession, sealRedactionSession } from './redaction-session-store';
import type { TAgentDeployment, TLockedConversation } from './resolve-agent-deployment';
import { rawRows, type TTenantDb } from '../tenant-db';

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

async function lockOrCreateConversation(
  tx: TTenantDb,
  tenantId: string,
  deployment: TAgentDeployment,
  input: { conversationId?: string | null; visitorKey: string; locked?: TLockedConversation | null },
): Promise<TLockedConversation> {
  const { conversationId, visitorKey } = input;
  if (!conversationId) {
    const created = await rawRows<{ id: string; status: ConversationStatus; redaction_session_sealed: string | null }>(
      tx,
      Prisma.sql`
        INSERT INTO conversations (tenant_id, agent_id, environment, config_version_id, visitor_key)
        VALUES (${tenantId}::uuid, ${deployment.agentId}::uuid, ${deployment.environment}::agent_environment, ${deployment.configVersionId}::uuid, ${visitorKey})
        RETURNING id, status::text AS status, redaction_session_sealed`,
    );
    const row = created[0]!;
    return { id: row.id, status: row.status, redactionSessionSealed: row.redaction_session_sealed };
  }
  // One message at a time per conversation: the redaction session is read, extended and written
  // back. Found and locked in one statement, usually the caller's (resolveAgentServing's `lock`).
  let conversation = input.locked;
  if (conversation === undefined) {
    const rows = await rawRows<{ id: string; status: ConversationStatus; redaction_session_sealed: string | null }>(
      tx,
      Prisma.sql`
        SELECT id, status::text AS status, redaction_session_sealed FROM conversations
        WHERE id = ${conversationId}::uuid AND agent_id = ${deployment.agentId}::uuid
          AND environment = ${deployment.environment}::agent_environment AND visitor_key = ${visitorKey}
        FOR UPDATE`,
    );
    const row = rows[0];
    conversation = row ? { id: row.id, status: row.status, redactionSessionSealed: row.redaction_session_sealed } : null;
  }
  // Another visitor's conversation looks exactly like a missing one.
  if (!conversation || conversation.id !== conversationId) throw new AppError('NOT_FOUND', 'No such conversation.');
  if (conversation.status === 'closed') throw new AppError('CONFLICT', 'This conversation is closed; please start a new one.');
  return conversation;
}

interface TStoredMessage {
  id: string;
  role: 'customer' | 'assistant';
  content: string;
  flags: string[];
  client_message_id: string | null;
  created_at: Date;
  /** For a customer message: the outcome of its (first) trace. */
  outcome: string | null;
}

/**
 * The conversation's memory before a message (or before now): the last `maxTurns` customer and
 * assistant messages for the model, and every earlier customer question with its outcome.
 * Injection-flagged messages are left out of either.
 */
function memoryOf(messages: readonly TStoredMessage[], maxTurns: number, before: Date | null): Pick<TIntake, 'history' | 'earlierQuestions'> {
  const kept = messages.filter((m) => !m.flags.includes(INJECTION_FLAG) && (before === null || m.created_at < before));
  return {
    history: (maxTurns === 0 ? [] : kept.slice(-maxTurns)).map((m) => ({ role: m.role, content: m.content })),
    earlierQuestions: kept.filter((m) => m.role === 'customer').map((m) => ({ content: m.content, outcome: m.outcome })),
  };
}

/**
 * Receives a customer message inside the caller's tenant transaction: redacts it with the
 * conversation's persistent redaction session BEFORE anything stores, logs or forwards it,
 * scores it for injection, and stores the redacted text (marked when suspicious). Also loads
 * the bounded history the model may see: this conversation's only.
 */
export async function intakeCustomerMessage(
  tx: TTenantDb,
  tenantId: string,
  deployment: TAgentDeployment,
  input: {
    conversationId?: string | null;
    visitorKey: string;
    text: string;
    clientMessageId?: string | null;
    /** The conversation as the caller already found and locked it (null: not found); else looked up here. */
    locked?: TLockedConversation | null;
  },
): Promise<TIntake> {
  const conversation = await lockOrCreateConversation(tx, tenantId, deployment, input);
  const session = openRedactionSession(tenantId, conversation.id, conversation.redactionSessionSealed);
  // Vaulted types keep their placeholders; the sealed originals are what pii.reveal opens (handoff/pii-vault.ts).
  const redacted = redact(input.text, { session, operators: vaultOperators(), vaultKey: conversationVaultKey(tenantId, conversation.id) });
  const redactionCounts: Record<string, number> = {};
  for (const entity of redacted.entities) redactionCounts[entity.type] = (redactionCounts[entity.type] ?? 0) + 1;
  const injection = scoreInjection(redacted.text);
  // One statement, under the conversation lock (so a copy of this send that just committed is
  // seen, and two copies cannot both pass): unless an earlier copy with this client message id is
  // stored, the extended redaction session and the message are written; and the conversation's
  // customer and assistant messages before it are read, each customer message with its trace's
  // outcome, for the memory (the read does not see this statement's own insert).
  const now = new Date();
  const rows = await rawRows<TStoredMessage & { kind: 'stored' | 'memory' }>(
    tx,
    Prisma.sql`
    WITH earlier AS (
      SELECT id FROM messages
      WHERE conversation_id = ${conversation.id}::uuid AND role = 'customer' AND client_message_id = ${input.clientMessageId ?? null}
      LIMIT 1
    ), session AS (
      UPDATE conversations SET redaction_session_sealed = ${sealRedactionSession(tenantId, conversation.id, session)}, updated_at = ${now}
      WHERE id = ${conversation.id}::uuid AND NOT EXISTS (SELECT 1 FROM earlier) RETURNING id
    ), stored AS (
      INSERT INTO messages (tenant_id, conversation_id, role, content, flags, client_message_id, created_at)
      SELECT ${tenantId}::uuid, session.id, 'customer'::message_role, ${redacted.text}, ${injection.flagged ? [INJECTION_FLAG] : []}::text[], ${input.clientMessageId ?? null}, ${now}
      FROM session
      RETURNING id
    )
    SELECT 'stored' AS kind, id, NULL::text AS role, NULL::text AS content, NULL::text[] AS flags, NULL::text AS client_message_id, NULL::timestamptz AS created_at, NULL::text AS outcome
    FROM stored
    UNION ALL
    SELECT 'memory', m.id, m.role::text, m.content, m.flags, m.client_message_id, m.created_at, t.outcome
    FROM messages m
    LEFT JOIN (
      SELECT DISTINCT ON (customer_message_id) customer_message_id, outcome FROM message_traces
      WHERE conversation_id = ${conversation.id}::uuid ORDER BY customer_message_id, created_at, id
    ) t ON t.customer_message_id = m.id AND m.role = 'customer'
    WHERE m.conversation_id = ${conversation.id}::uuid AND m.role IN ('customer', 'assistant')
    ORDER BY 1, 7, 2`,
  );
  const stored = rows.find((r) => r.kind === 'stored');
  const messages = rows.filter((r) => r.kind === 'memory');
  if (!stored) {
    const earlierCopy = input.clientMessageId ? messages.find((m) => m.role === 'customer' && m.client_message_id === input.clientMessageId) : undefined;
    if (!earlierCopy) throw new Error('The customer message was not stored.');
    return intakeOfExisting(conversation, deployment, messages, earlierCopy);
  }
  await storeVaultEntries(tx, tenantId, conversation.id, redacted.vaultEntries);
  return {
    conversationId: conversation.id,
    conversationStatus: conversation.status,
    customerMessageId: stored.id,
    redactedText: redacted.text,
    redactionCounts,
    injection,
    ...memoryOf(messages, deployment.config.maxHistoryTurns, null),
    existing: false,
  };
}

/** The intake of a message stored by an earlier copy of the same send: its history is what came before it. */
function intakeOfExisting(
  conversation: { id: string; status: ConversationStatus },
  deployment: TAgentDeployment,
  messages: readonly TStoredMessage[],
  message: TStoredMessage,
): TIntake {
  return {
    conversationId: conversation.id,
    conversationStatus: conversation.status,
    customerMessageId: message.id,
    redactedText: message.content,
    redactionCounts: {},
    injection: scoreInjection(message.content),
    ...memoryOf(messages, deployment.config.maxHistoryTurns, message.created_at),
    existing: true,
  };
}
