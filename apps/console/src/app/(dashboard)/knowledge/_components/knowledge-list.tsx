'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardHeader, CardTitle, cn, DataTable, EmptyState, Td } from '@vouch/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { ViewTabs } from '../../_components/view-tabs';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime, formatRelative } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TViewer } from './access';
import type { TSource, TSourceDetail } from './api-types';
import { isInFlight, needsReview, pollWhileIngesting, SOURCE_BADGE, SOURCE_TYPE_LABEL } from './status';
import { ArticleDialog, CrawlDialog, FaqDialog } from './add-content-dialogs';
import { UploadDialog } from './upload-dialog';
import { VersionStatus } from './version-status';
import { TableSkeleton } from '../../_components/table-skeleton';

export type TKnowledgeView = 'all' | 'review' | 'failed';

const VIEWS: { id: TKnowledgeView; label: string; href: string; matches: (s: TSource, retried: ReadonlySet<string>) => boolean }[] = [
  { id: 'all', label: 'All sources', href: '/knowledge', matches: () => true },
  { id: 'review', label: 'Needs review', href: '/knowledge?view=review', matches: (s) => needsReview(s.latest) },
  {
    id: 'failed',
    label: 'Failed',
    href: '/knowledge?view=failed',
    // A version retried from here stays in view while it runs again, so its outcome is seen.
    matches: (s, retried) => s.latest?.ingestStatus === 'failed' || (Boolean(s.latest && retried.has(s.latest.id)) && isInFlight(s.latest)),
  },
];

const EMPTY: Record<TKnowledgeView, { title: string; description: string }> = {
  all: {
    title: 'No knowledge yet',
    description: 'Upload help articles, policies or FAQs. Nothing is used in an answer until a reviewer approves it.',
  },
  review: { title: 'Nothing needs review', description: 'Versions that are ready for review or quarantined by the guard appear here.' },
  failed: { title: 'No failed ingestions', description: 'Files that could not be read or indexed appear here with the reason and a retry.' },
};


export function KnowledgeList({ viewer, view }: { viewer: TViewer; view: TKnowledgeView }) {
  const trpc = useTRPC();
  const sources = useQuery({
    ...trpc.knowledge.list.queryOptions(),
    // Live while anything is queued or processing; quiet otherwise.
    refetchInterval: (query) => pollWhileIngesting(query.state.data),
  });
  const [uploading, setUploading] = useState(false);
  const [adding, setAdding] = useState<'article' | 'faq' | 'crawl' | null>(null);
  const [retried, setRetried] = useState<ReadonlySet<string>>(new Set());
  const active = VIEWS.find((v) => v.id === view) ?? VIEWS[0]!;
  const shown = sources.data?.filter((s) => active.matches(s, retried)) ?? [];
  const onRetried = (versionId: string) => setRetried((current) => new Set(current).add(versionId));

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <CardTitle>Sources</CardTitle>
          <p className="mt-0.5 text-sm text-slate-500">Agents cite only a source&apos;s approved version; a newer upload waits for review.</p>
        </div>
        {viewer.canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setAdding('article')}>
              Write article
            </Button>
            <Button variant="secondary" onClick={() => setAdding('faq')}>
              Add FAQ
            </Button>
            <Button variant="secondary" onClick={() => setAdding('crawl')}>
              Crawl website
            </Button>
            <Button onClick={() => setUploading(true)}>
              <UploadIcon />
              Upload
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <ViewTabs
        label="Knowledge views"
        tabs={VIEWS.map((v) => {
          const count = sources.data?.filter((s) => v.matches(s, new Set())).length;
          return {
            ...v,
            current: v.id === active.id,
            badge:
              v.id !== 'all' && count ? (
                <span className={cn('rounded-full px-1.5 text-xs tabular-nums', v.id === 'failed' ? 'bg-red-100 text-red-700' : 'bg-amber-100 text-amber-800')}>{count}</span>
              ) : null,
          };
        })}
      />
      {sources.isPending ? (
        <TableSkeleton label="Loading sources" />
      ) : sources.isError ? (
        <div className="px-4 py-4">
          <QueryError what="Knowledge sources" error={sources.error} onRetry={() => void sources.refetch()} />
        </div>
      ) : shown.length === 0 ? (
        <EmptyState
          className="m-4"
          icon={<Icon name="knowledge" className="size-6" />}
          title={EMPTY[active.id].title}
          description={EMPTY[active.id].description}
          action={
            active.id === 'all' && viewer.canEdit ? (
              <Button onClick={() => setUploading(true)}>
                <UploadIcon />
                Upload your first file
              </Button>
            ) : undefined
          }
        />
      ) : (
        <SourcesTable sources={shown} view={active.id} viewer={viewer} onRetried={onRetried} />
      )}
      {viewer.canEdit ? (
        <>
          <UploadDialog open={uploading} onClose={() => setUploading(false)} />
          <ArticleDialog open={adding === 'article'} onClose={() => setAdding(null)} />
          <FaqDialog open={adding === 'faq'} onClose={() => setAdding(null)} />
          <CrawlDialog open={adding === 'crawl'} onClose={() => setAdding(null)} />
        </>
      ) : null}
    </Card>
  );
}

function SourcesTable({ sources, view, viewer, onRetried }: { sources: TSource[]; view: TKnowledgeView; viewer: TViewer; onRetried: (versionId: string) => void }) {
  const now = new Date();
  return (
    <DataTable
      caption={<>Knowledge sources{view === 'all' ? '' : view === 'review' ? ' that need review' : ' whose ingestion failed'}</>}
      columns={['Source', 'Type', 'Status', 'Serving', 'Latest version', { label: 'Chunks', align: 'right' }, 'Updated', { label: 'Actions', srOnly: true }]}
    >
      {sources.map((source) => (
        <SourceRow key={source.id} source={source} viewer={viewer} now={now} onRetried={onRetried} />
      ))}
    </DataTable>
  );
}

function SourceRow({ source, viewer, now, onRetried }: { source: TSource; viewer: TViewer; now: Date; onRetried: (versionId: string) => void }) {
  const status = SOURCE_BADGE[source.status] ?? { tone: 'neutral' as const, label: source.status };
  const latest = source.latest;
  return (
    <tr>
      <Td className="min-w-44">
        <Link
          href={`/knowledge/${source.id}`}
          className="font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {source.name}
        </Link>
        {latest?.fileName ? <p className="text-xs text-slate-500">{latest.fileName}</p> : null}
      </Td>
      <Td className="text-slate-600">{SOURCE_TYPE_LABEL[source.type] ?? source.type}</Td>
      <Td>
        <Badge tone={status.tone}>{status.label}</Badge>
      </Td>
      <Td className="text-slate-600 tabular-nums">{source.servingVersion ? `v${source.servingVersion}` : <span className="text-slate-400">—</span>}</Td>
      <Td>
        {latest ? (
          <div className="flex items-start gap-2">
            <span className="pt-0.5 text-xs font-medium text-slate-500 tabular-nums">v{latest.version}</span>
            <div>
              <VersionStatus version={latest} label={`${source.name} v${latest.version}`} />
              {latest.ingestStatus === 'failed' && latest.ingestError ? <p className="mt-1 w-56 text-xs text-red-700">{latest.ingestError}</p> : null}
              {latest.status === 'quarantined' && latest.quarantineReason ? <p className="mt-1 w-56 text-xs text-red-700">{latest.quarantineReason}</p> : null}
            </div>
          </div>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </Td>
      <Td className="text-right text-slate-600 tabular-nums">{latest?.ingestStatus === 'indexed' ? latest.chunkCount : '—'}</Td>
      <Td className="whitespace-nowrap text-slate-600">
        <time dateTime={source.updatedAt.toISOString()} title={formatDateTime(source.updatedAt)}>
          {formatRelative(source.updatedAt, now)}
        </time>
      </Td>
      <Td className="text-right whitespace-nowrap">
        {latest?.ingestStatus === 'failed' && viewer.canEdit ? (
          <RetryButton versionId={latest.id} label={`${source.name} v${latest.version}`} onRetried={onRetried} />
        ) : needsReview(latest) && viewer.canApprove ? (
          <Link href={`/knowledge/${source.id}`} className="text-sm font-semibold text-indigo-700 hover:underline">
            Review<span className="sr-only"> {source.name}</span>
          </Link>
        ) : null}
      </Td>
    </tr>
  );
}

/** The dead-letter action: puts a failed (or stuck) version back in the ingestion queue. */
export function RetryButton({ versionId, label, onRetried }: { versionId: string; label: string; onRetried?: (versionId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.knowledge.retryIngestion.mutationOptions({
      onSuccess: () => {
        // Shown queued at once (and polled from there) rather than failed until the next refetch.
        const queued = <T extends { id: string }>(v: T): T => (v.id === versionId ? { ...v, ingestStatus: 'queued', ingestProgress: 0, ingestError: null } : v);
        queryClient.setQueryData(trpc.knowledge.list.queryKey(), (sources) => sources?.map((s) => (s.latest ? { ...s, latest: queued(s.latest) } : s)));
        queryClient.setQueriesData<TSourceDetail>(trpc.knowledge.get.pathFilter(), (source) =>
          source ? { ...source, latest: source.latest ? queued(source.latest) : null, versions: source.versions.map(queued) } : source,
        );
        onRetried?.(versionId);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() }),
    }),
  );
  return (
    <div className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" disabled={retry.isPending} aria-busy={retry.isPending} onClick={() => retry.mutate({ versionId })}>
        {retry.isPending ? 'Retrying…' : 'Retry'}
        <span className="sr-only"> ingestion of {label}</span>
      </Button>
      {retry.isError ? (
        <Alert tone="error" className="max-w-xs text-left text-xs">
          {errorMessage(retry.error)}
        </Alert>
      ) : null}
    </div>
  );
}

export function UploadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-4">
      <path strokeLinecap="round" strokeLinejoin="round" d="M3 16.5v2.25A2.25 2.25 0 0 0 5.25 21h13.5A2.25 2.25 0 0 0 21 18.75V16.5m-13.5-9L12 3m0 0 4.5 4.5M12 3v13.5" />
    </svg>
  );
}
