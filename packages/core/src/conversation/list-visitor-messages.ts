import { withTenant, type ConversationStatus } from '@vouch/db';
import { z } from 'zod';
import { AppError } from '../errors';
import type { TCitation } from './compose-grounded-reply';
import { resolveAgentDeployment } from './resolve-agent-deployment';
import { visitorKeyOf } from './visitor-key';

export const ZListVisitorMessagesInput = z.object({
  widgetKey: z.string().min(8).max(200),
  visitorId: z.string().min(16).max(128),
  conversationId: z.uuid(),
  /** Messages at or after this moment (the newest one the panel has); the panel drops ids it already shows. */
  after: z.coerce.date().nullish(),
  /** Also the customer's own messages (a panel resuming after a reload or a network drop needs them). */
  includeCustomer: z.boolean().default(false),
});

export interface TVisitorMessage {
  id: string;
  role: 'customer' | 'assistant' | 'human_agent';
  content: string;
  createdAt: Date;
  /** The assistant's sources; empty for other roles. */
  citations: TCitation[];
  /** The widget's id of a customer message (how a panel matches it to what it sent). */
  clientMessageId: string | null;
}

const PAGE = 100;

/**
 * What the customer may see of their conversation since `after`: the AI's and the support
 * team's replies (and, when asked, the customer's own messages). Internal notes, system
 * messages and the team member's identity never leave; the conversation must belong to this
 * visitor (another visitor's looks missing).
 */
export async function listVisitorMessages(
  tenantId: string,
  rawInput: z.input<typeof ZListVisitorMessagesInput>,
): Promise<{ status: ConversationStatus; withHuman: boolean; messages: TVisitorMessage[] }> {
  const input = ZListVisitorMessagesInput.parse(rawInput);
  return withTenant(tenantId, async (tx) => {
    const deployment = await resolveAgentDeployment(tx, { widgetKey: input.widgetKey });
    const conversation = await tx.conversation.findFirst({
      where: { id: input.conversationId, agentId: deployment.agentId, environment: deployment.environment, visitorKey: visitorKeyOf(tenantId, input.visitorId) },
      select: { id: true, status: true },
    });
    if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
    const roles: ('customer' | 'assistant' | 'human_agent')[] = input.includeCustomer ? ['customer', 'assistant', 'human_agent'] : ['assistant', 'human_agent'];
    const messages = await tx.message.findMany({
      where: { conversationId: conversation.id, role: { in: roles }, ...(input.after ? { createdAt: { gte: input.after } } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: PAGE,
      select: { id: true, role: true, content: true, createdAt: true, citations: true, clientMessageId: true },
    });
    const handoff = await tx.handoff.findFirst({ where: { conversationId: conversation.id, status: 'assigned' }, select: { id: true } });
    return {
      status: conversation.status,
      withHuman: handoff !== null,
      messages: messages.map((m) => ({
        id: m.id,
        role: m.role as TVisitorMessage['role'],
        content: m.content,
        createdAt: m.createdAt,
        citations: m.role === 'assistant' && Array.isArray(m.citations) ? (m.citations as unknown as TCitation[]) : [],
        clientMessageId: m.clientMessageId,
      })),
    };
  });
}
