import type { TRPCRouterRecord } from '@trpc/server';
import { audit } from '@vouch/core';
import { can } from '../trpc';

export const auditRouter = {
  verifyChain: can('audit.read').query(({ ctx }) => audit.verify(ctx.db, ctx.tenant.id)),
} satisfies TRPCRouterRecord;
