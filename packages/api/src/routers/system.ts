import type { TRPCRouterRecord } from '@trpc/server';
import { checkHealth } from '@vouch/core';
import { publicProcedure } from '../trpc';

export const systemRouter = {
  health: publicProcedure.query(() => checkHealth()),
} satisfies TRPCRouterRecord;
