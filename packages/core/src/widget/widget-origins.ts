/**
 * Origins as the browser sends them (`scheme://host[:port]`, no path): allow-lists hold exactly
 * these strings and a request's origin must equal one of them; no wildcards, no suffix matching.
 */
export function normalizeOrigin(value: string | null | undefined): string | null {
  if (!value || value.length > 300 || value === 'null') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Exact origin match against an allow-list; an empty list allows none. */
export function isOriginAllowed(origin: string | null, allowedOrigins: readonly string[]): boolean {
  if (!origin) return false;
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === origin);
}
