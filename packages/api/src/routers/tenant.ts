import type { TRPCRouterRecord } from '@trpc/server';
import { getTenantOverview } from '@vouch/core';
import { can } from '../trpc';

export const tenantRouter = {
  overview: can('dashboard.read').query(({ ctx }) => getTenantOverview(ctx.db, ctx.tenant.id)),
} satisfies TRPCRouterRecord;
