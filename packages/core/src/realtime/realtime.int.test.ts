import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeRedis, createRedisConnection, getRedis } from '@vouch/jobs';
import { conversationChannel, inboxChannel, ZRealtimeEvent, type TRealtimeEvent } from './events';
import { broadcastRealtimeEvent, broadcastRealtimeEvents, publishRealtimeEvent, type TPipelinePublisher } from './publish-realtime-event';
import { closeRealtime, realtimeListenerCount, subscribeRealtime } from './subscribe-realtime';

afterAll(async () => {
  await closeRealtime();
  await closeRedis();
});

/** Collects events and lets a test wait for the n-th one (Redis delivers in publish order per channel). */
function collector() {
  const events: TRealtimeEvent[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const listener = (event: TRealtimeEvent) => {
    events.push(event);
    for (const w of waiters.filter((w) => events.length >= w.n)) w.resolve();
  };
  const waitFor = (n: number) =>
    events.length >= n
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${n} events arrived`)), 5000);
          waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
        });
  return { events, listener, waitFor };
}

describe('realtime event bus on real Redis', () => {
  it('delivers ids-and-kinds events to subscribers of the channel, in order, until they unsubscribe', async () => {
    const tenantId = randomUUID();
    const conversationId = randomUUID();
    const channel = inboxChannel(tenantId);
    const a = collector();
    const b = collector();
    const stopA = await subscribeRealtime(channel, a.listener);
    const stopB = await subscribeRealtime(channel, b.listener);
    expect(realtimeListenerCount(channel)).toBe(2);

    expect(await publishRealtimeEvent(channel, { kind: 'handoff.created', tenantId, conversationId, handoffId: randomUUID() })).toBe(1);
    await publishRealtimeEvent(channel, { kind: 'message.created', tenantId, conversationId, messageId: randomUUID(), role: 'customer' });
    await a.waitFor(2);
    await b.waitFor(2);
    expect(a.events.map((e) => e.kind)).toEqual(['handoff.created', 'message.created']);
    expect(a.events[0]).toMatchObject({ tenantId, conversationId });
    expect(Date.parse(a.events[0]!.at)).toBeGreaterThan(Date.now() - 10_000);

    await stopA();
    await stopA(); // idempotent
    await publishRealtimeEvent(channel, { kind: 'handoff.claimed', tenantId, conversationId });
    await b.waitFor(3);
    expect(a.events).toHaveLength(2);
    await stopB();
    expect(realtimeListenerCount(channel)).toBe(0);
    // Nobody listens any more: Redis reports zero receivers.
    expect(await publishRealtimeEvent(channel, { kind: 'handoff.claimed', tenantId, conversationId })).toBe(0);
  });

  it('refuses events carrying anything but ids and kinds, and events on another tenant\u2019s channel', async () => {
    const tenantId = randomUUID();
    const other = randomUUID();
    const channel = inboxChannel(tenantId);
    const seen = collector();
    const stop = await subscribeRealtime(channel, seen.listener);
    const withText = { kind: 'message.created', tenantId, role: 'customer', text: 'my email is anna@example.com' } as unknown as Parameters<typeof publishRealtimeEvent>[1];
    await expect(publishRealtimeEvent(channel, withText)).rejects.toThrow();
    await expect(publishRealtimeEvent(channel, { kind: 'handoff.created', tenantId: other })).rejects.toThrow(/own tenant/);
    await expect(publishRealtimeEvent('some:other:channel', { kind: 'handoff.created', tenantId })).rejects.toThrow();
    // Someone writing straight to Redis: malformed, extra fields, wrong tenant. All ignored.
    const raw = getRedis();
    await raw.publish(channel, 'not json');
    await raw.publish(channel, JSON.stringify({ kind: 'message.created', tenantId, text: 'secret', at: new Date().toISOString() }));
    await raw.publish(channel, JSON.stringify({ kind: 'handoff.created', tenantId: other, at: new Date().toISOString() }));
    await publishRealtimeEvent(channel, { kind: 'handoff.resolved', tenantId });
    await seen.waitFor(1);
    expect(seen.events.map((e) => e.kind)).toEqual(['handoff.resolved']);
    await stop();
  });

  it('keeps tenants apart and keeps internal events off the customer-facing conversation channel', async () => {
    const acme = randomUUID();
    const globex = randomUUID();
    const conversationId = randomUUID();
    const acmeInbox = collector();
    const globexInbox = collector();
    const customer = collector();
    const stops = [
      await subscribeRealtime(inboxChannel(acme), acmeInbox.listener),
      await subscribeRealtime(inboxChannel(globex), globexInbox.listener),
      await subscribeRealtime(conversationChannel(acme, conversationId), customer.listener),
    ];
    await broadcastRealtimeEvent({ kind: 'handoff.claimed', tenantId: acme, conversationId, userId: randomUUID() });
    await broadcastRealtimeEvent({ kind: 'message.created', tenantId: acme, conversationId, messageId: randomUUID(), role: 'internal_note' });
    await broadcastRealtimeEvent({ kind: 'message.created', tenantId: acme, conversationId, messageId: randomUUID(), role: 'human_agent' });
    await broadcastRealtimeEvent({ kind: 'handoff.resolved', tenantId: acme, conversationId });
    await broadcastRealtimeEvent({ kind: 'handoff.created', tenantId: globex, conversationId: randomUUID() });
    await acmeInbox.waitFor(4);
    await customer.waitFor(2);
    await globexInbox.waitFor(1);
    expect(acmeInbox.events.map((e) => e.kind)).toEqual(['handoff.claimed', 'message.created', 'message.created', 'handoff.resolved']);
    expect(customer.events.map((e) => [e.kind, e.role ?? null])).toEqual([
      ['message.created', 'human_agent'],
      ['handoff.resolved', null],
    ]);
    expect(globexInbox.events.every((e) => e.tenantId === globex)).toBe(true);
    expect(acmeInbox.events.every((e) => e.tenantId === acme)).toBe(true);
    for (const stop of stops) await stop();
  });

  it('names channels after the Redis database, since pub/sub ignores database numbers', async () => {
    const tenantId = randomUUID();
    const db = new URL(process.env.REDIS_URL!).pathname.slice(1) || '0';
    expect(inboxChannel(tenantId)).toBe(`vouch:rt:${db}:${tenantId}:inbox`);
    // A subscriber on the raw connection sees exactly the JSON published: ids and kinds only.
    const spy = createRedisConnection();
    const got: string[] = [];
    await spy.subscribe(inboxChannel(tenantId));
    const arrived = new Promise<void>((resolve) => spy.on('message', (_c: string, m: string) => (got.push(m), resolve())));
    await publishRealtimeEvent(inboxChannel(tenantId), { kind: 'presence.changed', tenantId, userId: randomUUID() });
    await arrived;
    expect(Object.keys(JSON.parse(got[0]!)).sort()).toEqual(['at', 'kind', 'tenantId', 'userId']);
    await spy.quit();
  });

  it('broadcasts a turn\u2019s events in one pipeline, each checked once, in order, customer-visible ones on the conversation channel', async () => {
    const tenantId = randomUUID();
    const conversationId = randomUUID();
    const inbox = collector();
    const customer = collector();
    const stops = [await subscribeRealtime(inboxChannel(tenantId), inbox.listener), await subscribeRealtime(conversationChannel(tenantId, conversationId), customer.listener)];
    // Count what reaches Redis: pipelines and the publishes queued on them.
    const redis = getRedis();
    const queued: string[] = [];
    let pipelines = 0;
    const counting: TPipelinePublisher = {
      pipeline() {
        pipelines += 1;
        const p = redis.pipeline();
        return { publish: (channel: string, message: string) => (queued.push(channel), p.publish(channel, message)), exec: () => p.exec() };
      },
    };
    const parse = vi.spyOn(ZRealtimeEvent, 'parse');
    const customerMessageId = randomUUID();
    const replyId = randomUUID();
    const handoffId = randomUUID();
    const accepted = await broadcastRealtimeEvents(
      [
        { kind: 'message.created', tenantId, conversationId, messageId: customerMessageId, role: 'customer' },
        { kind: 'message.created', tenantId, conversationId, messageId: replyId, role: 'assistant' },
        { kind: 'handoff.created', tenantId, conversationId, handoffId },
      ],
      counting,
    );
    expect(parse).toHaveBeenCalledTimes(3);
    parse.mockRestore();
    expect(pipelines).toBe(1);
    expect(accepted).toBe(5);
    expect(queued).toEqual([inboxChannel(tenantId), conversationChannel(tenantId, conversationId), inboxChannel(tenantId), conversationChannel(tenantId, conversationId), inboxChannel(tenantId)]);
    await inbox.waitFor(3);
    await customer.waitFor(2);
    expect(inbox.events.map((e) => [e.kind, e.messageId ?? e.handoffId])).toEqual([
      ['message.created', customerMessageId],
      ['message.created', replyId],
      ['handoff.created', handoffId],
    ]);
    expect(customer.events.map((e) => e.messageId)).toEqual([customerMessageId, replyId]);
    for (const stop of stops) await stop();
  });

  it('publishes none of a batch holding one event with text or of another tenant\u2019s shape, and swallows a Redis failure', async () => {
    const tenantId = randomUUID();
    const conversationId = randomUUID();
    const seen = collector();
    const stop = await subscribeRealtime(inboxChannel(tenantId), seen.listener);
    const withText = { kind: 'message.created', tenantId, conversationId, role: 'customer', text: 'my email is anna@example.com' } as unknown as Parameters<typeof broadcastRealtimeEvent>[0];
    await expect(broadcastRealtimeEvents([{ kind: 'handoff.updated', tenantId, conversationId }, withText])).rejects.toThrow();
    await expect(broadcastRealtimeEvents([{ kind: 'handoff.updated', tenantId: 'not-a-uuid' }])).rejects.toThrow();
    // Redis down: the committed action must not fail; nothing was accepted.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const down: TPipelinePublisher = { pipeline: () => ({ publish: () => undefined, exec: () => Promise.reject(new Error('connection refused')) }) };
    expect(await broadcastRealtimeEvents([{ kind: 'handoff.updated', tenantId, conversationId }], down)).toBe(0);
    expect(warn).toHaveBeenCalledWith('[realtime] publish failed', expect.objectContaining({ kind: 'handoff.updated' }));
    expect(JSON.stringify(warn.mock.calls)).not.toContain('anna@example.com');
    warn.mockRestore();
    // The next valid event is the first (and only) one the subscriber hears of.
    expect(await broadcastRealtimeEvents([{ kind: 'handoff.resolved', tenantId }])).toBe(1);
    await seen.waitFor(1);
    expect(seen.events.map((e) => e.kind)).toEqual(['handoff.resolved']);
    await stop();
  });
});
