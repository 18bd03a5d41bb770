import { UnrecoverableError, type Job } from 'bullmq';
import { ingestSourceVersion, isAppError, markIngestionFailed, type TIngestOutcome } from '@vouch/core';
import { parseJobPayload } from '@vouch/jobs';
import { createEmbeddingsFromEnv, type TEmbeddingsChoice } from '@vouch/rag';

let embeddings: Promise<TEmbeddingsChoice> | undefined;

export async function processKnowledgeJob(job: Job): Promise<TIngestOutcome> {
  if (job.name !== 'knowledge.ingest-version') throw new UnrecoverableError(`The knowledge queue has no processor for "${job.name}".`);
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
