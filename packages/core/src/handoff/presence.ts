import { getRedis } from '@vouch/jobs';
import { z } from 'zod';
import type { TActor } from '../actor';
import type { TRealtimeEventInput } from '../realtime/events';
import { requireUserId } from './shared';

/**
 * Agent presence lives in Redis, not Postgres: it is ephemeral and written every few seconds.
 * One sorted set per tenant, member = user id, score = when the presence lapses. The console
 * sends a heartbeat while the agent is online; a closed tab simply stops renewing it, so a
 * crashed browser never leaves a ghost agent receiving handoffs. Only user ids are stored.
 */
export const PRESENCE_TTL_MS = 45_000;
export const ZPresenceInput = z.object({ status: z.enum(['online', 'away']) });

type TPresenceRedis = Pick<ReturnType<typeof getRedis>, 'zadd' | 'zrem' | 'zremrangebyscore' | 'zrangebyscore'>;

const key = (tenantId: string) => `vouch:presence:${z.uuid().parse(tenantId)}`;

/** Sets the caller online (renewing the lease) or away; returns whether that changed anything. */
export async function setPresence(
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZPresenceInput>,
  redis: TPresenceRedis = getRedis(),
): Promise<{ status: 'online' | 'away'; changed: boolean; events: TRealtimeEventInput[] }> {
  const { status } = ZPresenceInput.parse(rawInput);
  const userId = requireUserId(actor);
  const now = Date.now();
  await redis.zremrangebyscore(key(tenantId), '-inf', now);
  const changed = status === 'online' ? (await redis.zadd(key(tenantId), now + PRESENCE_TTL_MS, userId)) === 1 : (await redis.zrem(key(tenantId), userId)) === 1;
  return { status, changed, events: changed ? [{ kind: 'presence.changed', tenantId, userId }] : [] };
}

/** User ids whose presence lease is still running. */
export async function listOnlineUserIds(tenantId: string, redis: TPresenceRedis = getRedis()): Promise<string[]> {
  return (await redis.zrangebyscore(key(tenantId), Date.now(), '+inf')).sort();
}
