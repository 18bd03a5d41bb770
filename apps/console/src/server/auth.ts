import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession, type NextAuthOptions } from 'next-auth';
import { createAuthOptions, type TSessionMembership, type TVouchSession } from '@vouch/auth';
import { signInWithPassword, signInWithSecondFactor } from '@vouch/core';
import { env } from '~/env';

/** The cookie holding the slug of the tenant the console has selected. */
export const TENANT_COOKIE = 'vouch-tenant';

/** Where a user whose tenant requires MFA, and who has none, is sent from every page. */
export const MFA_ENROL_PATH = '/mfa/enrol';

let options: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  const { NEXTAUTH_SECRET, NEXTAUTH_URL } = env();
  // Sign-in orchestration (limits, audit, sessions) lives in core; next-auth only calls it.
  options ??= createAuthOptions({
    secret: NEXTAUTH_SECRET,
    useSecureCookies: NEXTAUTH_URL.startsWith('https://'),
    hooks: { signInWithPassword, signInWithSecondFactor },
  });
  return options;
}

export async function getSession(): Promise<TVouchSession | null> {
  const session = (await getServerSession(authOptions())) as TVouchSession | null;
  return session?.user?.id ? session : null;
}

/**
 * For protected pages: the session, or a redirect to the sign-in page. A user who must enrol
 * in MFA first is sent to the enrolment page (the API refuses their tenant calls as well).
 */
export async function requireSession(): Promise<TVouchSession> {
  const session = await getSession();
  if (!session) redirect('/sign-in');
  if (session.mfa?.enrolRequired) redirect(MFA_ENROL_PATH);
  return session;
}

/** For the enrolment page itself: any signed-in user. */
export async function requireSessionForEnrolment(): Promise<TVouchSession> {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(MFA_ENROL_PATH)}`);
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
