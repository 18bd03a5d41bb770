import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession, type NextAuthOptions } from 'next-auth';
import { createAuthOptions, type TSessionMembership, type TVouchSession } from '@vouch/auth';
import { env } from '~/env';

/** The cookie holding the slug of the tenant the console has selected. */
export const TENANT_COOKIE = 'vouch-tenant';

let options: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  options ??= createAuthOptions(env().NEXTAUTH_SECRET);
  return options;
}

export async function getSession(): Promise<TVouchSession | null> {
  const session = (await getServerSession(authOptions())) as TVouchSession | null;
  return session?.user?.id ? session : null;
}

/** For protected pages: the session, or a redirect to the sign-in page. */
export async function requireSession(): Promise<TVouchSession> {
  const session = await getSession();
  if (!session) redirect('/sign-in');
  return session;
}

/**
 * The membership the console acts in: the cookie's tenant when the user belongs to it, else the
 * first membership. The API checks the same cookie against the database on every call.
 */
export async function activeMembership(session: TVouchSession): Promise<TSessionMembership | null> {
  const slug = (await cookies()).get(TENANT_COOKIE)?.value;
  return session.memberships.find((m) => m.tenantSlug === slug) ?? session.memberships[0] ?? null;
}
