import { createRedisConnection } from '@vouch/jobs';
import { tenantOfChannel, ZRealtimeEvent, type TRealtimeEvent } from './events';

type TListener = (event: TRealtimeEvent) => void;
type TSubscriber = ReturnType<typeof createRedisConnection>;

/**
 * One subscriber connection per process, shared by every listener (a Redis connection in
 * subscribe mode can run nothing else, and one per browser tab would exhaust connections).
 * ioredis re-subscribes by itself after a reconnect.
 */
let subscriber: TSubscriber | undefined;
const listeners = new Map<string, Set<TListener>>();
const ready = new Map<string, Promise<unknown>>();

function dispatch(channel: string, raw: string): void {
  const set = listeners.get(channel);
  if (!set?.size) return;
  let event: TRealtimeEvent;
  try {
    const parsed = ZRealtimeEvent.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.tenantId !== tenantOfChannel(channel)) throw new Error('invalid event');
    event = parsed.data;
  } catch {
    // Dropped without logging its body: whatever it is, it is not ours to print.
    console.warn('[realtime] ignored a malformed event', { channel });
    return;
  }
  for (const listener of [...set]) {
    try {
      listener(event);
    } catch (error) {
      console.warn('[realtime] a listener failed', { channel, error: error instanceof Error ? error.message : 'unknown' });
    }
  }
}

function connection(): TSubscriber {
  if (!subscriber) {
    subscriber = createRedisConnection();
    subscriber.on('message', dispatch);
    // Without a listener ioredis reports connection errors as unhandled; it reconnects on its own.
    subscriber.on('error', (error: Error) => console.warn('[realtime] subscriber connection', error.message));
  }
  return subscriber;
}

/**
 * Calls `onEvent` for every valid event published on `channel` from now on. Resolves once Redis
 * has confirmed the subscription (so nothing published afterwards is missed) with a function that
 * ends it. Whoever subscribes must already have checked that the caller may see the channel.
 */
export async function subscribeRealtime(channel: string, onEvent: TListener): Promise<() => Promise<void>> {
  if (!tenantOfChannel(channel)) throw new TypeError('Not a realtime channel name.');
  const redis = connection();
  let set = listeners.get(channel);
  if (!set) {
    set = new Set();
    listeners.set(channel, set);
    ready.set(channel, redis.subscribe(channel));
  }
  set.add(onEvent);
  const mine = set;
  try {
    await ready.get(channel);
  } catch (error) {
    mine.delete(onEvent);
    if (mine.size === 0 && listeners.get(channel) === mine) {
      listeners.delete(channel);
      ready.delete(channel);
    }
    throw error;
  }
  let ended = false;
  return async () => {
    if (ended) return;
    ended = true;
    mine.delete(onEvent);
    if (mine.size === 0 && listeners.get(channel) === mine) {
      listeners.delete(channel);
      ready.delete(channel);
      await redis.unsubscribe(channel).catch(() => undefined);
    }
  };
}

/** How many listeners this process has on a channel (for tests and health). */
export function realtimeListenerCount(channel: string): number {
  return listeners.get(channel)?.size ?? 0;
}

/** Closes the shared subscriber connection (tests, graceful shutdown). */
export async function closeRealtime(): Promise<void> {
  const connection = subscriber;
  subscriber = undefined;
  listeners.clear();
  ready.clear();
  await connection?.quit().catch(() => connection.disconnect());
}
