import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { getSource, getSourceVersionText, listSources, requestReingestion, reviewSourceVersion, searchKnowledge, uploadSource, ZCrawlOptions, ZReviewInput, ZSearchKnowledgeInput, ZUserUploadInput } from '@vouch/core';
import { enqueue } from '@vouch/jobs';
import { createEmbeddingsFromEnv, type TEmbeddingsChoice } from '@vouch/rag';
import { can } from '../trpc';

let embeddings: Promise<TEmbeddingsChoice> | undefined;

/** One job per upload (the id makes a double submission one job); a retry gets a fresh id. */
function enqueueIngestion(tenantId: string, versionId: string, attempt: 'first' | 'retry') {
  const jobId = attempt === 'first' ? `ingest-${versionId}` : `ingest-${versionId}-retry-${Date.now()}`;
  return () => enqueue('knowledge.ingest-version', { tenantId, versionId }, { jobId });
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
    .mutation(async ({ ctx, input }) => {
      const uploaded = await uploadSource(ctx.db, ctx.tenant.id, ctx.actor, input);
      ctx.afterCommit(enqueueIngestion(ctx.tenant.id, uploaded.versionId, 'first'));
      return uploaded;
    }),
  retryIngestion: can('knowledge.edit')
    .input(z.object({ versionId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const requeued = await requestReingestion(ctx.db, ctx.tenant.id, ctx.actor, input.versionId);
      ctx.afterCommit(enqueueIngestion(ctx.tenant.id, requeued.versionId, 'retry'));
      return requeued;
    }),
  crawl: can('knowledge.edit')
    .input(ZCrawlOptions)
    .mutation(({ ctx, input }) => {
      const options = ZCrawlOptions.parse(input);
      const payload = {
        tenantId: ctx.tenant.id,
        startUrl: options.startUrl,
        maxDepth: options.maxDepth,
        maxPages: options.maxPages,
        pathPrefix: options.pathPrefix ?? null,
        requestedBy: ctx.actor.type === 'user' ? ctx.actor.userId : null,
      };
      ctx.afterCommit(() => enqueue('knowledge.crawl-website', payload));
      return { queued: true, startUrl: options.startUrl };
    }),
  review: can('knowledge.approve')
    .input(ZReviewInput)
    .mutation(({ ctx, input }) => reviewSourceVersion(ctx.db, ctx.tenant.id, ctx.actor, input)),
  search: can('knowledge.read')
    .input(ZSearchKnowledgeInput)
    .query(async ({ ctx, input }) => {
      embeddings ??= createEmbeddingsFromEnv();
      return searchKnowledge(ctx.db, await embeddings, input);
    }),
} satisfies TRPCRouterRecord;
