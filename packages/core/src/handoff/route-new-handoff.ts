import { hasPermission, isRole } from '@vouch/auth';
import { withTenant, type TenantTx } from '@vouch/db';
import { getRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { record } from '../audit';
import { broadcastRealtimeEvents } from '../realtime/publish-realtime-event';
import type { TRealtimeEventInput } from '../realtime/events';
import { listOnlineUserIds } from './presence';

const ROUTER: TActor = { type: 'system', name: 'handoff-router' };

type TRouterRedis = Parameters<typeof listOnlineUserIds>[1] & Pick<ReturnType<typeof getRedis>, 'incr'>;

export interface TRouted {
  /** The online agent the handoff went to, or null when nobody who works handoffs is online. */
  assigneeUserId: string | null;
  /** Whether a member who works handoffs was online (false: the customer is told the wait and may leave an email). */
  agentsOnline: boolean;
  /** When nobody is online: the median wait of the tenant's recent handoffs, in minutes (null if unknown). */
  expectedWaitMinutes: number | null;
  events: TRealtimeEventInput[];
}

/** Median time from handoff to first claim over the tenant's last 20 claimed handoffs of 30 days. */
async function estimateWaitMinutes(tx: TenantTx): Promise<number | null> {
  const recent = await tx.handoff.findMany({
    where: { claimedAt: { not: null }, createdAt: { gte: new Date(Date.now() - 30 * 86_400_000) } },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { createdAt: true, claimedAt: true },
  });
  if (recent.length === 0) return null;
  const waits = recent.map((h) => h.claimedAt!.getTime() - h.createdAt.getTime()).sort((a, b) => a - b);
  return Math.max(1, Math.round(waits[Math.floor(waits.length / 2)]! / 60_000));
}

/**
 * Gives a new handoff to the next online agent (round-robin over members with handoff.work whose
 * presence is live; the turn counter is one Redis INCR, so parallel routers never pick the same
 * turn). The UPDATE only takes a still-pending handoff, so an agent's claim that got there first
 * wins and nothing is overwritten. Audited as the system router.
 */
export async function routeNewHandoff(tenantId: string, handoffId: string, redis: TRouterRedis = getRedis()): Promise<TRouted> {
  const online = await listOnlineUserIds(tenantId, redis);
  return withTenant(tenantId, async (tx) => {
    const members = online.length ? await tx.membership.findMany({ where: { userId: { in: online } }, select: { userId: true, roles: true } }) : [];
    const eligible = members.filter((m) => hasPermission(m.roles.filter(isRole), 'handoff.work')).map((m) => m.userId).sort();
    if (eligible.length === 0) return { assigneeUserId: null, agentsOnline: false, expectedWaitMinutes: await estimateWaitMinutes(tx), events: [] };
    const turn = await redis.incr(`vouch:handoff-rr:${tenantId}`);
    const assigneeUserId = eligible[(turn - 1) % eligible.length]!;
    const changed = await tx.$executeRaw`
      UPDATE handoffs SET status = 'assigned', assignee_user_id = ${assigneeUserId}::uuid
      WHERE id = ${handoffId}::uuid AND status = 'pending'`;
    if (changed !== 1) return { assigneeUserId: null, agentsOnline: true, expectedWaitMinutes: null, events: [] };
    const { conversationId } = await tx.handoff.findFirstOrThrow({ where: { id: handoffId }, select: { conversationId: true } });
    await record(tx, tenantId, ROUTER, {
      action: 'handoff.assign',
      targetType: 'handoff',
      targetId: handoffId,
      data: { assigneeUserId, conversationId, via: 'round_robin' },
    });
    return { assigneeUserId, agentsOnline: true, expectedWaitMinutes: null, events: [{ kind: 'handoff.assigned', tenantId, handoffId, conversationId, userId: assigneeUserId }] };
  });
}

/**
 * Call after a customer's message and the reply to it have been committed (the widget's send):
 * tells the inbox and the conversation's listeners (ids only) and routes a new handoff to an
 * online agent. Never throws: the customer's message is already stored, and the inbox also
 * refreshes by polling when the push is lost.
 */
export async function announceCustomerTurn(
  tenantId: string,
  turn: { conversationId: string; customerMessageId: string; messageId: string; handoffId: string | null },
): Promise<{ routed: Omit<TRouted, 'events'> | null }> {
  try {
    const { conversationId } = turn;
    // One pipeline (one round trip) for the turn's events.
    await broadcastRealtimeEvents([
      { kind: 'message.created', tenantId, conversationId, messageId: turn.customerMessageId, role: 'customer' },
      { kind: 'message.created', tenantId, conversationId, messageId: turn.messageId, role: 'assistant' },
      ...(turn.handoffId ? [{ kind: 'handoff.created' as const, tenantId, conversationId, handoffId: turn.handoffId }] : []),
    ]);
    if (!turn.handoffId) return { routed: null };
    const { events, ...routed } = await routeNewHandoff(tenantId, turn.handoffId);
    await broadcastRealtimeEvents(events);
    return { routed };
  } catch (error) {
    console.warn('[handoff] announcing a customer turn failed', { conversationId: turn.conversationId, error: error instanceof Error ? error.message : 'unknown' });
    return { routed: null };
  }
}
