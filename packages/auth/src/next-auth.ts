import type { NextAuthOptions, Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { PEER_IP_HEADER, platformTrustedProxies, resolveClientIp } from './client-ip';
import { listUserMemberships, listUserTenantPolicies, type TSessionMembership, type TSignedInUser } from './identity';
import { tenantsRequiringMfa } from './mfa';
import { checkUserSession, SESSION_MAX_AGE_SECONDS } from './sessions';
import {
  createSsoProvider,
  isSessionMfaVerified,
  listUserSignInPolicies,
  tenantSlugOfSsoProvider,
  ZSsoClaims,
  type TSsoClaims,
  type TSsoSignInConnection,
  type TUserSignInPolicy,
} from './sso';

export interface TSessionMfa {
  enabled: boolean;
  /** A tenant obliges this user to use MFA and they have none: the user may only enrol. */
  enrolRequired: boolean;
  /** Names of the tenants whose policy requires it. */
  requiredBy: string[];
}

export interface TVouchSession extends Session {
  user: { id: string; email: string; name: string | null };
  /** Empty while MFA enrolment is required, so no tenant procedure can run. */
  memberships: TSessionMembership[];
  /** The user_sessions row of this browser (revocable from Account → Security). */
  sessionId?: string;
  mfa?: TSessionMfa;
  /** How this session signed in; an SSO session is bound to the tenant whose provider vouched for it. */
  signIn?: { method: 'password' } | { method: 'sso'; tenantId: string; tenantSlug: string };
  /**
   * Tenants of the user this session may not act in because they allow SSO sign-in only (a
   * password session), listed so the console and API can say why instead of "not a member".
   */
  ssoRequired?: { tenantSlug: string; tenantName: string }[];
}

export interface TSignInRequest {
  ip: string | null;
  userAgent: string | null;
}

/** What a sign-in step ends in; produced by core (which audits it), turned into next-auth results here. */
export type TSignInOutcome =
  | { kind: 'signed-in'; user: TSignedInUser; sessionId: string; ssoTenant?: { id: string; slug: string } }
  | { kind: 'mfa-required'; challenge: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'challenge-expired' }
  /** The password was right, but every tenant of the user allows SSO sign-in only. */
  | { kind: 'sso-required'; tenantSlugs: string[] }
  | { kind: 'invalid' };

export type TSsoRefusal = 'email-missing' | 'email-unverified' | 'issuer-mismatch' | 'not-member';

/** What the tenant's identity provider vouched for, after openid-client validated the ID token. */
export interface TSsoSignInInput extends TSignInRequest {
  connection: Pick<TSsoSignInConnection, 'tenantId' | 'tenantSlug' | 'issuer'>;
  claims: TSsoClaims;
}

export type TSsoSignInOutcome =
  | { kind: 'signed-in'; user: TSignedInUser; sessionId: string; tenantId: string }
  /** The tenant requires MFA, the provider did not assert it and the user has an authenticator. */
  | { kind: 'mfa-required'; challenge: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'refused'; reason: TSsoRefusal };

/** Sign-in orchestration injected by the app (core's account functions: limits, audit, sessions). */
export interface TSignInHooks {
  signInWithPassword(input: { email: string; password: string } & TSignInRequest): Promise<TSignInOutcome>;
  signInWithSecondFactor(input: { challenge: string; code: string } & TSignInRequest): Promise<TSignInOutcome>;
  /** After a tenant's identity provider answered; absent where SSO is not wired (some tests). */
  signInWithSso?(input: TSsoSignInInput): Promise<TSsoSignInOutcome>;
  /** The authenticator code step after an SSO sign-in that did not carry MFA. */
  signInWithSsoSecondFactor?(input: { challenge: string; code: string } & TSignInRequest): Promise<TSignInOutcome>;
}

/** The per-request part of an SSO sign-in: which tenant's provider, and who is asking. */
export interface TSsoRequestContext {
  connection: TSsoSignInConnection;
  request: TSignInRequest;
}

export interface TAuthOptionsInput {
  secret: string;
  /** __Secure- cookies; set when the console is served over https. */
  useSecureCookies: boolean;
  hooks: TSignInHooks;
  /** Set per request for `/api/auth/{signin,callback}/sso-<slug>`: adds that tenant's provider. */
  sso?: TSsoRequestContext;
}

/**
 * Error strings the sign-in page understands (next-auth passes a thrown message through as
 * `error`). A plain wrong password stays next-auth's generic `CredentialsSignin`.
 */
export const SIGN_IN_ERRORS = {
  mfaRequired: 'MFA_REQUIRED',
  rateLimited: 'RATE_LIMITED',
  invalidCode: 'INVALID_CODE',
  challengeExpired: 'CHALLENGE_EXPIRED',
  ssoRequired: 'SSO_REQUIRED',
  /** `/sign-in?error=SSO_REFUSED:<reason>&workspace=<slug>` after the identity provider answered. */
  ssoRefused: 'SSO_REFUSED',
  ssoRateLimited: 'SSO_RATE_LIMITED',
} as const;

const ZCredentials = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

const ZSecondFactor = z.object({
  challenge: z.string().min(1).max(128),
  code: z.string().min(1).max(32),
});

const SESSION_REVOKED = 'SessionRevoked';

function requestOf(req: { headers?: Record<string, unknown> } | undefined): TSignInRequest {
  const header = (name: string) => {
    const value = req?.headers?.[name];
    return typeof value === 'string' ? value : null;
  };
  // The socket peer (stamped by our server), or a forwarded address only via trusted proxies:
  // a client cannot dodge the per-IP sign-in limit by sending its own X-Forwarded-For.
  const ip = resolveClientIp({ peerIp: header(PEER_IP_HEADER), forwardedFor: header('x-forwarded-for'), trustedProxies: platformTrustedProxies() });
  return { ip, userAgent: header('user-agent') };
}

function toUser(outcome: TSignInOutcome, wrongSecondFactor: boolean) {
  switch (outcome.kind) {
    case 'signed-in':
      return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name, sessionId: outcome.sessionId, ssoTenant: outcome.ssoTenant };
    case 'sso-required':
      throw new Error(`${SIGN_IN_ERRORS.ssoRequired}:${outcome.tenantSlugs.join(',')}`);
    case 'mfa-required':
      throw new Error(`${SIGN_IN_ERRORS.mfaRequired}:${outcome.challenge}`);
    case 'rate-limited':
      throw new Error(`${SIGN_IN_ERRORS.rateLimited}:${outcome.retryAfterSeconds}`);
    case 'challenge-expired':
      throw new Error(SIGN_IN_ERRORS.challengeExpired);
    case 'invalid':
      if (wrongSecondFactor) throw new Error(SIGN_IN_ERRORS.invalidCode);
      return null;
  }
}

function readSsoTenant(claim: unknown): { id: string; slug: string } | null {
  const parsed = z.object({ id: z.uuid(), slug: z.string() }).safeParse(claim);
  return parsed.success ? parsed.data : null;
}

/**
 * Which memberships a session may act in. An SSO session is bound to the tenant whose identity
 * provider vouched for it: another tenant never trusts a provider it does not control (a
 * tenant admin could otherwise mint a colleague's email in their own IdP and reach the other
 * tenant), and it ends when that tenant turns SSO off (null). A password session may act in
 * every tenant that still allows password sign-in; the others are listed as SSO-only.
 */
export function sessionAccess(
  ssoTenant: { id: string } | null,
  memberships: TSessionMembership[],
  signInPolicies: TUserSignInPolicy[],
): { memberships: TSessionMembership[]; ssoRequired: { tenantSlug: string; tenantName: string }[] } | null {
  if (ssoTenant) {
    if (!signInPolicies.some((p) => p.tenantId === ssoTenant.id && p.ssoEnabled)) return null;
    return { memberships: memberships.filter((m) => m.tenantId === ssoTenant.id), ssoRequired: [] };
  }
  const ssoOnly = new Set(signInPolicies.filter((p) => !p.passwordLoginEnabled).map((p) => p.tenantId));
  return {
    memberships: memberships.filter((m) => !ssoOnly.has(m.tenantId)),
    ssoRequired: memberships.filter((m) => ssoOnly.has(m.tenantId)).map((m) => ({ tenantSlug: m.tenantSlug, tenantName: m.tenantName })),
  };
}

/**
 * next-auth configuration for the console. Sign-in is one or two steps: email and password,
 * then (when the user has MFA) a TOTP or recovery code against a short-lived challenge. Or
 * single sign-on through a tenant's OIDC provider (`sso-<slug>`, added per request by the
 * route handler), followed by a code when the tenant requires MFA and the provider did not
 * assert it. Sessions
 * are JWTs carrying the user id and the id of a `user_sessions` row; every session read checks
 * that row (a revoked session reads as signed out), re-reads memberships, and works out whether
 * the user must enrol in MFA before anything else.
 */
export function createAuthOptions({ secret, useSecureCookies, hooks, sso }: TAuthOptionsInput): NextAuthOptions {
  return {
    secret,
    useSecureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    // Errors of the OAuth flow (a refused state or PKCE check, an unreachable provider) land on
    // the sign-in page as ?error=<code>, which explains them, instead of next-auth's own page.
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(raw, req) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          return toUser(await hooks.signInWithPassword({ ...parsed.data, ...requestOf(req) }), false);
        },
      }),
      CredentialsProvider({
        id: 'second-factor',
        name: 'Authentication code',
        credentials: {
          challenge: { label: 'Challenge', type: 'text' },
          code: { label: 'Code', type: 'text' },
        },
        async authorize(raw, req) {
          const parsed = ZSecondFactor.safeParse(raw);
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalidCode);
          return toUser(await hooks.signInWithSecondFactor({ ...parsed.data, ...requestOf(req) }), true);
        },
      }),
      CredentialsProvider({
        // Not `sso-…`: that prefix names a tenant's OIDC provider in the route handler.
        id: 'second-factor-sso',
        name: 'Authentication code after single sign-on',
        credentials: {
          challenge: { label: 'Challenge', type: 'text' },
          code: { label: 'Code', type: 'text' },
        },
        async authorize(raw, req) {
          const parsed = ZSecondFactor.safeParse(raw);
          if (!parsed.success || !hooks.signInWithSsoSecondFactor) throw new Error(SIGN_IN_ERRORS.invalidCode);
          return toUser(await hooks.signInWithSsoSecondFactor({ ...parsed.data, ...requestOf(req) }), true);
        },
      }),
      // The one tenant's OIDC provider this request is about (sign-in start or callback).
      ...(sso ? [createSsoProvider(sso.connection)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        // Credentials providers decided in authorize(); only the OIDC answer is judged here.
        if (account?.type !== 'oauth') return true;
        const slug = tenantSlugOfSsoProvider(account.provider);
        if (!sso || !hooks.signInWithSso || slug !== sso.connection.tenantSlug) return false;
        const refused = (error: string) => `/sign-in?${new URLSearchParams({ error, workspace: slug })}`;
        const claims = ZSsoClaims.safeParse(profile);
        if (!claims.success) return refused(`${SIGN_IN_ERRORS.ssoRefused}:email-missing`);
        const { tenantId, tenantSlug, issuer } = sso.connection;
        const outcome = await hooks.signInWithSso({ connection: { tenantId, tenantSlug, issuer }, claims: claims.data, ...sso.request });
        switch (outcome.kind) {
          case 'signed-in':
            // next-auth hands this same object to jwt(): from here on it is the Vouch user, not
            // the provider's subject.
            Object.assign(user, {
              id: outcome.user.id,
              email: outcome.user.email,
              name: outcome.user.name,
              sessionId: outcome.sessionId,
              ssoTenant: { id: outcome.tenantId, slug },
            });
            return true;
          case 'mfa-required':
            return `/sign-in?${new URLSearchParams({ sso_challenge: outcome.challenge, workspace: slug })}`;
          case 'rate-limited':
            return refused(`${SIGN_IN_ERRORS.ssoRateLimited}:${outcome.retryAfterSeconds}`);
          case 'refused':
            return refused(`${SIGN_IN_ERRORS.ssoRefused}:${outcome.reason}`);
        }
      },
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as { id: string; sessionId?: string; ssoTenant?: { id: string; slug: string } };
          token.sub = signedIn.id;
          token.sid = signedIn.sessionId;
          if (signedIn.ssoTenant) token.sso = signedIn.ssoTenant;
          else delete token.sso;
        }
        return token;
      },
      async session({ session, token }) {
        const userId = token.sub;
        const sessionId = typeof token.sid === 'string' ? token.sid : null;
        // A token without a session row (issued before sessions existed) or with a revoked one
        // is refused: next-auth then clears the cookie and the request is signed out.
        if (!userId || !sessionId) throw new Error(SESSION_REVOKED);
        const check = await checkUserSession(userId, sessionId);
        if (!check.active) throw new Error(SESSION_REVOKED);
        const ssoTenant = readSsoTenant(token.sso);
        const [memberships, policies, signInPolicies, sessionMfaVerified] = await Promise.all([
          listUserMemberships(userId),
          listUserTenantPolicies(userId),
          listUserSignInPolicies(userId),
          ssoTenant ? isSessionMfaVerified(userId, sessionId) : Promise.resolve(false),
        ]);
        const access = sessionAccess(ssoTenant, memberships, signInPolicies);
        if (!access) throw new Error(SESSION_REVOKED);
        const usable = new Set(access.memberships.map((m) => m.tenantId));
        // A password session of a user with MFA always passed the second factor at sign-in. An
        // SSO session has proved it only when the provider asserted it, a code was entered
        // after the provider, or the user enrolled in this session.
        const verified = ssoTenant ? sessionMfaVerified : check.mfaEnabled;
        const requiring = verified ? [] : tenantsRequiringMfa(policies.filter((p) => usable.has(p.tenantId)));
        // An SSO session that skipped a code the user has (MFA became required after it signed
        // in) is ended: signing in again asks for the code.
        if (ssoTenant && requiring.length > 0 && check.mfaEnabled) throw new Error(SESSION_REVOKED);
        const vouchSession = session as TVouchSession;
        vouchSession.user = { id: userId, email: session.user?.email ?? '', name: session.user?.name ?? null };
        vouchSession.sessionId = sessionId;
        vouchSession.signIn = ssoTenant ? { method: 'sso', tenantId: ssoTenant.id, tenantSlug: ssoTenant.slug } : { method: 'password' };
        vouchSession.ssoRequired = access.ssoRequired;
        vouchSession.mfa = {
          enabled: check.mfaEnabled,
          enrolRequired: requiring.length > 0,
          requiredBy: requiring.map((p) => p.tenantName),
        };
        vouchSession.memberships = requiring.length > 0 ? [] : access.memberships;
        return vouchSession;
      },
    },
    logger: {
      error(code, metadata) {
        // A revoked session is an expected sign-out, not a server error.
        const message = (metadata as { message?: string } | undefined)?.message;
        if (code === 'JWT_SESSION_ERROR' && message === SESSION_REVOKED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}
