'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, CardBody, CardHeader, CardTitle, cn, Label, Select, Skeleton } from '@vouch/ui';
import { useId, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TAgentViewer } from './access';
import type { TAgentDetail, TConfigChange } from './api-types';
import { usePersonName } from './people';

const KIND_LABEL: Record<string, string> = { create: 'Created', edit: 'Edited', promotion: 'Promoted', rollback: 'Rolled back', canary: 'Canary started', canary_stop: 'Canary stopped' };

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function VersionsTab({ agent, viewer }: { agent: TAgentDetail; viewer: TAgentViewer }) {
  const personName = usePersonName(viewer);
  const id = useId();
  const staging = agent.environments.find((e) => e.environment === 'staging')!;
  const production = agent.environments.find((e) => e.environment === 'production')!;
  const fallbackFrom = staging.versionId === production.versionId ? (agent.versions[1]?.id ?? production.versionId) : production.versionId;
  const [from, setFrom] = useState(fallbackFrom);
  const [to, setTo] = useState(staging.versionId);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>History</CardTitle>
        </CardHeader>
        <CardBody className="p-0">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2">Version</th>
                <th scope="col" className="px-5 py-2">Serves</th>
                <th scope="col" className="px-5 py-2">Note</th>
                <th scope="col" className="px-5 py-2">Saved</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {agent.versions.map((v) => (
                <tr key={v.id}>
                  <td className="px-5 py-2 font-medium text-slate-900">v{v.version}</td>
                  <td className="space-x-1 px-5 py-2">
                    {v.environments.includes('staging') ? <Badge tone="amber">staging</Badge> : null}
                    {v.environments.includes('production') ? <Badge tone="green">production</Badge> : null}
                    {!v.environments.includes('production') && v.everInProduction ? <Badge>was in production</Badge> : null}
                  </td>
                  <td className="px-5 py-2 text-slate-600">{v.note ?? '—'}</td>
                  <td className="px-5 py-2 text-slate-500">
                    {formatDateTime(v.createdAt)} by {personName(v.createdBy)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Compare versions</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <div className="flex flex-wrap items-end gap-4">
            {(
              [
                ['from', from, setFrom, 'From'],
                ['to', to, setTo, 'To'],
              ] as const
            ).map(([key, value, setValue, label]) => (
              <div key={key} className="space-y-1.5">
                <Label htmlFor={`${id}-${key}`}>{label}</Label>
                <Select id={`${id}-${key}`} value={value} onChange={(e) => setValue(e.target.value)}>
                  {agent.versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      v{v.version}
                      {v.environments.length ? ` (${v.environments.join(', ')})` : ''}
                    </option>
                  ))}
                </Select>
              </div>
            ))}
          </div>
          <VersionDiff fromVersionId={from} toVersionId={to} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Where the environments pointed</CardTitle>
        </CardHeader>
        <CardBody>
          <ol className="space-y-2 text-sm" aria-label="Deployment history">
            {agent.deployments.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                <Badge tone={d.environment === 'production' ? 'green' : 'amber'}>{d.environment}</Badge>
                <span className="text-slate-900">
                  {KIND_LABEL[d.kind] ?? d.kind}: v{d.previousVersion ?? '–'} → v{d.version}
                </span>
                <span className="text-slate-500">
                  {formatDateTime(d.createdAt)} by {personName(d.actorId)}
                </span>
                {d.reason ? <span className="text-slate-600">— “{d.reason}”</span> : null}
              </li>
            ))}
          </ol>
        </CardBody>
      </Card>
    </div>
  );
}

export function VersionDiff({ fromVersionId, toVersionId }: { fromVersionId: string; toVersionId: string }) {
  const trpc = useTRPC();
  const diff = useQuery(trpc.agents.diff.queryOptions({ fromVersionId, toVersionId }));
  if (diff.isPending) return <Skeleton className="h-24 w-full" />;
  if (diff.isError) return <QueryError what="The comparison" error={diff.error} onRetry={() => void diff.refetch()} />;
  if (diff.data.changes.length === 0) return <p className="text-sm text-slate-500">v{diff.data.from.version} and v{diff.data.to.version} behave the same: no field differs.</p>;
  return (
    <div className="space-y-3" aria-label={`Changes from v${diff.data.from.version} to v${diff.data.to.version}`}>
      <p className="text-sm text-slate-600">
        {diff.data.changes.length} field{diff.data.changes.length === 1 ? '' : 's'} changed from v{diff.data.from.version} to v{diff.data.to.version}.
      </p>
      {diff.data.changes.map((change) => (
        <ChangeRow key={change.path} change={change} />
      ))}
    </div>
  );
}

function ChangeRow({ change }: { change: TConfigChange }) {
  return (
    <div className="rounded-md border border-slate-200">
      <p className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 font-mono text-xs font-medium text-slate-700">{change.path}</p>
      <div className="px-3 py-2 text-sm">
        {change.text ? (
          <pre className="overflow-x-auto whitespace-pre-wrap font-mono text-xs leading-5">
            {change.text.map((part, i) => (
              <span
                key={i}
                className={cn('block', part.kind === 'added' && 'bg-emerald-50 text-emerald-800', part.kind === 'removed' && 'bg-red-50 text-red-800 line-through decoration-red-300')}
              >
                <span aria-hidden="true">{part.kind === 'added' ? '+ ' : part.kind === 'removed' ? '− ' : '  '}</span>
                <span className="sr-only">{part.kind === 'added' ? 'Added: ' : part.kind === 'removed' ? 'Removed: ' : ''}</span>
                {part.text.replace(/\n$/, '')}
              </span>
            ))}
          </pre>
        ) : change.items ? (
          <ul className="space-y-0.5">
            {change.items.added.map((item, i) => (
              <li key={`a${i}`} className="text-emerald-800">+ {show(item)}</li>
            ))}
            {change.items.removed.map((item, i) => (
              <li key={`r${i}`} className="text-red-800">− {show(item)}</li>
            ))}
          </ul>
        ) : (
          <p className="font-mono text-xs">
            <span className="text-red-800">{show(change.before)}</span> <span aria-hidden="true">→</span>
            <span className="sr-only"> changed to </span> <span className="text-emerald-800">{show(change.after)}</span>
          </p>
        )}
      </div>
    </div>
  );
}
