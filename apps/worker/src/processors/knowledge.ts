import { UnrecoverableError, type Job } from 'bullmq';
import {
  crawlWebsite,
  importCrawledPages,
  ingestSourceVersion,
  isAppError,
  markIngestionFailed,
  markReindexFailed,
  reembedTenant,
  type TIngestOutcome,
  type TReembedOutcome,
} from '@vouch/core';
import { withTenant } from '@vouch/db';
import { enqueue, parseJobPayload } from '@vouch/jobs';

export async function processKnowledgeJob(job: Job): Promise<unknown> {
  switch (job.name) {
    case 'knowledge.ingest-version':
      return ingestVersion(job);
    case 'knowledge.crawl-website':
      return crawlAndImport(job);
    case 'knowledge.reembed-tenant':
      return reembed(job);
    default:
      throw new UnrecoverableError(`The knowledge queue has no processor for "${job.name}".`);
  }
}

/** Crawls, imports changed pages as new versions, and queues their ingestion. */
async function crawlAndImport(job: Job): Promise<{ pages: number; newVersions: number; skipped: number }> {
  const payload = parseJobPayload('knowledge.crawl-website', job.data);
  let result;
  try {
    // Fetching is 0–60 % of the bar; importing the pages the rest.
    result = await crawlWebsite(payload, (pages, maxPages) => job.updateProgress({ percent: Math.round((60 * pages) / maxPages), stage: `fetched ${pages} page(s)` }));
  } catch (error) {
    if (isAppError(error)) throw new UnrecoverableError(error.publicMessage);
    // The reason is shown in the console: never an internal message.
    console.error(`[worker] crawl #${job.id ?? '?'} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    throw new Error('The crawl failed unexpectedly; it will be retried.');
  }
  await job.updateProgress({ percent: 60, stage: 'import' });
  const actor = { type: 'system', name: 'worker:crawler' } as const;
  const imported = await withTenant(payload.tenantId, (tx) => importCrawledPages(tx, payload.tenantId, actor, result.pages, payload.requestedBy));
  for (const version of imported.created) {
    await enqueue('knowledge.ingest-version', { tenantId: payload.tenantId, versionId: version.versionId }, { jobId: `ingest-${version.versionId}` });
  }
  return { pages: result.pages.length, newVersions: imported.created.length, skipped: result.skipped.length };
}

async function ingestVersion(job: Job): Promise<TIngestOutcome> {
  const { tenantId, versionId } = parseJobPayload('knowledge.ingest-version', job.data);
  try {
    // The tenant's own embedder (stored per tenant) is used; see ingestSourceVersion.
    return await ingestSourceVersion(tenantId, versionId, {
      onProgress: (percent, stage) => job.updateProgress({ percent: Math.round(percent), stage }),
    });
  } catch (error) {
    // The file itself is the problem (unsupported, malformed, too large): retrying cannot help.
    const permanent = isAppError(error) && ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT'].includes(error.code);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (permanent || lastAttempt) await markIngestionFailed(tenantId, versionId, error);
    if (permanent) throw new UnrecoverableError(error.publicMessage);
    throw error;
  }
}

/**
 * Re-embeds a tenant (resumable: a restarted job skips chunks already done) and switches when
 * complete. The old index keeps serving if it fails.
 */
async function reembed(job: Job): Promise<TReembedOutcome> {
  const { tenantId } = parseJobPayload('knowledge.reembed-tenant', job.data);
  try {
    return await reembedTenant(tenantId, {
      onProgress: (done, total) => job.updateProgress({ percent: total === 0 ? 100 : Math.round((100 * done) / total), done, total }),
    });
  } catch (error) {
    const permanent = isAppError(error) && ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE'].includes(error.code);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (permanent || lastAttempt) await markReindexFailed(tenantId, error);
    if (permanent) throw new UnrecoverableError(error.publicMessage);
    throw error;
  }
}
