import { TRPCError } from '@trpc/server';
import { inboxChannel, subscribeRealtime, type TRealtimeEvent } from '@vouch/core';
import { serverApi } from '~/trpc/server';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Comment-free heartbeats the client can watch: a silent stream for longer than ~2 of these is dead. */
const HEARTBEAT_MS = 15_000;
/**
 * A stream lives at most this long, then the browser reconnects, which re-runs every check: a
 * member removed, a role changed or a session signed out stops receiving within minutes.
 */
const MAX_LIFETIME_MS = 5 * 60_000;

const STATUS: Partial<Record<TRPCError['code'], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, TOO_MANY_REQUESTS: 429 };

/**
 * The inbox's live feed as server-sent events. Authorisation is exactly the API's: a server-side
 * tRPC call to `inbox.streamAccess` checks the next-auth session, the tenant membership in the
 * database, the tenant's IP allowlist and `inbox.read`, and names the tenant. Events carry ids
 * and kinds only (see @vouch/core realtime); the page refetches what changed through tRPC.
 */
export async function GET(req: Request): Promise<Response> {
  let tenantId: string;
  try {
    ({ tenantId } = await (await serverApi()).inbox.streamAccess());
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : 'INTERNAL_SERVER_ERROR';
    const message = error instanceof TRPCError && code !== 'INTERNAL_SERVER_ERROR' ? error.message : 'The live inbox is unavailable right now.';
    if (code === 'INTERNAL_SERVER_ERROR') console.error('[inbox-events] access check failed');
    return Response.json({ error: message }, { status: STATUS[code] ?? 503, headers: { 'cache-control': 'no-store' } });
  }

  const encoder = new TextEncoder();
  let closed = false;
  let stop: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          stop?.();
        }
      };
      let unsubscribe: (() => Promise<void>) | undefined;
      const heartbeat = setInterval(() => send('ping', { at: new Date().toISOString() }), HEARTBEAT_MS);
      const lifetime = setTimeout(() => stop?.(), MAX_LIFETIME_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        void unsubscribe?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      req.signal.addEventListener('abort', () => stop?.());
      // Tells the browser how soon to come back after the stream ends (the client adds backoff on errors).
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      try {
        unsubscribe = await subscribeRealtime(inboxChannel(tenantId), (event: TRealtimeEvent) => send('inbox', event));
      } catch {
        send('unavailable', { message: 'Live updates are unavailable; the inbox refreshes every few seconds instead.' });
        stop();
        return;
      }
      if (closed) {
        void unsubscribe();
        return;
      }
      // Subscribed: from here on nothing published is missed. The client refetches once on `ready`.
      send('ready', { at: new Date().toISOString() });
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform also keeps Next's gzip from buffering the stream.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
