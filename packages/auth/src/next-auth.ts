import type { NextAuthOptions, Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { PEER_IP_HEADER, platformTrustedProxies, resolveClientIp } from './client-ip';
import { listUserMemberships, listUserTenantPolicies, type TSessionMembership, type TSignedInUser } from './identity';
import { tenantsRequiringMfa } from './mfa';
import { checkUserSession, SESSION_MAX_AGE_SECONDS } from './sessions';

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
}

export interface TSignInRequest {
  ip: string | null;
  userAgent: string | null;
}

/** What a sign-in step ends in; produced by core (which audits it), turned into next-auth results here. */
export type TSignInOutcome =
  | { kind: 'signed-in'; user: TSignedInUser; sessionId: string }
  | { kind: 'mfa-required'; challenge: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'challenge-expired' }
  | { kind: 'invalid' };

/** Sign-in orchestration injected by the app (core's account functions: limits, audit, sessions). */
export interface TSignInHooks {
  signInWithPassword(input: { email: string; password: string } & TSignInRequest): Promise<TSignInOutcome>;
  signInWithSecondFactor(input: { challenge: string; code: string } & TSignInRequest): Promise<TSignInOutcome>;
}

export interface TAuthOptionsInput {
  secret: string;
  /** __Secure- cookies; set when the console is served over https. */
  useSecureCookies: boolean;
  hooks: TSignInHooks;
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
      return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name, sessionId: outcome.sessionId };
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

/**
 * next-auth configuration for the console. Sign-in is one or two steps: email and password,
 * then (when the user has MFA) a TOTP or recovery code against a short-lived challenge. Sessions
 * are JWTs carrying the user id and the id of a `user_sessions` row; every session read checks
 * that row (a revoked session reads as signed out), re-reads memberships, and works out whether
 * the user must enrol in MFA before anything else.
 */
export function createAuthOptions({ secret, useSecureCookies, hooks }: TAuthOptionsInput): NextAuthOptions {
  return {
    secret,
    useSecureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in' },
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
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sessionId?: string }).sessionId;
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
        const [memberships, policies] = await Promise.all([listUserMemberships(userId), listUserTenantPolicies(userId)]);
        const requiring = check.mfaEnabled ? [] : tenantsRequiringMfa(policies);
        const vouchSession = session as TVouchSession;
        vouchSession.user = { id: userId, email: session.user?.email ?? '', name: session.user?.name ?? null };
        vouchSession.sessionId = sessionId;
        vouchSession.mfa = {
          enabled: check.mfaEnabled,
          enrolRequired: requiring.length > 0,
          requiredBy: requiring.map((p) => p.tenantName),
        };
        vouchSession.memberships = requiring.length > 0 ? [] : memberships;
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
