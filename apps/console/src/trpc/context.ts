import 'server-only';
import { cookies, headers } from 'next/headers';
import { createTRPCContext } from '@vouch/api';
import { getSession, TENANT_COOKIE } from '~/server/auth';

/** The tRPC context for the current request: session, selected tenant, client ip and agent. */
export async function createServerContext() {
  const [session, cookieStore, headerStore] = await Promise.all([getSession(), cookies(), headers()]);
  const forwarded = headerStore.get('x-forwarded-for');
  return createTRPCContext({
    session,
    tenantSlug: cookieStore.get(TENANT_COOKIE)?.value ?? null,
    // The first hop is the client as seen by our own proxy.
    ip: forwarded?.split(',')[0]?.trim() || headerStore.get('x-real-ip') || null,
    userAgent: headerStore.get('user-agent'),
  });
}
