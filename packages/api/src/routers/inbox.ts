import type { TRPCRouterRecord } from '@trpc/server';
import {
  addInternalNote,
  assignHandoff,
  broadcastRealtimeEvent,
  claimHandoff,
  countHandoffs,
  decideToolAction,
  listToolActions,
  ZDecideToolActionInput,
  ZListToolActionsInput,
  createCannedResponse,
  deleteCannedResponse,
  getConversationForAgent,
  getInboxSettings,
  listCannedResponses,
  listHandoffs,
  listTeammates,
  replyAsAgent,
  resolveHandoff,
  returnHandoffToAi,
  revealPlaceholder,
  setPresence,
  unassignHandoff,
  updateCannedResponse,
  updateInboxSettings,
  ZAgentMessageInput,
  ZAssignHandoffInput,
  ZCannedResponseIdInput,
  ZCannedResponseInput,
  ZConversationIdInput,
  ZHandoffIdInput,
  ZInboxSettingsInput,
  ZListHandoffsInput,
  ZPresenceInput,
  ZRevealInput,
  ZUpdateCannedResponseInput,
  type TRealtimeEventInput,
} from '@vouch/core';
import { can } from '../trpc';

/**
 * Hands a core result's realtime events (ids and kinds only) to the bus once the procedure's
 * transaction has committed, and returns the rest to the client.
 */
function publishAfterCommit<T extends { events: TRealtimeEventInput[] }>(ctx: { afterCommit: (task: () => Promise<unknown>) => void }, result: T): Omit<T, 'events'> {
  const { events, ...rest } = result;
  if (events.length) ctx.afterCommit(async () => Promise.all(events.map((event) => broadcastRealtimeEvent(event))));
  return rest;
}

/** The support agents' handoff inbox: read with inbox.read, act with handoff.work. */
export const inboxRouter = {
  list: can('inbox.read')
    .input(ZListHandoffsInput)
    .query(({ ctx, input }) => listHandoffs(ctx.db, ctx.actor, input)),
  counts: can('inbox.read').query(({ ctx }) => countHandoffs(ctx.db, ctx.actor)),
  /** The SSE endpoint asks this first: it runs every check (member, IP allowlist, inbox.read) and names the tenant. */
  streamAccess: can('inbox.read').query(({ ctx }) => ({ tenantId: ctx.tenant.id })),
  conversation: can('inbox.read')
    .input(ZConversationIdInput)
    .query(({ ctx, input }) => getConversationForAgent(ctx.db, input)),
  settings: can('inbox.read').query(({ ctx }) => getInboxSettings(ctx.db)),
  updateSettings: can('tenant.settings.update')
    .input(ZInboxSettingsInput)
    .mutation(({ ctx, input }) => updateInboxSettings(ctx.db, ctx.tenant.id, ctx.actor, input)),
  teammates: can('inbox.read').query(({ ctx }) => listTeammates(ctx.db, ctx.tenant.id)),
  presence: can('handoff.work')
    .input(ZPresenceInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await setPresence(ctx.tenant.id, ctx.actor, input))),
  claim: can('handoff.work')
    .input(ZHandoffIdInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await claimHandoff(ctx.db, ctx.tenant.id, ctx.actor, input))),
  assign: can('handoff.work')
    .input(ZAssignHandoffInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await assignHandoff(ctx.db, ctx.tenant.id, ctx.actor, input))),
  unassign: can('handoff.work')
    .input(ZHandoffIdInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await unassignHandoff(ctx.db, ctx.tenant.id, ctx.actor, input))),
  reply: can('handoff.work')
    .input(ZAgentMessageInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await replyAsAgent(ctx.db, ctx.tenant.id, ctx.actor, input))),
  note: can('handoff.work')
    .input(ZAgentMessageInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await addInternalNote(ctx.db, ctx.tenant.id, ctx.actor, input))),
  resolve: can('handoff.work')
    .input(ZHandoffIdInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await resolveHandoff(ctx.db, ctx.tenant.id, ctx.actor, input))),
  returnToAi: can('handoff.work')
    .input(ZHandoffIdInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await returnHandoffToAi(ctx.db, ctx.tenant.id, ctx.actor, input))),
  /** The conversation's tool actions (pending ones to approve or reject); inputs as stored, redacted. */
  toolActions: can('inbox.read')
    .input(ZListToolActionsInput)
    .query(({ ctx, input }) => listToolActions(ctx.db, input)),
  /** The four-eyes point: the AI requested, a member with handoff.work who owns the conversation decides; audited. */
  decideToolAction: can('handoff.work')
    .input(ZDecideToolActionInput)
    .mutation(async ({ ctx, input }) => publishAfterCommit(ctx, await decideToolAction(ctx.db, ctx.tenant.id, ctx.actor, input))),
  /** One original value behind one placeholder; audited (who, which placeholder), never the value. */
  reveal: can('pii.reveal')
    .input(ZRevealInput)
    .mutation(({ ctx, input }) => revealPlaceholder(ctx.db, ctx.tenant.id, ctx.actor, input)),
  cannedResponses: can('inbox.read').query(({ ctx }) => listCannedResponses(ctx.db)),
  createCannedResponse: can('handoff.work')
    .input(ZCannedResponseInput)
    .mutation(({ ctx, input }) => createCannedResponse(ctx.db, ctx.tenant.id, ctx.actor, input)),
  updateCannedResponse: can('handoff.work')
    .input(ZUpdateCannedResponseInput)
    .mutation(({ ctx, input }) => updateCannedResponse(ctx.db, ctx.tenant.id, ctx.actor, input)),
  deleteCannedResponse: can('handoff.work')
    .input(ZCannedResponseIdInput)
    .mutation(({ ctx, input }) => deleteCannedResponse(ctx.db, ctx.tenant.id, ctx.actor, input)),
} satisfies TRPCRouterRecord;
