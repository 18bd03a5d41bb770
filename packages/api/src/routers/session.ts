import type { TRPCRouterRecord } from '@trpc/server';
import { permissionsOf } from '@vouch/auth';
import { authedProcedure } from '../trpc';

export const sessionRouter = {
  me: authedProcedure.query(({ ctx }) => ({
    user: ctx.user,
    memberships: ctx.session.memberships.map((m) => ({ ...m, permissions: [...permissionsOf(m.roles)] })),
  })),
} satisfies TRPCRouterRecord;
