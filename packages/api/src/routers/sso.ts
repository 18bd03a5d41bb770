import type { TRPCRouterRecord } from '@trpc/server';
import { configureSsoConnection, deleteSsoConnection, getSsoConnection, testSsoConnection, ZConfigureSsoInput, ZTestSsoInput } from '@vouch/core';
import { can } from '../trpc';

/** The tenant's OIDC single sign-on connection; the client secret is write-only. */
export const ssoRouter = {
  get: can('tenant.settings.read').query(({ ctx }) => getSsoConnection(ctx.db, ctx.tenant.id)),
  configure: can('tenant.settings.update')
    .input(ZConfigureSsoInput)
    .mutation(({ ctx, input }) => configureSsoConnection(ctx.db, ctx.tenant.id, ctx.actor, input)),
  delete: can('tenant.settings.update').mutation(({ ctx }) => deleteSsoConnection(ctx.db, ctx.tenant.id, ctx.actor)),
  // Fetches a URL the caller chose (the discovery document), so it needs the update right.
  test: can('tenant.settings.update')
    .input(ZTestSsoInput)
    .mutation(({ ctx, input }) => testSsoConnection(ctx.db, ctx.tenant.id, input)),
} satisfies TRPCRouterRecord;
