import { getRedis } from '@vouch/jobs';
import { conversationChannel, inboxChannel, isCustomerVisible, tenantOfChannel, ZRealtimeEvent, type TRealtimeEvent, type TRealtimeEventInput } from './events';

type TPublisher = { publish(channel: string, message: string): Promise<number> };

/**
 * Publishes one event (ids and kinds only, see events.ts) on one channel. Call it after the
 * transaction that made the change has committed (tRPC procedures: `ctx.afterCommit`), or a
 * client could refetch before the row is visible and miss it.
 *
 * Best effort by design: the database is the record and clients fall back to polling, so a Redis
 * outage must not fail an action that has already been committed. Returns how many subscribers
 * got it, or null when publishing failed. An invalid event or a channel of another tenant is a
 * programming error and throws.
 */
export async function publishRealtimeEvent(channel: string, rawEvent: TRealtimeEventInput, redis: TPublisher = getRedis()): Promise<number | null> {
  const event: TRealtimeEvent = ZRealtimeEvent.parse({ ...rawEvent, at: rawEvent.at ?? new Date().toISOString() });
  if (tenantOfChannel(channel) !== event.tenantId) throw new TypeError('A realtime event may only be published on its own tenant\u2019s channels.');
  try {
    return await redis.publish(channel, JSON.stringify(event));
  } catch (error) {
    console.warn('[realtime] publish failed', { channel, kind: event.kind, error: error instanceof Error ? error.message : 'unknown' });
    return null;
  }
}

/**
 * The usual case: an event goes to the tenant's inbox channel and, when the customer may know of
 * it, to the conversation's own channel (which the widget listens to).
 */
export async function broadcastRealtimeEvent(rawEvent: TRealtimeEventInput, redis?: TPublisher): Promise<void> {
  const event = ZRealtimeEvent.parse({ ...rawEvent, at: rawEvent.at ?? new Date().toISOString() });
  await publishRealtimeEvent(inboxChannel(event.tenantId), event, redis);
  if (event.conversationId && isCustomerVisible(event)) await publishRealtimeEvent(conversationChannel(event.tenantId, event.conversationId), event, redis);
}
