import 'server-only';
import { createTRPCContext } from '@vouch/api';

/**
 * The tRPC context for a chat request: visitors have no session and no tenant cookie; the widget
 * procedures identify them by key, origin and visitor id.
 */
export function createChatContext(req: Request) {
  return createTRPCContext({
    session: null,
    tenantSlug: null,
    // Set by scripts/serve-next.ts from the socket; forwarded headers count only via trusted proxies.
    ip: req.headers.get('x-vouch-peer-ip') || null,
    forwardedFor: req.headers.get('x-forwarded-for'),
    userAgent: req.headers.get('user-agent'),
    origin: req.headers.get('origin'),
  });
}
