import { UnrecoverableError, type Job } from 'bullmq';
import { crawlWebsite, importCrawledPages, ingestSourceVersion, isAppError, markIngestionFailed, type TIngestOutcome } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { enqueue, parseJobPayload } from '@vouch/jobs';
import { createEmbeddingsFromEnv, type TEmbeddingsChoice } from '@vouch/rag';

let embeddings: Promise<TEmbeddingsChoice> | undefined;

export async function processKnowledgeJob(job: Job): Promise<unknown> {
  switch (job.name) {
    case 'knowledge.ingest-version':
      return ingestVersion(job);
    case 'knowledge.crawl-website':
      return crawlAndImport(job);
    default:
      throw new UnrecoverableError(`The knowledge queue has no processor for "${job.name}".`);
  }
}

/** Crawls, imports changed pages as new versions, and queues their ingestion. */
async function crawlAndImport(job: Job): Promise<{ pages: number; newVersions: number; skipped: number }> {
  const payload = parseJobPayload('knowledge.crawl-website', job.data);
  let result;
  try {
    result = await crawlWebsite(payload);
  } catch (error) {
    if (isAppError(error)) throw new UnrecoverableError(error.publicMessage);
    throw error;
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
  embeddings ??= createEmbeddingsFromEnv();
  try {
    return await ingestSourceVersion(tenantId, versionId, {
      embeddings: await embeddings,
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
