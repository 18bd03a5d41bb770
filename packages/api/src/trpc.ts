import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { hasPermission, isRole, type TPermission, type TVouchSession } from '@vouch/auth';
import { isAppError, type TActor, type TAppErrorCode } from '@vouch/core';
import { withTenant, type TenantTx } from '@vouch/db';

export interface TContextInput {
  session: TVouchSession | null;
  /** The tenant the console has selected (cookie or header); checked against memberships. */
  tenantSlug: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function createTRPCContext(input: TContextInput) {
  return { ...input };
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

/**
 * Resolves the selected tenant against the user's memberships, then runs the procedure inside
 * withTenant(): ctx.db is a transaction in which RLS confines every statement to that tenant.
 * A failed procedure rolls its transaction back.
 */
export const tenantProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const memberships = ctx.session.memberships;
  const membership = ctx.tenantSlug
    ? memberships.find((m) => m.tenantSlug === ctx.tenantSlug)
    : memberships[0];
  if (!membership) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of this workspace.' });
  }
  const tenant = { id: membership.tenantId, slug: membership.tenantSlug, name: membership.tenantName };
  const runProcedure = (db: TenantTx, actor: TActor) => next({ ctx: { db, actor, tenant } });
  let outcome: Awaited<ReturnType<typeof runProcedure>> | undefined;
  try {
    await withTenant(
      membership.tenantId,
      async (db: TenantTx) => {
        // Defence in depth: the membership must exist in the database as seen under RLS.
        const row = await db.membership.findFirst({
          where: { tenantId: membership.tenantId, userId: ctx.user.id },
          select: { roles: true },
        });
        if (!row) throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of this workspace.' });
        const actor: TActor = {
          type: 'user',
          userId: ctx.user.id,
          tenantId: membership.tenantId,
          roles: row.roles.filter(isRole),
          ip: ctx.ip,
          userAgent: ctx.userAgent,
        };
        outcome = await runProcedure(db, actor);
        if (!outcome.ok) throw ROLLBACK;
      },
      { userId: ctx.user.id },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (!outcome) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR' });
  return outcome;
});

/** A tenant procedure that requires one permission from the roles → permissions table. */
export function can(permission: TPermission) {
  return tenantProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!hasPermission(ctx.actor.type === 'user' ? ctx.actor.roles : [], permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role does not allow ${permission}.` });
    }
    return next();
  });
}
