import type { TRPCRouterRecord } from '@trpc/server';
import {
  compareVersionOutcomes,
  createEvalCase,
  decidePromotion,
  deleteEvalCase,
  endCanary,
  diffAgentVersions,
  dryRunAnswer,
  editStagingConfig,
  getAgent,
  getAgentVersion,
  getEvaluationRun,
  listAgents,
  listEvalCases,
  listEvaluationRuns,
  listPromotions,
  requestPromotion,
  resolveAgentDeployment,
  rollbackProduction,
  startEvaluationRun,
  updateEvalCase,
  ZCompareOutcomesInput,
  ZDecidePromotionInput,
  ZDryRunTurn,
  ZEditStagingConfigInput,
  ZEndCanaryInput,
  ZEvalCaseFields,
  ZRequestPromotionInput,
  ZRollbackInput,
} from '@vouch/core';
import { enqueue } from '@vouch/jobs';
import { z } from 'zod';
import { can } from '../trpc';

const ZAgentId = z.object({ agentId: z.uuid() });

/** One job per run id: a double submission is one job. */
const enqueueRun = (tenantId: string, runId: string) => () => enqueue('agent.evaluate-version', { tenantId, runId }, { jobId: `eval-${runId}` });

export const agentsRouter = {
  list: can('agent.read').query(({ ctx }) => listAgents(ctx.db)),
  get: can('agent.read')
    .input(ZAgentId)
    .query(({ ctx, input }) => getAgent(ctx.db, input.agentId)),
  version: can('agent.read')
    .input(z.object({ versionId: z.uuid() }))
    .query(({ ctx, input }) => getAgentVersion(ctx.db, input.versionId)),
  diff: can('agent.read')
    .input(z.object({ fromVersionId: z.uuid(), toVersionId: z.uuid() }))
    .query(({ ctx, input }) => diffAgentVersions(ctx.db, input)),
  /** Names of the tenant's knowledge sources, for choosing which ones an agent may cite. */
  sources: can('agent.read').query(({ ctx }) =>
    ctx.db.knowledgeSource.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, status: true } }),
  ),
  editStaging: can('agent.edit_staging')
    .input(ZEditStagingConfigInput)
    .mutation(({ ctx, input }) => editStagingConfig(ctx.db, ctx.tenant.id, ctx.actor, input)),
  /** Chat with the staging version through the answer pipeline, without creating a conversation. */
  playground: can('agent.edit_staging')
    .input(z.object({ agentId: z.uuid(), message: z.string().trim().min(1).max(4000), history: z.array(ZDryRunTurn).max(20).default([]) }))
    .mutation(async ({ ctx, input }) => {
      const deployment = await resolveAgentDeployment(ctx.db, { agent: input.agentId, environment: 'staging' });
      const reply = await dryRunAnswer(ctx.tenant.id, deployment, { message: input.message, history: input.history });
      return { ...reply, version: deployment.configVersionId };
    }),

  cases: can('agent.read')
    .input(ZAgentId)
    .query(({ ctx, input }) => listEvalCases(ctx.db, input.agentId)),
  createCase: can('agent.edit_staging')
    .input(z.object({ agentId: z.uuid(), case: ZEvalCaseFields }))
    .mutation(({ ctx, input }) => createEvalCase(ctx.db, ctx.tenant.id, ctx.actor, { agentId: input.agentId, ...input.case })),
  updateCase: can('agent.edit_staging')
    .input(z.object({ caseId: z.uuid(), case: ZEvalCaseFields }))
    .mutation(({ ctx, input }) => updateEvalCase(ctx.db, ctx.tenant.id, ctx.actor, { caseId: input.caseId, ...input.case })),
  deleteCase: can('agent.edit_staging')
    .input(z.object({ caseId: z.uuid() }))
    .mutation(({ ctx, input }) => deleteEvalCase(ctx.db, ctx.tenant.id, ctx.actor, input.caseId)),

  runs: can('agent.read')
    .input(z.object({ agentId: z.uuid(), versionId: z.uuid().nullish() }))
    .query(({ ctx, input }) => listEvaluationRuns(ctx.db, input)),
  run: can('agent.read')
    .input(z.object({ runId: z.uuid() }))
    .query(({ ctx, input }) => getEvaluationRun(ctx.db, input.runId)),
  startRun: can('agent.edit_staging')
    .input(z.object({ versionId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const run = await startEvaluationRun(ctx.db, ctx.tenant.id, ctx.actor, { versionId: input.versionId });
      ctx.afterCommit(enqueueRun(ctx.tenant.id, run.runId));
      return run;
    }),

  promotions: can('agent.read')
    .input(ZAgentId)
    .query(({ ctx, input }) => listPromotions(ctx.db, input.agentId)),
  requestPromotion: can('agent.promote_request')
    .input(ZRequestPromotionInput)
    .mutation(async ({ ctx, input }) => {
      const requested = await requestPromotion(ctx.db, ctx.tenant.id, ctx.actor, input);
      ctx.afterCommit(enqueueRun(ctx.tenant.id, requested.runId));
      return requested;
    }),
  decidePromotion: can('agent.deploy')
    .input(ZDecidePromotionInput)
    .mutation(({ ctx, input }) => decidePromotion(ctx.db, ctx.tenant.id, ctx.actor, input)),
  /** Per version and environment: replies, answers, handoffs, grounding failures (counts only). */
  outcomes: can('agent.read')
    .input(ZCompareOutcomesInput)
    .query(({ ctx, input }) => compareVersionOutcomes(ctx.db, input)),
  /** Ends production's canary: complete (everyone gets it) or stop (everyone back to stable). */
  endCanary: can('agent.deploy')
    .input(ZEndCanaryInput)
    .mutation(({ ctx, input }) => endCanary(ctx.db, ctx.tenant.id, ctx.actor, input)),
  rollback: can('agent.deploy')
    .input(ZRollbackInput)
    .mutation(({ ctx, input }) => rollbackProduction(ctx.db, ctx.tenant.id, ctx.actor, input)),
} satisfies TRPCRouterRecord;
