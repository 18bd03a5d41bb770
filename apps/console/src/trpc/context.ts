import 'server-only';
import { cookies, headers } from 'next/headers';
import { createTRPCContext } from '@vouch/api';
import { getSession, TENANT_COOKIE } from '~/server/auth';

/** The tRPC context for the current request: session, selected tenant, client ip and agent. */
export async function createServerContext() {
  const [session, cookieStore, headerStore] = await Promise.all([getSession(), cookies(), headers()]);
  return createTRPCContext({
    session,
    tenantSlug: cookieStore.get(TENANT_COOKIE)?.value ?? null,
    // Set by scripts/serve-next.ts from the socket; forwarded headers count only via trusted proxies.
    ip: headerStore.get('x-vouch-peer-ip') || null,
    forwardedFor: headerStore.get('x-forwarded-for'),
    authorization: headerStore.get('authorization'),
    userAgent: headerStore.get('user-agent'),
  });
}
