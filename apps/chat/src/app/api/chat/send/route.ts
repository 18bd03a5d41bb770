import { env } from '~/env';
import { serveWidgetStream } from '~/server/sse';

export const dynamic = 'force-dynamic';

/**
 * POST /api/chat/send: one customer message, the reply streamed back as server-sent events
 * (`accepted`, `delta`…, maybe `reset`, `done`, or `error`). Body: the widget caller (key,
 * visitorId, host) with conversationId, message and clientMessageId. A retry after a network
 * drop sends the same clientMessageId and gets the stored reply instead of a second message.
 */
export async function POST(req: Request) {
  env();
  return serveWidgetStream(req, (widget, body) => widget.stream(body as Parameters<typeof widget.stream>[0]));
}
