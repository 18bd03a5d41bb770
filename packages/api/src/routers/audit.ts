import type { TRPCRouterRecord } from '@trpc/server';
import { audit } from '@vouch/core';
import { can } from '../trpc';

export const auditRouter = {
  verifyChain: can('audit.read').query(({ ctx }) => audit.verify(ctx.db, ctx.tenant.id)),
  list: can('audit.read')
    .input(audit.ZListAuditEventsInput)
    .query(({ ctx, input }) => audit.listAuditEvents(ctx.db, input)),
  /** Public by nature, but shown to those who audit: auditors pin it when verifying exports. */
  publicKey: can('audit.read').query(({ ctx }) => audit.getAuditPublicKey(ctx.tenant.id)),
} satisfies TRPCRouterRecord;
