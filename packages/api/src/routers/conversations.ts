import type { TRPCRouterRecord } from '@trpc/server';
import { getConversationForAgent, listConversationFilters, listConversations, ZConversationIdInput, ZListConversationsInput } from '@vouch/core';
import { can } from '../trpc';

/** Every conversation, AI-only and handed off, read-only, for reviewers with transcripts.read. */
export const conversationsRouter = {
  list: can('transcripts.read')
    .input(ZListConversationsInput)
    .query(({ ctx, input }) => listConversations(ctx.db, input)),
  filters: can('transcripts.read').query(({ ctx }) => listConversationFilters(ctx.db)),
  get: can('transcripts.read')
    .input(ZConversationIdInput)
    .query(({ ctx, input }) => getConversationForAgent(ctx.db, input)),
} satisfies TRPCRouterRecord;
