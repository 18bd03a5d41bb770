import { env } from '~/env';
import { serveWidgetStream } from '~/server/sse';

export const dynamic = 'force-dynamic';

/**
 * POST /api/chat/events: the conversation as server-sent events (`message`, `status`), starting
 * after the panel's cursor (`after` in the body, or the `Last-Event-ID` header: each message
 * event's id is its time). Ends after about a minute; the panel reopens it from its cursor.
 * POST rather than EventSource's GET: browsers send Origin only with the former, and the widget
 * checks the page's origin on every call.
 */
export async function POST(req: Request) {
  env();
  const lastEventId = req.headers.get('last-event-id');
  return serveWidgetStream(
    req,
    (widget, body) => widget.events({ ...(body as Parameters<typeof widget.events>[0]), after: (body.after as string | null | undefined) ?? lastEventId ?? null } as Parameters<typeof widget.events>[0]),
    (event) => (event.type === 'message' ? new Date((event as unknown as { message: { createdAt: Date } }).message.createdAt).toISOString() : undefined),
  );
}
