'use client';

import { useQuery } from '@tanstack/react-query';
import { cn } from '@vouch/ui';
import { useTRPC } from '~/trpc/react';

function Dot({ ok }: { ok: boolean | undefined }) {
  return (
    <span
      aria-hidden="true"
      className={cn('inline-block size-2 rounded-full', ok === undefined ? 'bg-slate-300' : ok ? 'bg-emerald-500' : 'bg-red-500')}
    />
  );
}

/** Live dependency status, read through the tRPC API from the browser. */
export function SystemStatus() {
  const trpc = useTRPC();
  const health = useQuery(trpc.system.health.queryOptions(undefined, { refetchInterval: 60_000 }));
  const rows = [
    { name: 'Database', probe: health.data?.postgres },
    { name: 'Queue (Redis)', probe: health.data?.redis },
  ];
  return (
    <section aria-labelledby="status-heading" className="mt-8 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <h2 id="status-heading" className="text-sm font-semibold text-slate-900">
        System status
      </h2>
      {health.isError ? (
        <p className="mt-2 text-sm text-red-700">Status unavailable: the API did not answer.</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-x-8 gap-y-2 text-sm text-slate-600" aria-busy={health.isPending}>
          {rows.map((row) => (
            <li key={row.name} className="flex items-center gap-2">
              <Dot ok={row.probe?.ok} />
              <span>{row.name}</span>
              <span className="text-slate-400">
                {row.probe ? (row.probe.ok ? `ok · ${row.probe.latencyMs} ms` : (row.probe.error ?? 'down')) : 'checking…'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
