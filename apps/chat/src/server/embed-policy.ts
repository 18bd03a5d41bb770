import 'server-only';
import { isOriginAllowed, normalizeOrigin, resolveWidgetKey, ZWidgetKey } from '@vouch/core';
import { env } from '~/env';

export type TEmbedDecision =
  | { allowed: true; frameAncestors: string[] }
  | { allowed: false; reason: 'invalid_key' | 'unknown_key' | 'origin'; host: string | null };

/**
 * Whether /embed may show a working chat for this key inside this host page, and which sites may
 * frame it. The loader passes the host page's origin (`host`); a page that lies about it is
 * stopped by the browser, because a working panel is only framable by the key's allowed origins
 * (`frame-ancestors`). A refusal names no tenant and calls nothing, so it may be framed anywhere:
 * that is how a site that is not allowed gets a readable refusal instead of a broken frame.
 */
export async function decideEmbed(key: string | null, host: string | null): Promise<TEmbedDecision> {
  const chatOrigin = new URL(env().CHAT_PUBLIC_URL).origin;
  const hostOrigin = host ? normalizeOrigin(host) : chatOrigin;
  if (!key || !ZWidgetKey.safeParse(key).success) return { allowed: false, reason: 'invalid_key', host: hostOrigin };
  const deployment = await resolveWidgetKey(key);
  if (!deployment) return { allowed: false, reason: 'unknown_key', host: hostOrigin };
  if (hostOrigin !== chatOrigin && !isOriginAllowed(hostOrigin, deployment.allowedOrigins)) {
    return { allowed: false, reason: 'origin', host: hostOrigin };
  }
  const allowed = deployment.allowedOrigins.map((o) => normalizeOrigin(o)).filter((o): o is string => o !== null);
  return { allowed: true, frameAncestors: [...new Set([chatOrigin, ...allowed])] };
}

/** The Content-Security-Policy for an /embed response. */
export function embedContentSecurityPolicy(decision: TEmbedDecision): string {
  return decision.allowed ? `frame-ancestors 'self' ${decision.frameAncestors.join(' ')}` : 'frame-ancestors *';
}
