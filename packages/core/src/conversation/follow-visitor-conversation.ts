import type { ConversationStatus } from '@vouch/db';
import { getRedis } from '@vouch/jobs';
import { conversationChannel } from '../realtime/events';
import { subscribeRealtime } from '../realtime/subscribe-realtime';
import { listVisitorMessages, type TVisitorMessage } from './list-visitor-messages';
import { enforceRateLimits, FEED_RATE_LIMITS, type TRateLimitRedis } from './rate-limit';

export type TConversationFeedEvent =
  | { type: 'message'; message: TVisitorMessage }
  | { type: 'status'; status: ConversationStatus; withHuman: boolean }
  | { type: 'ping' };

export interface TFollowOptions {
  signal?: AbortSignal;
  /** Fallback re-read when no push arrives (Redis down, an event lost): default 3 s, 1 s without push. */
  pollMs?: number;
  /** The feed ends after this long and the panel opens a new one from its cursor (default 55 s). */
  maxMs?: number;
  /** A comment line every this often keeps proxies from closing an idle stream (default 20 s). */
  pingMs?: number;
  /** Listen to the conversation's realtime channel (default true). */
  push?: boolean;
  /** Counts this feed against the visitor's, IP's and tenant's feed budget (FEED_RATE_LIMITS). */
  rateLimit?: { ip?: string | null; redis?: TRateLimitRedis };
}

// Rows are stamped with their transaction's start time, so one that commits late can carry a time
// just before the newest row already read. Each read reaches back this far; ids deduplicate.
const OVERLAP_MS = 5_000;

/**
 * The customer's side of a conversation as a stream: first everything after the panel's cursor
 * (what it missed while offline), then each new customer-visible message and status change as it
 * happens. Woken by the conversation's realtime channel (ids only, see ../realtime), re-reading
 * through RLS and the visitor check each time; a timer re-reads as well, so a lost push delays a
 * message but never drops it. Every message goes out once per feed; the panel deduplicates by id
 * across feeds.
 */
export async function* followVisitorConversation(
  tenantId: string,
  input: { widgetKey: string; visitorId: string; conversationId: string; after: Date | null },
  options: TFollowOptions = {},
): AsyncGenerator<TConversationFeedEvent> {
  if (options.rateLimit) {
    await enforceRateLimits(options.rateLimit.redis ?? getRedis(), { tenantId, visitorId: input.visitorId, ip: options.rateLimit.ip }, FEED_RATE_LIMITS, Date.now(), 'feed');
  }
  const deadline = Date.now() + (options.maxMs ?? 55_000);
  const pingMs = options.pingMs ?? 20_000;
  // The first read checks the visitor's right to this conversation before any subscription.
  let page = await listVisitorMessages(tenantId, { ...input, includeCustomer: true, after: input.after ? new Date(input.after.getTime() - OVERLAP_MS) : null });
  let wake: (() => void) | null = null;
  let woken = false;
  const onPush = () => {
    woken = true;
    wake?.();
  };
  let unsubscribe: (() => Promise<void>) | null = null;
  if (options.push !== false) {
    try {
      unsubscribe = await subscribeRealtime(conversationChannel(tenantId, input.conversationId), onPush);
    } catch {
      unsubscribe = null; // Redis pub/sub unavailable: the timer alone carries the feed.
    }
  }
  const pollMs = options.pollMs ?? (unsubscribe ? 3_000 : 1_000);
  const onAbort = () => wake?.();
  options.signal?.addEventListener('abort', onAbort);
  const sent = new Set<string>();
  let cursor = input.after;
  let status: { status: ConversationStatus; withHuman: boolean } | null = null;
  let lastWrite = Date.now();
  try {
    for (;;) {
      if (!status || status.status !== page.status || status.withHuman !== page.withHuman) {
        status = { status: page.status, withHuman: page.withHuman };
        yield { type: 'status', ...status };
        lastWrite = Date.now();
      }
      let fresh = 0;
      for (const message of page.messages) {
        if (!cursor || message.createdAt > cursor) cursor = message.createdAt;
        if (sent.has(message.id)) continue;
        fresh += 1;
        sent.add(message.id);
        yield { type: 'message', message };
        lastWrite = Date.now();
      }
      // A full page of new messages means more are waiting: read on at once.
      if (page.messages.length < 100 || fresh === 0) {
        if (options.signal?.aborted || Date.now() >= deadline) return;
        if (!woken) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now())));
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
        woken = false;
        if (options.signal?.aborted) return;
        if (Date.now() - lastWrite >= pingMs) {
          yield { type: 'ping' };
          lastWrite = Date.now();
        }
      }
      page = await listVisitorMessages(tenantId, { ...input, includeCustomer: true, after: cursor ? new Date(cursor.getTime() - OVERLAP_MS) : null });
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await unsubscribe?.();
  }
}
