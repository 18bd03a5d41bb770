'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, CardHeader, CardTitle, DataTable, EmptyState, SkeletonRows, Td } from '@vouch/ui';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import { DownloadLinks } from './download-links';

const FILE_LABELS: Record<string, string> = { 'events.jsonl': 'JSON Lines', 'events.csv': 'CSV', 'manifest.json': 'Manifest' };
const STATE: Record<string, { label: string; tone: 'green' | 'amber' | 'red' | 'neutral' | 'indigo' }> = {
  done: { label: 'Ready', tone: 'green' },
  queued: { label: 'Queued', tone: 'indigo' },
  running: { label: 'Running', tone: 'indigo' },
  failed: { label: 'Failed', tone: 'red' },
  expired: { label: 'Files removed', tone: 'neutral' },
  missing: { label: 'Files unavailable', tone: 'amber' },
};

function rangeOf(range: { from: string | null; to: string | null }): string {
  const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : null);
  const from = day(range.from);
  const to = day(range.to);
  return from && to ? `${from} – ${to}` : from ? `from ${from}` : to ? `until ${to}` : 'Everything';
}

/**
 * The signed-in member's own exports (never anyone else's), from the audit trail and the signed
 * manifests on disk, so they outlive the job record: status, range, count, expiry and, while the
 * files exist, download links that only this member can use.
 */
export function PastExports() {
  const trpc = useTRPC();
  const exports = useQuery({
    ...trpc.audit.exports.queryOptions({ limit: 20 }),
    refetchInterval: (query) => (query.state.data?.some((e) => e.state === 'queued' || e.state === 'running') ? 2000 : false),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your exports</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Only you see your exports. Files are kept 7 days; links work for you only and expire 15 minutes after they are shown.</p>
      </CardHeader>
      {exports.isPending ? (
        <SkeletonRows label="Loading your exports" rows={2} className="px-4 py-4" rowClassName="h-5" />
      ) : exports.isError ? (
        <div className="px-4 py-4">
          <QueryError what="Your exports" error={exports.error} onRetry={() => void exports.refetch()} />
        </div>
      ) : exports.data.length === 0 ? (
        <EmptyState className="m-4" icon={<Icon name="audit" className="size-6" />} title="No exports yet" description="Exports you start above are listed here with their files." />
      ) : (
        <DataTable caption="Your audit exports, newest first" inset="sm" columns={['Requested', 'Range', 'Status', 'Events', 'Files until', 'Download']}>
          {exports.data.map((e) => (
            <tr key={e.exportId} data-testid="past-export" data-export-id={e.exportId} data-state={e.state}>
              <Td className="whitespace-nowrap text-slate-700">
                <time dateTime={new Date(e.requestedAt).toISOString()}>{formatDateTime(new Date(e.requestedAt))}</time>
              </Td>
              <Td className="whitespace-nowrap text-slate-700">{rangeOf(e.range)}</Td>
              <Td>
                <Badge tone={STATE[e.state]?.tone ?? 'neutral'}>{STATE[e.state]?.label ?? e.state}</Badge>
              </Td>
              <Td className="tabular-nums text-slate-700">
                {e.count === null ? '—' : `${e.count.toLocaleString('en')}${e.firstSeq && e.lastSeq ? ` (#${e.firstSeq}–#${e.lastSeq})` : ''}`}
              </Td>
              <Td className="whitespace-nowrap text-slate-700">
                <time dateTime={new Date(e.expiresAt).toISOString()}>{formatDateTime(new Date(e.expiresAt))}</time>
              </Td>
              <Td>
                {e.links.length ? (
                  <DownloadLinks
                    links={e.links}
                    labels={FILE_LABELS}
                    label={`Downloads of the export requested ${formatDateTime(new Date(e.requestedAt))}`}
                    className="flex flex-wrap gap-1"
                  />
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
