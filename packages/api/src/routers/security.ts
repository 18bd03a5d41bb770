import type { TRPCRouterRecord } from '@trpc/server';
import { getTenantSecurityPolicy, updateTenantSecurityPolicy, ZTenantSecurityPolicyUpdate } from '@vouch/core';
import { can } from '../trpc';

export const securityRouter = {
  policy: can('tenant.settings.read').query(({ ctx }) => getTenantSecurityPolicy(ctx.db, ctx.tenant.id)),
  updatePolicy: can('tenant.settings.update')
    .input(ZTenantSecurityPolicyUpdate)
    .mutation(({ ctx, input }) => updateTenantSecurityPolicy(ctx.db, ctx.tenant.id, ctx.actor, input, ctx.actor.ip ?? null)),
} satisfies TRPCRouterRecord;
