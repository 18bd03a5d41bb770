import { hasPermission, isRole } from '@vouch/auth';
import type { ConversationStatus, HandoffReason, Prisma, TenantTx } from '@vouch/db';
import { z } from 'zod';
import { INJECTION_FLAG } from '../conversation/intake-customer-message';
import { customerIdentityOf, type TCustomerIdentity } from './get-conversation-for-agent';
import { memberNames } from './shared';

export const ZListConversationsInput = z
  .object({
    /** The AI agent that answered. */
    agentId: z.uuid().nullish(),
    /** The person a handoff was assigned to. */
    assigneeUserId: z.uuid().nullish(),
    outcome: z.enum(['open', 'handed_off', 'resolved', 'closed']).nullish(),
    escalated: z.boolean().nullish(),
    injectionFlagged: z.boolean().nullish(),
    from: z.date().nullish(),
    to: z.date().nullish(),
    /** The last conversation id of the previous page. */
    cursor: z.uuid().nullish(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The start date must come before the end date.', path: ['to'] });
export type TListConversationsInput = z.input<typeof ZListConversationsInput>;

export interface TConversationSummary {
  id: string;
  agentName: string;
  environment: string;
  status: ConversationStatus;
  createdAt: Date;
  updatedAt: Date;
  messageCount: number;
  escalated: boolean;
  handoffReason: HandoffReason | null;
  assignee: { userId: string; name: string } | null;
  injectionFlagged: boolean;
  /** Verified user (with the id as stored) or anonymous visitor. */
  customer: TCustomerIdentity;
  /** The customer's first message as stored (redacted), shortened. */
  preview: string | null;
}

/**
 * Every conversation of the tenant, AI-only and handed off, newest first, for reviewers holding
 * transcripts.read. Texts are as stored: redacted at intake. Cursor pagination by id.
 */
export async function listConversations(tx: TenantTx, rawInput: TListConversationsInput): Promise<{ items: TConversationSummary[]; nextCursor: string | null }> {
  const input = ZListConversationsInput.parse(rawInput);
  const and: Prisma.ConversationWhereInput[] = [];
  if (input.agentId) and.push({ agentId: input.agentId });
  if (input.outcome) and.push({ status: input.outcome });
  if (input.escalated === true) and.push({ handoffs: { some: {} } });
  if (input.escalated === false) and.push({ handoffs: { none: {} } });
  if (input.assigneeUserId) and.push({ handoffs: { some: { assigneeUserId: input.assigneeUserId } } });
  if (input.injectionFlagged === true) and.push({ messages: { some: { flags: { has: INJECTION_FLAG } } } });
  if (input.injectionFlagged === false) and.push({ messages: { none: { flags: { has: INJECTION_FLAG } } } });
  if (input.from) and.push({ createdAt: { gte: input.from } });
  if (input.to) and.push({ createdAt: { lte: input.to } });
  const rows = await tx.conversation.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      environment: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      identityVerified: true,
      externalUserId: true,
      agent: { select: { name: true } },
      _count: { select: { messages: true } },
      handoffs: { orderBy: { createdAt: 'desc' }, take: 1, select: { reason: true, assigneeUserId: true } },
      messages: { where: { role: 'customer' }, orderBy: { createdAt: 'asc' }, take: 1, select: { content: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const flagged = page.length
    ? new Set(
        (await tx.message.findMany({ where: { conversationId: { in: page.map((c) => c.id) }, flags: { has: INJECTION_FLAG } }, select: { conversationId: true }, distinct: ['conversationId'] })).map(
          (m) => m.conversationId,
        ),
      )
    : new Set<string>();
  const names = await memberNames(tx, page.map((c) => c.handoffs[0]?.assigneeUserId));
  return {
    items: page.map((c) => {
      const handoff = c.handoffs[0];
      const preview = c.messages[0]?.content ?? null;
      return {
        id: c.id,
        agentName: c.agent.name,
        environment: c.environment,
        status: c.status,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        messageCount: c._count.messages,
        escalated: Boolean(handoff),
        handoffReason: handoff?.reason ?? null,
        assignee: handoff?.assigneeUserId ? { userId: handoff.assigneeUserId, name: names.get(handoff.assigneeUserId) ?? 'Former member' } : null,
        injectionFlagged: flagged.has(c.id),
        customer: customerIdentityOf(c),
        preview: preview && preview.length > 160 ? `${preview.slice(0, 157)}…` : preview,
      };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** What the Conversations page offers as filters: the tenant's AI agents and the people who work handoffs. */
export async function listConversationFilters(tx: TenantTx): Promise<{ agents: { id: string; name: string }[]; people: { userId: string; name: string }[] }> {
  const agents = await tx.agent.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const members = await tx.membership.findMany({ select: { userId: true, roles: true, user: { select: { name: true, email: true } } } });
  const people = members
    .filter((m) => hasPermission(m.roles.filter(isRole), 'handoff.work'))
    .map((m) => ({ userId: m.userId, name: m.user.name ?? m.user.email }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { agents, people };
}
