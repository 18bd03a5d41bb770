import 'server-only';
import { appRouter, createCallerFactory, describeStreamError } from '@vouch/api';
import { createChatContext } from '~/trpc/context';

const createCaller = createCallerFactory(appRouter);
const MAX_BODY = 64 * 1024;

export type TWidgetCaller = ReturnType<typeof createCaller>['widget'];

/** One server-sent event; `data` is one line of JSON, so no payload can break the framing. */
function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function errorResponse(error: unknown): Response {
  const described = describeStreamError(error);
  const { status, ...body } = described;
  return new Response(frame('error', body), { status, headers: SSE_HEADERS });
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

/** The request's JSON body, refused clearly when it is too big or not JSON (binary uploads). */
async function readBody(req: Request): Promise<Record<string, unknown> | Response> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  const bad = (message: string, status = 400) => new Response(frame('error', { code: 'BAD_REQUEST', message, retryable: false }), { status, headers: SSE_HEADERS });
  if (declared > MAX_BODY) return bad('This message is far too long; please shorten it.', 413);
  const text = await req.text();
  if (text.length > MAX_BODY) return bad('This message is far too long; please shorten it.', 413);
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  return bad('The chat sent something that is not a message. Reload the page and try again.');
}

/**
 * Serves one widget procedure that yields events as `text/event-stream`. The procedure is
 * called through a server-side tRPC caller, so the widget key, origin and visitor checks are
 * exactly those of the JSON API. An error before the first event answers with its status; one
 * part-way through ends the stream with an `error` event. Stack traces never leave.
 */
export async function serveWidgetStream(
  req: Request,
  call: (widget: TWidgetCaller, body: Record<string, unknown>) => Promise<AsyncIterable<{ type: string }>>,
  eventId?: (event: { type: string }) => string | undefined,
): Promise<Response> {
  const body = await readBody(req);
  if (body instanceof Response) return body;
  const caller = createCaller(createChatContext(req), { signal: req.signal });
  let iterator: AsyncIterator<{ type: string }>;
  let first: IteratorResult<{ type: string }>;
  try {
    iterator = (await call(caller.widget, body))[Symbol.asyncIterator]();
    first = await iterator.next();
  } catch (error) {
    return errorResponse(error);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          // The reader went away; the producer still runs to its end (a reply is always stored).
        }
      };
      // Not awaited: start() returns at once and each event is readable as soon as it is written.
      void (async () => {
      try {
        for (let step = first; !step.done; step = await iterator.next()) {
          const event = step.value;
          if (event.type === 'ping') write(': ping\n\n');
          else write(frame(event.type, event, eventId?.(event)));
        }
      } catch (error) {
        const { status: _status, ...described } = describeStreamError(error);
        write(frame('error', described));
      } finally {
        try {
          controller.close();
        } catch {
          // already closed by a cancelled reader
        }
      }
      })();
    },
    async cancel() {
      // The feed stops on the request's abort signal; the send stream keeps producing to store its reply.
    },
  });
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
}
