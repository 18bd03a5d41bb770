'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardHeader, CardTitle, ProgressBar } from '@vouch/ui';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TViewer } from './access';
import type { TCrawlJob } from './api-types';

const STATE_BADGE: Record<TCrawlJob['state'], { tone: 'neutral' | 'indigo' | 'green' | 'red'; label: string }> = {
  queued: { tone: 'neutral', label: 'Queued' },
  running: { tone: 'indigo', label: 'Crawling' },
  done: { tone: 'green', label: 'Done' },
  failed: { tone: 'red', label: 'Failed' },
};

const inFlight = (jobs: TCrawlJob[] | undefined) => Boolean(jobs?.some((j) => j.state === 'queued' || j.state === 'running'));

/**
 * Recent website crawls with live progress; failed ones can be retried. Hidden until the tenant
 * has crawled something, so the page stays quiet for tenants that only upload.
 */
export function CrawlJobs({ viewer }: { viewer: TViewer }) {
  const trpc = useTRPC();
  const crawls = useQuery({ ...trpc.knowledge.crawls.queryOptions(), refetchInterval: (query) => (inFlight(query.state.data) ? 1000 : false) });
  if (crawls.isPending) return null;
  if (crawls.isError) return <QueryError what="Website crawls" error={crawls.error} onRetry={() => void crawls.refetch()} />;
  if (crawls.data.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Website crawls</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Each page found becomes a source above and waits for review.</p>
      </CardHeader>
      <ul className="divide-y divide-slate-200" aria-label="Website crawls">
        {crawls.data.map((job) => (
          <CrawlRow key={job.jobId} job={job} canRetry={viewer.canEdit} />
        ))}
      </ul>
    </Card>
  );
}

function CrawlRow({ job, canRetry }: { job: TCrawlJob; canRetry: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(trpc.knowledge.retryCrawl.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.crawls.queryKey() }) }));
  const badge = STATE_BADGE[job.state];
  const running = job.state === 'queued' || job.state === 'running';
  return (
    <li className="flex flex-wrap items-start gap-4 px-4 py-3 text-sm">
      <div className="min-w-0 flex-1 space-y-1">
        <p className="truncate font-medium text-slate-900" title={job.startUrl}>
          {job.startUrl}
        </p>
        <p className="text-xs text-slate-500">
          Started {formatDateTime(job.requestedAt)}
          {job.result ? ` · ${job.result.pages} page(s) fetched, ${job.result.newVersions} new or changed, ${job.result.skipped} skipped` : ''}
        </p>
        {running ? (
          <div className="max-w-md space-y-1">
            <ProgressBar value={job.percent} label={`Crawling ${job.startUrl}`} valueText={`${badge.label}, ${job.percent}%`} />
            <p className="text-xs text-slate-500 tabular-nums">
              {job.percent}%{job.stage ? ` · ${job.stage}` : ''}
            </p>
          </div>
        ) : null}
        {job.state === 'failed' && job.error ? <p className="text-xs text-red-700">{job.error}</p> : null}
        {retry.isError ? <Alert tone="error" className="max-w-md text-xs">{errorMessage(retry.error)}</Alert> : null}
      </div>
      <Badge tone={badge.tone}>{badge.label}</Badge>
      {job.state === 'failed' && canRetry ? (
        <Button variant="secondary" size="sm" disabled={retry.isPending} aria-busy={retry.isPending} onClick={() => retry.mutate({ jobId: job.jobId })}>
          {retry.isPending ? 'Retrying…' : 'Retry'}
          <span className="sr-only"> crawl of {job.startUrl}</span>
        </Button>
      ) : null}
    </li>
  );
}
