'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, ProgressBar, Skeleton } from '@vouch/ui';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { QueryError } from '../../settings/_components/query-error';
import type { TEvalRun } from './api-types';
import { CASE_KIND_LABEL, isRunActive, RUN_BADGE } from './status';
import { TraceView } from './trace-view';

export function RunProgress({ run }: { run: Pick<TEvalRun, 'done' | 'total' | 'failed' | 'version'> & { status: string } }) {
  const percent = run.total > 0 ? (run.done / run.total) * 100 : 0;
  return (
    <ProgressBar
      value={run.status === 'queued' ? 0 : percent}
      label={`Evaluation of v${run.version}`}
      valueText={run.status === 'queued' ? 'Waiting for a worker' : `${run.done} of ${run.total} cases`}
      tone={run.failed > 0 || run.status === 'error' ? 'red' : isRunActive(run.status) ? 'indigo' : 'green'}
    />
  );
}

/** Every case of one run with its verdict, reasons and trace. */
export function RunResults({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const run = useQuery({ ...trpc.agents.run.queryOptions({ runId }), refetchInterval: (q) => (q.state.data && isRunActive(q.state.data.status) ? 1000 : false) });
  const [filter, setFilter] = useState<'all' | 'failed'>('all');
  if (run.isPending) return <Skeleton className="h-40 w-full" />;
  if (run.isError) return <QueryError what="The results" error={run.error} onRetry={() => void run.refetch()} />;
  const results = run.data.results.filter((r) => filter === 'all' || !r.passed);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Badge tone={RUN_BADGE[run.data.status]?.tone ?? 'neutral'}>{RUN_BADGE[run.data.status]?.label ?? run.data.status}</Badge>
        <span>
          {run.data.passed} passed, {run.data.failed} failed of {run.data.total}
        </span>
        {run.data.error ? <span className="text-red-700">{run.data.error}</span> : null}
        <label className="ml-auto flex items-center gap-2 text-slate-600">
          <input type="checkbox" checked={filter === 'failed'} onChange={(e) => setFilter(e.target.checked ? 'failed' : 'all')} className="size-4 rounded border-slate-300" />
          Failed only
        </label>
      </div>
      {isRunActive(run.data.status) ? <RunProgress run={run.data} /> : null}
      {results.length === 0 ? <p className="text-sm text-slate-500">{run.data.results.length === 0 ? 'No results yet.' : 'No failed cases.'}</p> : null}
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Case results">
        {results.map((r) => (
          <li key={r.caseId}>
            <details className="group">
              <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-3 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
                <Badge tone={r.passed ? 'green' : 'red'}>{r.passed ? 'Pass' : 'Fail'}</Badge>
                <span className="font-medium text-slate-900">{r.name}</span>
                <span className="text-slate-500">{CASE_KIND_LABEL[r.kind] ?? r.kind}</span>
                {r.reasons[0] ? <span className="text-red-700">{r.reasons[0]}</span> : null}
              </summary>
              <div className="grid gap-4 border-t border-slate-100 bg-slate-50 px-3 py-3 lg:grid-cols-2">
                <div className="space-y-2 text-sm">
                  <p className="text-xs font-medium uppercase text-slate-500">Asked (redacted)</p>
                  <p className="text-slate-800">{r.trace.redactedQuestion}</p>
                  <p className="text-xs font-medium uppercase text-slate-500">Reply</p>
                  <p className="text-slate-800">{r.answer}</p>
                  {r.citations.length ? <p className="text-xs text-slate-500">Cites {r.citations.map((c) => c.source).join(', ')}</p> : null}
                  {r.reasons.length > 1 ? (
                    <ul className="list-disc pl-5 text-red-700">
                      {r.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
                <TraceView trace={r.trace} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
