import type { TenantTx } from '@vouch/db';
import { filterOutput, type TOutputAction } from '@vouch/guard';
import { z } from 'zod';
import type { TActor } from '../actor';
import { ZAgentConfig } from '../agent/agent-config';
import { record } from '../audit';
import { openRedactionSession, sealRedactionSession } from '../conversation/redaction-session-store';
import { AppError } from '../errors';
import type { TRealtimeEventInput } from '../realtime/events';
import { findOpenHandoff, requireUserId } from './shared';

const MAX_TEXT = 4000;
const ZAgentText = z
  .string()
  .trim()
  .min(1, 'Type a message first.')
  .max(MAX_TEXT, `Messages can be at most ${MAX_TEXT} characters.`)
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .refine((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text), 'Messages must be plain text.');
export const ZAgentMessageInput = z.object({ conversationId: z.uuid(), text: ZAgentText });
export type TAgentMessageInput = z.input<typeof ZAgentMessageInput>;

export interface TAgentPosted {
  messageId: string;
  /** The text as stored (and, for replies, as the customer sees it). */
  content: string;
  /** What the filter changed, by kind, never the values. */
  filtered: TOutputAction['kind'][];
  /** For the realtime bus, published after commit (ids only). */
  events: TRealtimeEventInput[];
}

/**
 * A person's text passes the output filter before it is stored: secrets (API keys, passwords)
 * and card numbers are redacted, links go only to the agent's allowed domains. Names, emails and
 * phone numbers are left alone on purpose: an agent introducing themselves ("this is Sam") or
 * giving the support line must not be mangled. The conversation's own redaction session numbers
 * placeholders, so [SECRET_1] keeps its meaning across messages.
 */
const AGENT_TEXT_ENTITIES = ['SECRET', 'CREDIT_CARD'] as const;

async function filterForConversation(tx: TenantTx, tenantId: string, conversationId: string, text: string) {
  // Serialises with the customer's intake, which reads and rewrites the same redaction session.
  await tx.$queryRaw`SELECT id FROM conversations WHERE id = ${conversationId}::uuid FOR UPDATE`;
  const conversation = await tx.conversation.findFirst({
    where: { id: conversationId },
    select: { id: true, status: true, redactionSessionSealed: true, configVersion: { select: { config: true } } },
  });
  if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
  const customerMessages = await tx.message.findMany({ where: { conversationId, role: 'customer' }, select: { content: true } });
  const config = ZAgentConfig.safeParse(conversation.configVersion?.config);
  const session = openRedactionSession(tenantId, conversationId, conversation.redactionSessionSealed);
  const filtered = filterOutput(text, {
    allowedDomains: config.success ? config.data.allowedLinkDomains : [],
    customerMessages: customerMessages.map((m) => m.content),
    redactOptions: { session, entities: AGENT_TEXT_ENTITIES },
  });
  await tx.conversation.update({ where: { id: conversationId }, data: { redactionSessionSealed: sealRedactionSession(tenantId, conversationId, session), updatedAt: new Date() } });
  return { conversation, filtered };
}

/** A support agent's reply to the customer; only the agent who owns the handoff may write. */
export async function replyAsAgent(tx: TenantTx, tenantId: string, actor: TActor, rawInput: TAgentMessageInput): Promise<TAgentPosted> {
  const input = ZAgentMessageInput.parse(rawInput);
  const userId = requireUserId(actor);
  const handoff = await findOpenHandoff(tx, input.conversationId);
  if (!handoff) throw new AppError('CONFLICT', 'This conversation is not waiting for a person.');
  if (handoff.status !== 'assigned' || handoff.assigneeUserId !== userId) throw new AppError('CONFLICT', 'Claim this conversation before replying.');
  const { filtered } = await filterForConversation(tx, tenantId, input.conversationId, input.text);
  if (filtered.blocked || filtered.text.trim().length === 0) throw new AppError('BAD_REQUEST', 'Nothing would be left of this reply after filtering.');
  const message = await tx.message.create({
    data: { tenantId, conversationId: input.conversationId, role: 'human_agent', content: filtered.text, authorUserId: userId },
  });
  const kinds = filtered.actions.map((a) => a.kind);
  await record(tx, tenantId, actor, {
    action: 'conversation.agent-reply',
    targetType: 'conversation',
    targetId: input.conversationId,
    data: { messageId: message.id, handoffId: handoff.id, filtered: kinds },
  });
  return {
    messageId: message.id,
    content: message.content,
    filtered: kinds,
    events: [{ kind: 'message.created', tenantId, conversationId: input.conversationId, messageId: message.id, role: 'human_agent', userId }],
  };
}

/** A note for colleagues (role internal_note): stored and shown in the console, never to the customer. */
export async function addInternalNote(tx: TenantTx, tenantId: string, actor: TActor, rawInput: TAgentMessageInput): Promise<TAgentPosted> {
  const input = ZAgentMessageInput.parse(rawInput);
  const userId = requireUserId(actor);
  const { filtered } = await filterForConversation(tx, tenantId, input.conversationId, input.text);
  const message = await tx.message.create({
    data: { tenantId, conversationId: input.conversationId, role: 'internal_note', content: filtered.text, authorUserId: userId },
  });
  const kinds = filtered.actions.map((a) => a.kind);
  await record(tx, tenantId, actor, { action: 'conversation.note', targetType: 'conversation', targetId: input.conversationId, data: { messageId: message.id, filtered: kinds } });
  return {
    messageId: message.id,
    content: message.content,
    filtered: kinds,
    events: [{ kind: 'message.created', tenantId, conversationId: input.conversationId, messageId: message.id, role: 'internal_note', userId }],
  };
}
