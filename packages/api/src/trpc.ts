import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { hasPermission, isRole, platformTrustedProxies, type TPermission, type TVouchSession } from '@vouch/auth';
import {
  audit,
  authenticateApiKey,
  isAppError,
  isIpAllowed,
  isOriginAllowed,
  normalizeOrigin,
  resolveClientIp,
  resolveWidgetKey,
  type TActor,
  type TAppErrorCode,
} from '@vouch/core';
import { withTenant, type TenantTx } from '@vouch/db';
import { z } from 'zod';

export interface TContextInput {
  session: TVouchSession | null;
  /** The tenant the console has selected (cookie or header); checked against memberships. */
  tenantSlug: string | null;
  /** The socket peer's address, as the server saw it (never a client-supplied header). */
  ip: string | null;
  userAgent: string | null;
  /** Raw X-Forwarded-For; believed only through the tenant's trusted proxies. */
  forwardedFor?: string | null;
  /** Raw Authorization header; `Bearer vk_…` authenticates an API key. */
  authorization?: string | null;
  /** The request's Origin header, as the browser sent it (widget procedures check it). */
  origin?: string | null;
}

export function createTRPCContext(input: TContextInput) {
  return { forwardedFor: null, authorization: null, origin: null, ...input };
}
export type TContext = ReturnType<typeof createTRPCContext>;

export interface TProcedureMeta {
  /** The permission a procedure requires; set by can(). */
  permission?: TPermission;
}

const APP_ERROR_TO_TRPC: Record<TAppErrorCode, TRPCError['code']> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

const t = initTRPC
  .context<TContext>()
  .meta<TProcedureMeta>()
  .create({
    transformer: superjson,
    // Stack traces never leave the server, in any environment.
    isDev: false,
    errorFormatter({ shape, error }) {
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      if (internal) console.error('[api] internal error', error.cause ?? error);
      return {
        ...shape,
        message: internal ? 'Something went wrong on our side. Please try again.' : shape.message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path },
      };
    },
  });

/** Turns the domain's AppErrors into their tRPC codes with their public message only. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: APP_ERROR_TO_TRPC[cause.code], message: cause.publicMessage });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapAppErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session?.user.id) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { session: ctx.session, user: ctx.session.user } });
});

const ROLLBACK = Symbol('rollback');
const NOT_A_MEMBER = 'You are not a member of this workspace.';

interface TTenantRef {
  id: string;
  slug: string;
  name: string;
}

/** Who is calling, before any tenant data is touched: a member's session or an API key. */
async function identifyCaller(ctx: TContext): Promise<
  | { kind: 'session'; userId: string; tenant: TTenantRef }
  | { kind: 'api_key'; apiKeyId: string; scopes: TPermission[]; tenantId: string }
> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.authorization ?? '')?.[1];
  if (!ctx.session?.user.id && bearer) {
    const key = await authenticateApiKey(bearer);
    if (!key) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Invalid, expired or revoked API key.' });
    return { kind: 'api_key', apiKeyId: key.apiKeyId, scopes: key.scopes, tenantId: key.tenantId };
  }
  if (!ctx.session?.user.id) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  // The session lists no memberships while MFA enrolment is pending; say why instead.
  if (ctx.session.mfa?.enrolRequired) throw new TRPCError({ code: 'FORBIDDEN', message: 'Set up two-factor authentication first.' });
  const memberships = ctx.session.memberships;
  const membership = ctx.tenantSlug ? memberships.find((m) => m.tenantSlug === ctx.tenantSlug) : memberships[0];
  // A password session lists no membership for tenants that allow SSO sign-in only (and an SSO
  // session only its own tenant's); name the reason rather than "not a member".
  if (!membership && ctx.session.ssoRequired?.some((t) => !ctx.tenantSlug || t.tenantSlug === ctx.tenantSlug)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This workspace requires signing in with SSO. Sign out, then choose “Sign in with SSO”.' });
  }
  if (!membership) throw new TRPCError({ code: 'FORBIDDEN', message: NOT_A_MEMBER });
  return {
    kind: 'session',
    userId: ctx.session.user.id,
    tenant: { id: membership.tenantId, slug: membership.tenantSlug, name: membership.tenantName },
  };
}

/**
 * Resolves the caller (session member or API key) and the tenant, enforces the tenant's IP
 * allowlist (a refusal is itself audited), then runs the procedure inside withTenant(): ctx.db
 * is a transaction in which RLS confines every statement to that tenant. A failed procedure
 * rolls its transaction back.
 */
export const tenantProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const caller = await identifyCaller(ctx);
  const tenantId = caller.kind === 'session' ? caller.tenant.id : caller.tenantId;
  const userId = caller.kind === 'session' ? caller.userId : undefined;

  const access = await withTenant(
    tenantId,
    async (db: TenantTx) => {
      const tenant = await db.tenant.findUniqueOrThrow({
        where: { id: tenantId },
        select: { id: true, slug: true, name: true, ipAllowlist: true, trustedProxies: true },
      });
      const clientIp = resolveClientIp({ peerIp: ctx.ip, forwardedFor: ctx.forwardedFor, trustedProxies: tenant.trustedProxies });
      let actor: TActor;
      if (caller.kind === 'session') {
        // Defence in depth: the membership must exist in the database as seen under RLS.
        const row = await db.membership.findFirst({ where: { tenantId, userId: caller.userId }, select: { roles: true } });
        if (!row) return { refused: 'not_member' as const };
        actor = { type: 'user', userId: caller.userId, tenantId, roles: row.roles.filter(isRole), ip: clientIp, userAgent: ctx.userAgent };
      } else {
        actor = { type: 'api_key', apiKeyId: caller.apiKeyId, tenantId, scopes: caller.scopes, ip: clientIp, userAgent: ctx.userAgent };
      }
      if (!isIpAllowed(clientIp, tenant.ipAllowlist)) {
        await audit.record(db, tenantId, actor, {
          action: 'security.ip-refused',
          targetType: 'tenant',
          targetId: tenantId,
          data: { ip: clientIp, via: caller.kind },
        });
        return { refused: 'ip' as const };
      }
      if (caller.kind === 'api_key') {
        await db.apiKey.update({ where: { id: caller.apiKeyId }, data: { lastUsedAt: new Date() } });
      }
      return { actor, tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name } };
    },
    { userId },
  );
  if ('refused' in access) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: access.refused === 'ip' ? 'Access from your network address is not allowed for this workspace.' : NOT_A_MEMBER,
    });
  }

  // Work that must only happen once the transaction is committed (enqueueing a job that reads
  // the rows just written) is registered with ctx.afterCommit and run after the commit.
  const afterCommit: (() => Promise<unknown>)[] = [];
  const runProcedure = (db: TenantTx) =>
    next({ ctx: { db, actor: access.actor, tenant: access.tenant, afterCommit: (task: () => Promise<unknown>) => void afterCommit.push(task) } });
  let outcome: Awaited<ReturnType<typeof runProcedure>> | undefined;
  try {
    await withTenant(
      tenantId,
      async (db: TenantTx) => {
        outcome = await runProcedure(db);
        if (!outcome.ok) throw ROLLBACK;
      },
      { userId },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (!outcome) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR' });
  if (outcome.ok) for (const task of afterCommit) await task();
  return outcome;
});

/** A tenant procedure that requires one permission from the roles → permissions table. */
export function can(permission: TPermission) {
  return tenantProcedure.meta({ permission }).use(({ ctx, next }) => {
    const allowed =
      ctx.actor.type === 'user'
        ? hasPermission(ctx.actor.roles, permission)
        : ctx.actor.type === 'api_key' && ctx.actor.scopes.includes(permission);
    if (!allowed) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role does not allow ${permission}.` });
    }
    return next();
  });
}

/** What every widget call carries: the public key, the visitor and the page it is embedded in. */
export const ZWidgetCaller = z.object({
  key: z.string().max(200),
  /** Random id the chat panel keeps in its own localStorage; binds conversations to the visitor. */
  visitorId: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'The chat lost its visitor id. Reload the page and try again.'),
  /** The host page's origin, passed by the loader to the iframe (`/embed?host=`). */
  host: z.string().max(300).nullish(),
});

const UNKNOWN_WIDGET_KEY = 'This chat is not set up correctly: its agent key is unknown. The site owner needs to check the widget snippet.';

/**
 * For visitors of customers' sites. No session: the caller is identified by the public widget
 * key (resolved through a definer function, since no tenant is known yet), the page it is
 * embedded in and a visitor id. The page's origin must be on the agent environment's
 * allowed_origins (exact match, an empty list allows none); the chat app's own origin is always
 * allowed, because the panel lives there.
 *
 * The panel's requests always come from the chat origin, so the host page's origin travels in
 * the input (`host`, from the loader's `location.origin`). A page could lie about it, but the
 * browser stops that page first: /embed answers with `frame-ancestors` listing only the key's
 * allowed origins, so an iframe on any other site never loads, and a direct request from another
 * site carries that site's Origin, which is checked instead. Neither replaces authentication:
 * the key is public, origins restrict where browsers may use it; rate limits bound the rest.
 */
export const widgetProcedure = publicProcedure.input(ZWidgetCaller).use(async ({ ctx, input, next }) => {
  const deployment = await resolveWidgetKey(input.key);
  if (!deployment) throw new TRPCError({ code: 'UNAUTHORIZED', message: UNKNOWN_WIDGET_KEY });
  const chatOrigin = normalizeOrigin(process.env.CHAT_PUBLIC_URL);
  const requestOrigin = normalizeOrigin(ctx.origin);
  if (!requestOrigin) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This chat only answers requests from a web page on an allowed site.' });
  }
  const claimedHost = input.host ? normalizeOrigin(input.host) : null;
  if (input.host && !claimedHost) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The embedding page\u2019s origin is malformed.' });
  // From the chat panel: the page that framed it; from anywhere else: the caller itself.
  const pageOrigin = requestOrigin === chatOrigin ? (claimedHost ?? chatOrigin) : requestOrigin;
  if (requestOrigin !== chatOrigin && claimedHost && claimedHost !== requestOrigin) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'The embedding page\u2019s origin does not match the request.' });
  }
  if (pageOrigin !== chatOrigin && !isOriginAllowed(pageOrigin, deployment.allowedOrigins)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `This chat is not enabled on ${pageOrigin}. The site owner can add it to the agent\u2019s allowed origins.`,
    });
  }
  return next({
    ctx: {
      widget: { key: input.key, tenantId: deployment.tenantId, agentId: deployment.agentId, environment: deployment.environment, pageOrigin },
      // No tenant policy applies before the key is resolved: only platform-wide proxies are believed.
      visitor: {
        id: input.visitorId,
        ip: resolveClientIp({ peerIp: ctx.ip, forwardedFor: ctx.forwardedFor, trustedProxies: platformTrustedProxies() }),
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      },
    },
  });
});
