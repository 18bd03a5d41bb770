import { getRedis } from '@vouch/jobs';
import { conversationChannel, inboxChannel, isCustomerVisible, parseRealtimeEvent, tenantOfChannel, type TRealtimeEvent, type TRealtimeEventInput } from './events';

type TPublisher = { publish(channel: string, message: string): Promise<number> };

/** What a batch of publishes needs: ioredis's pipeline (one write, one round trip). */
export type TPipelinePublisher = {
  pipeline(): { publish(channel: string, message: string): unknown; exec(): Promise<[Error | null, unknown][] | null> };
};

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
  const event = parseRealtimeEvent(rawEvent);
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
export async function broadcastRealtimeEvent(rawEvent: TRealtimeEventInput, redis?: TPipelinePublisher): Promise<void> {
  await broadcastRealtimeEvents([rawEvent], redis);
}

/**
 * Broadcasts several events (say the customer's message and the reply of one turn) as
 * broadcastRealtimeEvent would, one after the other, but in ONE pipeline: one write and one round
 * trip to Redis for all their publishes. Every event is checked against the strict schema once,
 * before anything is sent: one invalid event throws and none of the batch is published. Best
 * effort like a single publish: a Redis failure is logged (channel and kind, no body) and swallowed.
 * Returns how many publishes Redis accepted.
 */
export async function broadcastRealtimeEvents(rawEvents: readonly TRealtimeEventInput[], redis: TPipelinePublisher = getRedis()): Promise<number> {
  const sends: { channel: string; event: TRealtimeEvent }[] = [];
  for (const rawEvent of rawEvents) {
    const event = parseRealtimeEvent(rawEvent);
    sends.push({ channel: inboxChannel(event.tenantId), event });
    if (event.conversationId && isCustomerVisible(event)) sends.push({ channel: conversationChannel(event.tenantId, event.conversationId), event });
  }
  if (sends.length === 0) return 0;
  const pipeline = redis.pipeline();
  let body: { event: TRealtimeEvent; json: string } | undefined;
  for (const { channel, event } of sends) {
    if (body?.event !== event) body = { event, json: JSON.stringify(event) };
    pipeline.publish(channel, body.json);
  }
  let results: [Error | null, unknown][] | null;
  try {
    results = await pipeline.exec();
  } catch (error) {
    results = sends.map(() => [error instanceof Error ? error : new Error('unknown'), null]);
  }
  let accepted = 0;
  sends.forEach(({ channel, event }, i) => {
    const error = results ? results[i]?.[0] : new Error('pipeline was not run');
    if (error) console.warn('[realtime] publish failed', { channel, kind: event.kind, error: error.message });
    else accepted += 1;
  });
  return accepted;
}
