'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardBody, CardHeader, CardTitle, Input, Label, ProgressBar } from '@vouch/ui';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { DownloadLinks } from './download-links';

const FILE_LABELS: Record<string, string> = {
  'events.jsonl': 'Events (JSON Lines)',
  'events.csv': 'Events (CSV)',
  'manifest.json': 'Signed manifest',
};

/** A date input (YYYY-MM-DD) as the start or the end of that day in UTC, or undefined. */
function dayBound(value: string, end: boolean): string | undefined {
  if (!value) return undefined;
  return new Date(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`).toISOString();
}

/**
 * Exports a range as a background job: a progress bar while it runs, then download links that
 * only the requester can use and that expire after a few minutes (reopening refreshes them).
 */
export function ExportCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exportId, setExportId] = useState<string | null>(null);
  const request = useMutation(
    trpc.audit.requestExport.mutationOptions({
      onSuccess: (result) => {
        setExportId(result.exportId);
        void queryClient.invalidateQueries({ queryKey: trpc.audit.exports.queryKey() });
      },
    }),
  );
  const status = useQuery({
    ...trpc.audit.exportStatus.queryOptions({ exportId: exportId ?? '00000000-0000-4000-8000-000000000000' }),
    enabled: exportId !== null,
    retry: false,
    refetchInterval: (query) => (query.state.data && ['done', 'failed'].includes(query.state.data.state) ? false : 1000),
  });
  const current = exportId ? status.data : undefined;
  // The list of past exports shows this one as finished too.
  const finished = current?.state === 'done' || current?.state === 'failed';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: trpc.audit.exports.queryKey() });
  }, [finished, queryClient, trpc]);
  const running = request.isPending || (exportId !== null && (!current || current.state === 'queued' || current.state === 'running'));
  const percent = current && current.total > 0 ? (current.exported / current.total) * 100 : current?.state === 'done' ? 100 : 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setExportId(null);
    request.mutate({ from: dayBound(from, false), to: dayBound(to, true) });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Export</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">
          JSON Lines and CSV with a manifest signed by this workspace&apos;s audit key. Check it offline with{' '}
          <code className="font-mono text-xs">vouch audit verify-export</code>.
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Export audit events">
          <div>
            <Label htmlFor={fromId}>From (UTC day)</Label>
            <Input id={fromId} type="date" value={from} onChange={(e) => setFrom(e.target.value)} className="mt-1 w-44" />
          </div>
          <div>
            <Label htmlFor={toId}>To (UTC day)</Label>
            <Input id={toId} type="date" value={to} onChange={(e) => setTo(e.target.value)} className="mt-1 w-44" />
          </div>
          <Button type="submit" disabled={running}>
            {running ? 'Exporting…' : 'Export'}
          </Button>
        </form>
        <div aria-live="polite" className="space-y-3">
          {request.isError ? (
            <Alert tone="error" title="The export could not start">
              {errorMessage(request.error)}
            </Alert>
          ) : null}
          {exportId && status.isError ? (
            <Alert tone="error" title="The export status is unavailable">
              {errorMessage(status.error)}
            </Alert>
          ) : null}
          {exportId && current && current.state !== 'failed' ? (
            <div className="space-y-1">
              <ProgressBar
                value={percent}
                label="Audit export progress"
                valueText={`${current.exported.toLocaleString('en')} of ${current.total.toLocaleString('en')} events`}
                tone={current.state === 'done' ? 'green' : 'indigo'}
              />
              <p className="text-xs text-slate-500">
                {current.state === 'done'
                  ? `${(current.count ?? 0).toLocaleString('en')} events exported.`
                  : current.state === 'running'
                    ? `${current.exported.toLocaleString('en')} of ${current.total.toLocaleString('en')} events…`
                    : 'Waiting for the worker…'}
              </p>
            </div>
          ) : null}
          {current?.state === 'failed' ? (
            <Alert tone="error" title="The export failed">
              The job stopped; start the export again.
            </Alert>
          ) : null}
          {current?.state === 'done' ? (
            <DownloadLinks links={current.links} labels={FILE_LABELS} label="Export downloads" className="flex flex-wrap gap-2" />
          ) : null}
          {current?.state === 'done' ? (
            <p className="text-xs text-slate-500">Links work for you only and expire 15 minutes after they were shown.</p>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
