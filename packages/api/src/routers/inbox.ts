import type { TRPCRouterRecord } from '@trpc/server';
import {
  addInternalNote,
  assignHandoff,
  claimHandoff,
  getConversationForAgent,
  listHandoffs,
  replyAsAgent,
  resolveHandoff,
  unassignHandoff,
  ZAgentMessageInput,
  ZAssignHandoffInput,
  ZConversationIdInput,
  ZHandoffIdInput,
  ZListHandoffsInput,
} from '@vouch/core';
import { can } from '../trpc';

/** The support agents' handoff inbox: read with inbox.read, act with handoff.work. */
export const inboxRouter = {
  list: can('inbox.read')
    .input(ZListHandoffsInput)
    .query(({ ctx, input }) => listHandoffs(ctx.db, ctx.actor, input)),
  conversation: can('inbox.read')
    .input(ZConversationIdInput)
    .query(({ ctx, input }) => getConversationForAgent(ctx.db, input)),
  claim: can('handoff.work')
    .input(ZHandoffIdInput)
    .mutation(({ ctx, input }) => claimHandoff(ctx.db, ctx.tenant.id, ctx.actor, input)),
  assign: can('handoff.work')
    .input(ZAssignHandoffInput)
    .mutation(({ ctx, input }) => assignHandoff(ctx.db, ctx.tenant.id, ctx.actor, input)),
  unassign: can('handoff.work')
    .input(ZHandoffIdInput)
    .mutation(({ ctx, input }) => unassignHandoff(ctx.db, ctx.tenant.id, ctx.actor, input)),
  reply: can('handoff.work')
    .input(ZAgentMessageInput)
    .mutation(({ ctx, input }) => replyAsAgent(ctx.db, ctx.tenant.id, ctx.actor, input)),
  note: can('handoff.work')
    .input(ZAgentMessageInput)
    .mutation(({ ctx, input }) => addInternalNote(ctx.db, ctx.tenant.id, ctx.actor, input)),
  resolve: can('handoff.work')
    .input(ZHandoffIdInput)
    .mutation(({ ctx, input }) => resolveHandoff(ctx.db, ctx.tenant.id, ctx.actor, input)),
} satisfies TRPCRouterRecord;
