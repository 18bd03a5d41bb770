import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  addArticleSource,
  addFaqSource,
  getKnowledgeSettings,
  getSource,
  getSourceVersionText,
  listCrawlJobs,
  listSources,
  requestCrawl,
  requestKnowledgeReindex,
  requestReingestion,
  retryCrawlJob,
  reviewSourceVersion,
  searchKnowledge,
  uploadSource,
  ZAddArticleInput,
  ZAddFaqInput,
  ZCrawlOptions,
  ZRequestReindexInput,
  ZReviewInput,
  ZSearchKnowledgeInput,
  ZUserUploadInput,
} from '@vouch/core';
import { enqueue } from '@vouch/jobs';
import { EMBEDDING_DIMENSIONS, EMBEDDING_PROVIDERS, OFFLINE_EMBEDDING_MODEL } from '@vouch/rag';
import { can } from '../trpc';

/**
 * Waits for the source version a mutation wrote and queues its ingestion once the transaction
 * commits. One job per upload (the id makes a double submission one job); a retry gets a fresh id.
 */
async function ingestAfterCommit<T extends { versionId: string }>(
  ctx: { tenant: { id: string }; afterCommit: (task: () => Promise<unknown>) => void },
  written: Promise<T>,
  attempt: 'first' | 'retry' = 'first',
): Promise<T> {
  const result = await written;
  const { versionId } = result;
  const tenantId = ctx.tenant.id;
  const jobId = attempt === 'first' ? `ingest-${versionId}` : `ingest-${versionId}-retry-${Date.now()}`;
  ctx.afterCommit(() => enqueue('knowledge.ingest-version', { tenantId, versionId }, { jobId }));
  return result;
}

export const knowledgeRouter = {
  list: can('knowledge.read').query(({ ctx }) => listSources(ctx.db)),
  get: can('knowledge.read')
    .input(z.object({ sourceId: z.uuid() }))
    .query(({ ctx, input }) => getSource(ctx.db, input.sourceId)),
  versionText: can('knowledge.read')
    .input(z.object({ versionId: z.uuid() }))
    .query(({ ctx, input }) => getSourceVersionText(ctx.db, input.versionId)),
  upload: can('knowledge.edit')
    .input(ZUserUploadInput)
    .mutation(({ ctx, input }) => ingestAfterCommit(ctx, uploadSource(ctx.db, ctx.tenant.id, ctx.actor, input))),
  retryIngestion: can('knowledge.edit')
    .input(z.object({ versionId: z.uuid() }))
    .mutation(({ ctx, input }) => ingestAfterCommit(ctx, requestReingestion(ctx.db, ctx.tenant.id, ctx.actor, input.versionId), 'retry')),
  addArticle: can('knowledge.edit')
    .input(ZAddArticleInput)
    .mutation(({ ctx, input }) => ingestAfterCommit(ctx, addArticleSource(ctx.db, ctx.tenant.id, ctx.actor, input))),
  addFaq: can('knowledge.edit')
    .input(ZAddFaqInput)
    .mutation(({ ctx, input }) => ingestAfterCommit(ctx, addFaqSource(ctx.db, ctx.tenant.id, ctx.actor, input))),
  crawl: can('knowledge.edit')
    .input(ZCrawlOptions)
    .mutation(async ({ ctx, input }) => {
      const payload = await requestCrawl(ctx.db, ctx.tenant.id, ctx.actor, input);
      ctx.afterCommit(() => enqueue('knowledge.crawl-website', payload));
      return { queued: true, startUrl: payload.startUrl };
    }),
  /** The crawl jobs of this tenant still queued, running or failed, for progress and retry. */
  crawls: can('knowledge.read').query(({ ctx }) => listCrawlJobs(ctx.tenant.id)),
  retryCrawl: can('knowledge.edit')
    .input(z.object({ jobId: z.string().min(1).max(200) }))
    .mutation(({ ctx, input }) => retryCrawlJob(ctx.db, ctx.tenant.id, ctx.actor, input.jobId)),
  settings: can('knowledge.read').query(async ({ ctx }) => ({
    ...(await getKnowledgeSettings(ctx.db)),
    choices: { providers: EMBEDDING_PROVIDERS, dimensions: EMBEDDING_DIMENSIONS, offlineModel: OFFLINE_EMBEDDING_MODEL },
  })),
  /**
   * Re-embeds (and/or rebuilds the full-text index in another language). A tenant setting with
   * cost and answer-quality consequences, so it needs tenant.settings.update, not knowledge.edit.
   */
  reindex: can('tenant.settings.update')
    .input(ZRequestReindexInput)
    .mutation(async ({ ctx, input }) => {
      const settings = await requestKnowledgeReindex(ctx.db, ctx.tenant.id, ctx.actor, input);
      const tenantId = ctx.tenant.id;
      ctx.afterCommit(() => enqueue('knowledge.reembed-tenant', { tenantId }, { jobId: `reembed-${tenantId}-${Date.now()}` }));
      return settings;
    }),
  review: can('knowledge.approve')
    .input(ZReviewInput)
    .mutation(({ ctx, input }) => reviewSourceVersion(ctx.db, ctx.tenant.id, ctx.actor, input)),
  search: can('knowledge.read')
    .input(ZSearchKnowledgeInput)
    .query(async ({ ctx, input }) => {
      return searchKnowledge(ctx.db, input);
    }),
} satisfies TRPCRouterRecord;
