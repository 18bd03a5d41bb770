import type { TRPCRouterRecord } from '@trpc/server';
import { actorId, compliance } from '@vouch/core';
import { enqueue } from '@vouch/jobs';
import { can } from '../trpc';

export const complianceRouter = {
  /** Retention periods and the last run (the settings card). */
  retention: can('tenant.settings.read').query(({ ctx }) => compliance.getRetentionSettings(ctx.db, ctx.tenant.id)),
  updateRetention: can('tenant.settings.update')
    .input(compliance.ZRetentionPolicyInput)
    .mutation(({ ctx, input }) => compliance.updateRetentionPolicy(ctx.db, ctx.tenant.id, ctx.actor, input)),
  /** Queues a run now (the schedule runs hourly anyway); the run records itself when it ends. */
  runRetention: can('tenant.settings.update').mutation(({ ctx }) => {
    const tenantId = ctx.tenant.id;
    const requestedBy = actorId(ctx.actor);
    ctx.afterCommit(() => enqueue('compliance.run-retention', { tenantId, kind: 'manual', requestedBy }));
    return { queued: true };
  }),
  /** What a data-subject request would cover: counts only, nothing recorded. */
  findSubject: can('privacy.manage')
    .input(compliance.ZDataSubjectRef)
    .query(async ({ ctx, input }) => {
      const match = await compliance.findDataSubject(ctx.db, ctx.tenant.id, input);
      return { kind: match.kind, contacts: match.contactIds.length, conversations: match.conversationIds.length, matchedBy: match.matchedBy };
    }),
  exportSubject: can('privacy.manage')
    .input(compliance.ZDataSubjectRef)
    .mutation(({ ctx, input }) => compliance.exportDataSubject(ctx.db, ctx.tenant.id, ctx.actor, input)),
  eraseSubject: can('privacy.manage')
    .input(compliance.ZDataSubjectRef)
    .mutation(({ ctx, input }) => compliance.eraseDataSubject(ctx.db, ctx.tenant.id, ctx.actor, input)),
} satisfies TRPCRouterRecord;
