import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession, type NextAuthOptions } from 'next-auth';
import { cache } from 'react';
import {
  checkIssuerUrl,
  createAuthOptions,
  findSsoConnectionForSignIn,
  PEER_IP_HEADER,
  permissionsOf,
  platformTrustedProxies,
  resolveClientIp,
  type TPermission,
  type TSessionMembership,
  type TSignInHooks,
  type TVouchSession,
} from '@vouch/auth';
import { signInWithPasswordUnlessSsoOnly, signInWithSecondFactor, signInWithSso, signInWithSsoSecondFactor } from '@vouch/core';
import { env } from '~/env';

/** The cookie holding the slug of the tenant the console has selected. */
export const TENANT_COOKIE = 'vouch-tenant';

/** Where a user whose tenant requires MFA, and who has none, is sent from every page. */
export const MFA_ENROL_PATH = '/mfa/enrol';

// Sign-in orchestration (limits, audit, sessions, SSO-only tenants) lives in core; next-auth only calls it.
const hooks: TSignInHooks = {
  signInWithPassword: signInWithPasswordUnlessSsoOnly,
  signInWithSecondFactor,
  signInWithSso,
  signInWithSsoSecondFactor,
};

let options: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  const { NEXTAUTH_SECRET, NEXTAUTH_URL } = env();
  options ??= createAuthOptions({ secret: NEXTAUTH_SECRET, useSecureCookies: NEXTAUTH_URL.startsWith('https://'), hooks });
  return options;
}

/**
 * Options for one SSO request (`/api/auth/signin/sso-<slug>` or its callback): next-auth's
 * providers are fixed per call, so the tenant's OIDC provider is added for this request only.
 * Null when the workspace has no enabled connection (or one whose issuer is no longer allowed).
 */
export async function ssoAuthOptions(tenantSlug: string, req: Request): Promise<NextAuthOptions | null> {
  const connection = await findSsoConnectionForSignIn(tenantSlug);
  if (!connection || !checkIssuerUrl(connection.issuer).ok) return null;
  const { NEXTAUTH_SECRET, NEXTAUTH_URL } = env();
  // The socket peer stamped by our server, or a forwarded address through trusted proxies only.
  const ip = resolveClientIp({
    peerIp: req.headers.get(PEER_IP_HEADER),
    forwardedFor: req.headers.get('x-forwarded-for'),
    trustedProxies: platformTrustedProxies(),
  });
  return createAuthOptions({
    secret: NEXTAUTH_SECRET,
    useSecureCookies: NEXTAUTH_URL.startsWith('https://'),
    hooks,
    sso: { connection, request: { ip, userAgent: req.headers.get('user-agent') } },
  });
}

export async function getSession(): Promise<TVouchSession | null> {
  const session = (await getServerSession(authOptions())) as TVouchSession | null;
  return session?.user?.id ? session : null;
}

/**
 * For protected pages: the session, or a redirect to the sign-in page. A user who must enrol
 * in MFA first is sent to the enrolment page (the API refuses their tenant calls as well).
 */
async function requireSession(): Promise<TVouchSession> {
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
async function activeMembership(session: TVouchSession): Promise<TSessionMembership | null> {
  const slug = (await cookies()).get(TENANT_COOKIE)?.value;
  return session.memberships.find((m) => m.tenantSlug === slug) ?? session.memberships[0] ?? null;
}

export interface TActiveViewer {
  session: TVouchSession;
  /** Null when the user belongs to no workspace. */
  membership: TSessionMembership | null;
  /** What the membership's roles grant (none without a membership). */
  permissions: ReadonlySet<TPermission>;
}

/**
 * Who is looking at a dashboard page, in the active workspace: `requireSession` (sign-in and MFA
 * enrolment redirects), then `activeMembership` and its permissions. Cached per request, so the
 * layout, the page and its parts share one session lookup. Pages use the permissions only to hide
 * what the role cannot use; every procedure checks the session, membership, IP allowlist and its
 * own permission again on the server.
 */
export const activeViewer = cache(async (): Promise<TActiveViewer> => {
  const session = await requireSession();
  const membership = await activeMembership(session);
  return { session, membership, permissions: permissionsOf(membership?.roles ?? []) };
});
