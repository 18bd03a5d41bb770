import type { HandoffReason, HandoffStatus, Prisma, TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { getInboxSettings, type TInboxSettings } from './inbox-settings';
import { memberNames, requireUserId } from './shared';

export const ZHandoffView = z.enum(['new', 'mine', 'open', 'resolved']);
export const ZListHandoffsInput = z.object({
  view: ZHandoffView.default('open'),
  /** The last handoff id of the previous page. */
  cursor: z.uuid().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TListHandoffsInput = z.input<typeof ZListHandoffsInput>;

export interface THandoffSummary {
  id: string;
  conversationId: string;
  reason: HandoffReason;
  status: HandoffStatus;
  assignee: { userId: string; name: string } | null;
  createdAt: Date;
  claimedAt: Date | null;
  resolvedAt: Date | null;
  /** Seconds the customer waited (still waits) for a person: until a person's first reply, the end, or now. */
  waitingSeconds: number;
  /** Whether the customer is still waiting for a person's first reply (the SLA clock runs). */
  waiting: boolean;
  /** When a person first replied to the customer. */
  firstReplyAt: Date | null;
  /** The customer's last message, redacted as stored, shortened. */
  preview: string | null;
}

function whereFor(view: z.infer<typeof ZHandoffView>, userId: string): Prisma.HandoffWhereInput {
  switch (view) {
    case 'new':
      return { status: 'pending' };
    case 'mine':
      return { status: 'assigned', assigneeUserId: userId };
    case 'open':
      return { status: { in: ['pending', 'assigned'] } };
    case 'resolved':
      return { status: 'resolved' };
  }
}

/**
 * The inbox: open views oldest first (who has waited longest is on top), resolved newest first.
 * Cursor pagination by handoff id.
 */
export async function listHandoffs(tx: TenantTx, actor: TActor, rawInput: TListHandoffsInput): Promise<{ items: THandoffSummary[]; nextCursor: string | null; serverTime: Date; sla: TInboxSettings }> {
  const input = ZListHandoffsInput.parse(rawInput);
  const userId = requireUserId(actor);
  const rows = await tx.handoff.findMany({
    where: whereFor(input.view, userId),
    orderBy: [{ createdAt: input.view === 'resolved' ? 'desc' : 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: {
      conversation: {
        select: {
          messages: { where: { role: 'customer' }, orderBy: { createdAt: 'desc' }, take: 1, select: { content: true } },
        },
      },
    },
  });
  const page = rows.slice(0, input.limit);
  // A person's first reply after each handoff began (the SLA's "first response").
  const firstReplies = page.length
    ? await tx.$queryRaw<{ handoff_id: string; first_reply_at: Date }[]>`
        SELECT h.id AS handoff_id, min(m.created_at) AS first_reply_at
        FROM handoffs h JOIN messages m ON m.conversation_id = h.conversation_id AND m.role = 'human_agent' AND m.created_at >= h.created_at
        WHERE h.id = ANY(${page.map((h) => h.id)}::uuid[])
        GROUP BY h.id`
    : [];
  const firstReplyOf = new Map(firstReplies.map((r) => [r.handoff_id, r.first_reply_at]));
  const names = await memberNames(tx, page.map((h) => h.assigneeUserId));
  const now = new Date();
  const sla = await getInboxSettings(tx);
  return {
    sla,
    items: page.map((h) => {
      const preview = h.conversation.messages[0]?.content ?? null;
      const firstReplyAt = firstReplyOf.get(h.id) ?? null;
      const open = h.status === 'pending' || h.status === 'assigned';
      const waitedUntil = firstReplyAt ?? h.resolvedAt ?? now;
      return {
        id: h.id,
        conversationId: h.conversationId,
        reason: h.reason,
        status: h.status,
        assignee: h.assigneeUserId ? { userId: h.assigneeUserId, name: names.get(h.assigneeUserId) ?? 'Former member' } : null,
        createdAt: h.createdAt,
        claimedAt: h.claimedAt,
        resolvedAt: h.resolvedAt,
        waitingSeconds: Math.max(0, Math.round((waitedUntil.getTime() - h.createdAt.getTime()) / 1000)),
        waiting: open && !firstReplyAt,
        firstReplyAt,
        preview: preview && preview.length > 160 ? `${preview.slice(0, 157)}…` : preview,
      };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    serverTime: now,
  };
}

/** How many handoffs wait in New and in the caller's Mine (the nav's unread counts). */
export async function countHandoffs(tx: TenantTx, actor: TActor): Promise<{ new: number; mine: number; open: number }> {
  const userId = requireUserId(actor);
  // One after another: a transaction runs one statement at a time anyway.
  const fresh = await tx.handoff.count({ where: whereFor('new', userId) });
  const mine = await tx.handoff.count({ where: whereFor('mine', userId) });
  const open = await tx.handoff.count({ where: whereFor('open', userId) });
  return { new: fresh, mine, open };
}
