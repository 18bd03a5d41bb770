import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey, ZCreateApiKeyInput, ZRotateApiKeyInput } from '@vouch/core';
import { can } from '../trpc';

export const apiKeysRouter = {
  list: can('apikeys.manage').query(({ ctx }) => listApiKeys(ctx.db)),
  create: can('apikeys.manage')
    .input(ZCreateApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.tenant.id, ctx.actor, input)),
  rotate: can('apikeys.manage')
    .input(ZRotateApiKeyInput)
    .mutation(({ ctx, input }) => rotateApiKey(ctx.db, ctx.tenant.id, ctx.actor, input)),
  revoke: can('apikeys.manage')
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.tenant.id, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;
