import { hasPermission, isRole } from '@vouch/auth';
import { withTenantSql, type TenantSql } from '@vouch/db';
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
async function estimateWaitMinutes(sql: TenantSql): Promise<number | null> {
  const recent = await sql.query<{ created_at: Date; claimed_at: Date }>`
    SELECT created_at, claimed_at FROM handoffs
    WHERE claimed_at IS NOT NULL AND created_at >= ${new Date(Date.now() - 30 * 86_400_000)}::timestamptz
    ORDER BY created_at DESC LIMIT 20`;
  if (recent.length === 0) return null;
  const waits = recent.map((h) => h.claimed_at.getTime() - h.created_at.getTime()).sort((a, b) => a - b);
  return Math.max(1, Math.round(waits[Math.floor(waits.length / 2)]! / 60_000));
}

/**
 * Gives a new handoff to the next online agent (round-robin over members with handoff.work whose
 * presence is live; the turn counter is one Redis INCR, so parallel routers never pick the same
 * turn). The UPDATE only takes a still-pending handoff, so an agent's claim that got there first
 * wins and nothing is overwritten. Audited as the system router. Runs on the thin pg path (same
 * role, tenant setting and RLS as withTenant): every handoff the widget makes comes through here.
 */
export async function routeNewHandoff(tenantId: string, handoffId: string, redis: TRouterRedis = getRedis()): Promise<TRouted> {
  const online = await listOnlineUserIds(tenantId, redis);
  return withTenantSql(tenantId, async (sql) => {
    const members = online.length
      ? await sql.query<{ user_id: string; roles: string[] }>`SELECT user_id, roles::text[] AS roles FROM memberships WHERE user_id = ANY(${online}::uuid[])`
      : [];
    const eligible = members.filter((m) => hasPermission(m.roles.filter(isRole), 'handoff.work')).map((m) => m.user_id).sort();
    if (eligible.length === 0) return { assigneeUserId: null, agentsOnline: false, expectedWaitMinutes: await estimateWaitMinutes(sql), events: [] };
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
