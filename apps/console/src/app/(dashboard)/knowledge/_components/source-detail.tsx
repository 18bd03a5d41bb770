'use client';

import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { Alert, Badge, Button, buttonClasses, Card, CardBody, CardHeader, CardTitle, EmptyState, Label, Select, Skeleton } from '@vouch/ui';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { PageHeader } from '../../_components/page-header';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TViewer } from './access';
import type { TSourceDetail, TVersion } from './api-types';
import { RetryButton, UploadIcon } from './knowledge-list';
import { usePersonName } from './people';
import { ReviewDialog, type TReviewRequest } from './review-dialog';
import { isInFlight, needsReview, SOURCE_BADGE, SOURCE_TYPE_LABEL } from './status';
import { UploadDialog } from './upload-dialog';
import { VersionDiff } from './version-diff';
import { RedactionList, VersionStatus } from './version-status';

function isMissing(error: unknown): boolean {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
}

export function SourceDetail({ sourceId, viewer, tenantName }: { sourceId: string; viewer: TViewer; tenantName: string }) {
  const trpc = useTRPC();
  const source = useQuery({
    ...trpc.knowledge.get.queryOptions({ sourceId }),
    refetchInterval: (query) => (query.state.data?.versions.some(isInFlight) ? 1000 : false),
    retry: (count, error) => !isMissing(error) && count < 2,
  });
  const back = (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href="/knowledge" className="font-medium text-indigo-700 hover:underline">
        ← Knowledge
      </Link>
    </nav>
  );

  if (source.isPending) {
    return (
      <>
        {back}
        <div role="status" aria-label="Loading source" className="space-y-4">
          <Skeleton className="h-9 w-72" />
          <Skeleton className="h-4 w-96" />
          <Skeleton className="mt-8 h-48 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      </>
    );
  }
  if (source.isError) {
    return (
      <>
        {back}
        <PageHeader eyebrow={tenantName} title="Knowledge source" />
        {isMissing(source.error) ? (
          <EmptyState
            icon={<Icon name="knowledge" className="size-6" />}
            title="No such source"
            description="It may have been removed, or the link belongs to another workspace."
            action={
              <Link href="/knowledge" className={buttonClasses('secondary')}>
                Back to knowledge
              </Link>
            }
          />
        ) : (
          <QueryError what="This source" error={source.error} onRetry={() => void source.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      {back}
      <SourceView source={source.data} viewer={viewer} tenantName={tenantName} />
    </>
  );
}

function SourceView({ source, viewer, tenantName }: { source: TSourceDetail; viewer: TViewer; tenantName: string }) {
  const [uploading, setUploading] = useState(false);
  const [reviewing, setReviewing] = useState<TReviewRequest | null>(null);
  const indexed = source.versions.filter((v) => v.ingestStatus === 'indexed');
  const [chosenText, setChosenText] = useState<string | null>(null);
  const textVersion = indexed.find((v) => v.id === chosenText) ?? indexed[0] ?? null;
  const status = SOURCE_BADGE[source.status] ?? { tone: 'neutral' as const, label: source.status };

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader
          eyebrow={tenantName}
          title={source.name}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={status.tone}>{status.label}</Badge>
              <span>{SOURCE_TYPE_LABEL[source.type] ?? source.type}</span>
              <span aria-hidden="true">·</span>
              <span>{source.servingVersion ? `Serving version ${source.servingVersion}` : 'No version is serving yet'}</span>
              <span aria-hidden="true">·</span>
              <span>
                {source.versions.length} version{source.versions.length === 1 ? '' : 's'}
              </span>
            </span>
          }
        />
        {viewer.canEdit ? (
          <Button onClick={() => setUploading(true)} className="shrink-0">
            <UploadIcon />
            Upload new version
          </Button>
        ) : null}
      </div>

      <div className="space-y-8">
        <Card>
          <CardHeader>
            <CardTitle>Version history</CardTitle>
            <p className="mt-0.5 text-sm text-slate-500">Newest first. Each upload is redacted and checked before anyone can approve it.</p>
          </CardHeader>
          <ol aria-label="Versions" className="divide-y divide-slate-200">
            {source.versions.map((version) => (
              <VersionItem
                key={version.id}
                version={version}
                sourceName={source.name}
                serving={version.version === source.servingVersion}
                viewer={viewer}
                showingText={textVersion?.id === version.id}
                onShowText={() => {
                  setChosenText(version.id);
                  document.getElementById('version-text')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }}
                onReview={(decision) => setReviewing({ version, decision })}
              />
            ))}
          </ol>
        </Card>

        <VersionTextCard version={textVersion} />
        <CompareCard versions={indexed} />
      </div>

      {viewer.canEdit ? <UploadDialog open={uploading} onClose={() => setUploading(false)} target={{ sourceId: source.id, name: source.name }} /> : null}
      <ReviewDialog request={reviewing} sourceName={source.name} onClose={() => setReviewing(null)} />
    </>
  );
}

interface TVersionItemProps {
  version: TVersion;
  sourceName: string;
  serving: boolean;
  viewer: TViewer;
  showingText: boolean;
  onShowText: () => void;
  onReview: (decision: 'approve' | 'reject') => void;
}

function VersionItem({ version, sourceName, serving, viewer, showingText, onShowText, onReview }: TVersionItemProps) {
  const nameOf = usePersonName(viewer);
  const titleId = useId();
  const label = `${sourceName} v${version.version}`;
  const awaiting = needsReview(version);
  const ownUpload = version.uploadedBy === viewer.userId;

  return (
    <li aria-labelledby={titleId} className="px-5 py-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-wrap items-start gap-3">
          <h3 id={titleId} className="text-sm font-semibold text-slate-900">
            Version {version.version}
          </h3>
          <VersionStatus version={version} label={label} />
          {serving ? <Badge tone="green">Serving</Badge> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {version.ingestStatus === 'indexed' ? (
            <Button variant="ghost" size="sm" onClick={onShowText} aria-pressed={showingText}>
              {showingText ? 'Showing text' : 'View text'}
              <span className="sr-only"> of version {version.version}</span>
            </Button>
          ) : null}
          {version.ingestStatus === 'failed' && viewer.canEdit ? <RetryButton versionId={version.id} label={label} /> : null}
          {awaiting && viewer.canApprove && !ownUpload ? (
            <>
              <Button variant="secondary" size="sm" className="text-red-700" onClick={() => onReview('reject')}>
                Reject<span className="sr-only"> version {version.version}</span>
              </Button>
              <Button size="sm" onClick={() => onReview('approve')}>
                Approve<span className="sr-only"> version {version.version}</span>
              </Button>
            </>
          ) : null}
        </div>
      </div>

      {awaiting && ownUpload ? (
        <p className="mt-3 text-sm text-slate-600">
          <strong className="font-medium text-slate-800">You uploaded this version, so you cannot approve it.</strong> Another member with the knowledge reviewer role must
          review it (four eyes).
        </p>
      ) : awaiting && !viewer.canApprove ? (
        <p className="mt-3 text-sm text-slate-600">Waiting for a knowledge reviewer to approve or reject it.</p>
      ) : null}

      {version.ingestStatus === 'failed' ? (
        <Alert tone="error" title="Ingestion failed" className="mt-3">
          {version.ingestError ?? 'The file could not be processed.'}
        </Alert>
      ) : null}
      {version.status === 'quarantined' && version.quarantineReason ? (
        <Alert tone="warning" title="Quarantined by the guard" className="mt-3">
          {version.quarantineReason}. It will not be served unless a reviewer approves it with a note.
        </Alert>
      ) : null}

      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs font-medium text-slate-500">Uploaded</dt>
          <dd className="mt-0.5 text-slate-800">
            {version.fileName ? <span className="block truncate font-mono text-xs">{version.fileName}</span> : null}
            by {nameOf(version.uploadedBy)}, <time dateTime={version.createdAt.toISOString()}>{formatDateTime(version.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500">Review</dt>
          <dd className="mt-0.5 text-slate-800">
            {version.reviewedAt ? (
              <>
                {version.status === 'approved' ? 'Approved' : version.status === 'rejected' ? 'Rejected' : 'Reviewed'} by {nameOf(version.reviewedBy)},{' '}
                <time dateTime={version.reviewedAt.toISOString()}>{formatDateTime(version.reviewedAt)}</time>
              </>
            ) : (
              <span className="text-slate-500">Not reviewed</span>
            )}
            {version.reviewNote ? <q className="mt-1 block text-slate-600 italic">{version.reviewNote}</q> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500">Removed by redaction</dt>
          <dd className="mt-0.5">{version.ingestStatus === 'indexed' ? <RedactionList summary={version.redactionSummary} /> : <span className="text-slate-500">—</span>}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500">Chunks indexed</dt>
          <dd className="mt-0.5 text-slate-800 tabular-nums">{version.ingestStatus === 'indexed' ? version.chunkCount : '—'}</dd>
        </div>
      </dl>
    </li>
  );
}

function VersionTextCard({ version }: { version: TVersion | null }) {
  const trpc = useTRPC();
  const text = useQuery({ ...trpc.knowledge.versionText.queryOptions({ versionId: version?.id ?? '' }), enabled: Boolean(version) });
  return (
    <Card id="version-text" className="scroll-mt-6">
      <CardHeader>
        <CardTitle>{version ? `Text of version ${version.version}` : 'Text'}</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">After redaction — exactly what is indexed and what an agent could quote.</p>
      </CardHeader>
      <CardBody>
        {!version ? (
          <p className="text-sm text-slate-600">No version has been indexed yet; the text appears once ingestion finishes.</p>
        ) : text.isPending ? (
          <div role="status" aria-label="Loading text" className="space-y-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
          </div>
        ) : text.isError ? (
          <QueryError what="The text" error={text.error} onRetry={() => void text.refetch()} />
        ) : !text.data ? (
          <p className="text-sm text-slate-600">This version has no stored text.</p>
        ) : (
          <>
            <p className="mb-2 text-sm font-medium text-slate-800">{text.data.title}</p>
            <pre
              tabIndex={0}
              aria-label={`Redacted text of version ${version.version}`}
              className="max-h-[32rem] overflow-auto rounded-lg bg-slate-50 p-4 font-mono text-xs leading-5 break-words whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {text.data.content}
            </pre>
          </>
        )}
      </CardBody>
    </Card>
  );
}

function CompareCard({ versions }: { versions: TVersion[] }) {
  const trpc = useTRPC();
  const fromId = useId();
  const toId = useId();
  // Until the reader chooses, compare the two newest indexed versions (the list is newest first).
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);
  const from = versions.find((v) => v.id === chosen?.from) ?? versions[1] ?? null;
  const to = versions.find((v) => v.id === chosen?.to) ?? versions[0] ?? null;
  const before = useQuery({ ...trpc.knowledge.versionText.queryOptions({ versionId: from?.id ?? '' }), enabled: Boolean(from) });
  const after = useQuery({ ...trpc.knowledge.versionText.queryOptions({ versionId: to?.id ?? '' }), enabled: Boolean(to) });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Compare versions</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">A line diff of the redacted text of any two indexed versions.</p>
      </CardHeader>
      <CardBody className="space-y-4">
        {versions.length < 2 || !from || !to ? (
          <p className="text-sm text-slate-600">There is nothing to compare yet: upload a new version and, once it is indexed, its changes show here.</p>
        ) : (
          <>
            <div className="flex flex-wrap items-end gap-3">
              <div className="space-y-1.5">
                <Label htmlFor={fromId}>From</Label>
                <Select id={fromId} value={from.id} onChange={(event) => setChosen({ from: event.target.value, to: to.id })}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      Version {v.version}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="space-y-1.5">
                <Label htmlFor={toId}>To</Label>
                <Select id={toId} value={to.id} onChange={(event) => setChosen({ from: from.id, to: event.target.value })}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      Version {v.version}
                    </option>
                  ))}
                </Select>
              </div>
              <Button variant="ghost" size="sm" onClick={() => setChosen({ from: to.id, to: from.id })}>
                Swap
              </Button>
            </div>
            {before.isPending || after.isPending ? (
              <div role="status" aria-label="Loading versions" className="space-y-2">
                <Skeleton className="h-4 w-full" />
                <Skeleton className="h-4 w-5/6" />
              </div>
            ) : before.isError || after.isError ? (
              <QueryError
                what="The versions"
                error={before.error ?? after.error}
                onRetry={() => {
                  void before.refetch();
                  void after.refetch();
                }}
              />
            ) : from.id === to.id ? (
              <p className="text-sm text-slate-600">Choose two different versions.</p>
            ) : (
              <VersionDiff before={before.data?.content ?? ''} after={after.data?.content ?? ''} fromLabel={`version ${from.version}`} toLabel={`version ${to.version}`} />
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
