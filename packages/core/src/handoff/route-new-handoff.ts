import { hasPermission, isRole } from '@vouch/auth';
import { Prisma, withTenantSql, type TenantSql } from '@vouch/db';
import { getRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { record } from '../audit';
import { broadcastRealtimeEvents } from '../realtime/publish-realtime-event';
import type { TRealtimeEventInput } from '../realtime/events';
import { medianWaitMinutes, recentWaitsMsSql } from './expected-wait';
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

async function estimateWaitMinutes(sql: TenantSql): Promise<number | null> {
  const [row] = await sql.run<{ recent_waits_ms: number[] | null }>(Prisma.sql`SELECT (${recentWaitsMsSql}) AS recent_waits_ms`);
  return medianWaitMinutes(row?.recent_waits_ms ?? []);
}

/**
 * Gives a new handoff to the next online agent (round-robin over members with handoff.work whose
 * presence is live; the turn counter is one Redis INCR, so parallel routers never pick the same
 * turn). The UPDATE only takes a still-pending handoff, so an agent's claim that got there first
 * wins and nothing is overwritten. Audited as the system router. Runs on the thin pg path (same
 * role, tenant setting and RLS as withTenant): every handoff the widget makes comes through here.
 */
export async function routeNewHandoff(
  tenantId: string,
  handoffId: string,
  redis: TRouterRedis = getRedis(),
  options: { online?: readonly string[]; expectedWaitMinutes?: number | null } = {},
): Promise<TRouted> {
  const online = options.online ?? (await listOnlineUserIds(tenantId, redis));
  // Nobody online and the wait already known (handOffConversation reads it with the handoff): no transaction.
  if (online.length === 0 && options.expectedWaitMinutes !== undefined) return { assigneeUserId: null, agentsOnline: false, expectedWaitMinutes: options.expectedWaitMinutes, events: [] };
  return withTenantSql(tenantId, async (sql) => {
    const members = online.length
      ? await sql.query<{ user_id: string; roles: string[] }>`SELECT user_id, roles::text[] AS roles FROM memberships WHERE user_id = ANY(${online}::uuid[])`
      : [];
    const eligible = members.filter((m) => hasPermission(m.roles.filter(isRole), 'handoff.work')).map((m) => m.user_id).sort();
    if (eligible.length === 0) return { assigneeUserId: null, agentsOnline: false, expectedWaitMinutes: options.expectedWaitMinutes ?? (await estimateWaitMinutes(sql)), events: [] };
    const turn = await redis.incr(`vouch:handoff-rr:${tenantId}`);
    const assigneeUserId = eligible[(turn - 1) % eligible.length]!;
    const [assigned] = await sql.query<{ conversation_id: string }>`
      UPDATE handoffs SET status = 'assigned', assignee_user_id = ${assigneeUserId}::uuid
      WHERE id = ${handoffId}::uuid AND status = 'pending'
      RETURNING conversation_id`;
    if (!assigned) return { assigneeUserId: null, agentsOnline: true, expectedWaitMinutes: null, events: [] };
    const conversationId = assigned.conversation_id;
    await record(sql, tenantId, ROUTER, {
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
  turn: { conversationId: string; customerMessageId: string; messageId: string; handoffId: string | null; expectedWaitMinutes?: number | null },
): Promise<{ routed: Omit<TRouted, 'events'> | null }> {
  try {
    const { conversationId } = turn;
    // One pipeline (one round trip) for the turn's events; for a handoff, who is online is asked
    // at the same time (both are in flight together on the one connection).
    const [, online] = await Promise.all([
      broadcastRealtimeEvents([
        { kind: 'message.created', tenantId, conversationId, messageId: turn.customerMessageId, role: 'customer' },
        { kind: 'message.created', tenantId, conversationId, messageId: turn.messageId, role: 'assistant' },
        ...(turn.handoffId ? [{ kind: 'handoff.created' as const, tenantId, conversationId, handoffId: turn.handoffId }] : []),
      ]),
      turn.handoffId ? listOnlineUserIds(tenantId) : null,
    ]);
    if (!turn.handoffId) return { routed: null };
    const { events, ...routed } = await routeNewHandoff(tenantId, turn.handoffId, getRedis(), { online: online ?? undefined, expectedWaitMinutes: turn.expectedWaitMinutes });
    await broadcastRealtimeEvents(events);
    return { routed };
  } catch (error) {
    console.warn('[handoff] announcing a customer turn failed', { conversationId: turn.conversationId, error: error instanceof Error ? error.message : 'unknown' });
    return { routed: null };
  }
}
