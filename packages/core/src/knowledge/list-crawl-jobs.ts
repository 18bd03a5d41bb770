import type { TenantTx } from '@vouch/db';
import { getQueue, parseJobPayload } from '@vouch/jobs';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';

export interface TCrawlJobSummary {
  jobId: string;
  startUrl: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  percent: number;
  stage: string | null;
  error: string | null;
  result: { pages: number; newVersions: number; skipped: number } | null;
  requestedAt: Date;
  finishedAt: Date | null;
}

const RECENT = 200;

function stateOf(raw: string): TCrawlJobSummary['state'] {
  if (raw === 'active') return 'running';
  if (raw === 'completed') return 'done';
  if (raw === 'failed') return 'failed';
  return 'queued';
}

/**
 * The tenant's recent website crawls, read from the job queue (a crawl creates sources only
 * when it finishes, so until then the queue is where its progress lives). Newest first.
 */
export async function listCrawlJobs(tenantId: string, limit = 10): Promise<TCrawlJobSummary[]> {
  const queue = getQueue('knowledge');
  const jobs = await queue.getJobs(['active', 'waiting', 'delayed', 'prioritized', 'failed', 'completed'], 0, RECENT);
  const mine = jobs.filter((job) => job?.name === 'knowledge.crawl-website' && (job.data as { tenantId?: unknown })?.tenantId === tenantId);
  const summaries = await Promise.all(
    mine.map(async (job): Promise<TCrawlJobSummary> => {
      const payload = parseJobPayload('knowledge.crawl-website', job.data);
      const progress = (typeof job.progress === 'object' && job.progress ? job.progress : {}) as { percent?: number; stage?: string };
      const state = stateOf(await job.getState());
      return {
        jobId: job.id ?? '',
        startUrl: payload.startUrl,
        state,
        percent: state === 'done' ? 100 : Math.max(0, Math.min(100, Math.round(progress.percent ?? 0))),
        stage: progress.stage ?? null,
        // Crawl errors are written by our processor for people (unreachable site, SSRF refusal).
        error: state === 'failed' ? (job.failedReason ?? 'The crawl failed.') : null,
        result: state === 'done' ? (job.returnvalue as TCrawlJobSummary['result']) : null,
        requestedAt: new Date(job.timestamp),
        finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      };
    }),
  );
  return summaries.sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime()).slice(0, limit);
}

/** Puts a failed crawl of this tenant back in the queue (audited). */
export async function retryCrawlJob(tx: TenantTx, tenantId: string, actor: TActor, jobId: string): Promise<{ jobId: string }> {
  const job = await getQueue('knowledge').getJob(jobId);
  if (!job || job.name !== 'knowledge.crawl-website' || (job.data as { tenantId?: unknown })?.tenantId !== tenantId) {
    throw new AppError('NOT_FOUND', 'No such crawl.');
  }
  if ((await job.getState()) !== 'failed') throw new AppError('CONFLICT', 'Only a failed crawl can be retried.');
  await record(tx, tenantId, actor, { action: 'knowledge.crawl-retry', targetType: 'website', targetId: new URL(parseJobPayload('knowledge.crawl-website', job.data).startUrl).origin, data: { jobId } });
  await job.retry('failed');
  return { jobId };
}
