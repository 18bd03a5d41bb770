'use client';

import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { Badge, buttonClasses, cn, CopyField, EmptyState, Skeleton } from '@vouch/ui';
import Link from 'next/link';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { PageHeader } from '../../_components/page-header';
import { QueryError } from '../../settings/_components/query-error';
import type { TAgentViewer } from './access';
import { ConfigTab } from './config-tab';
import { EvaluationsTab } from './evaluations-tab';
import { PlaygroundTab } from './playground-tab';
import { PromotionTab } from './promotion-tab';
import { AGENT_TABS, type TAgentTab } from './tabs';
import { VersionsTab } from './versions-tab';


function isMissing(error: unknown): boolean {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
}

export function AgentDetail({ agentId, tab, viewer, tenantName }: { agentId: string; tab: TAgentTab; viewer: TAgentViewer; tenantName: string }) {
  const trpc = useTRPC();
  const agent = useQuery({ ...trpc.agents.get.queryOptions({ agentId }), retry: (count, error) => !isMissing(error) && count < 2 });
  const back = (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href="/agents" className="font-medium text-indigo-700 hover:underline">
        ← Agents
      </Link>
    </nav>
  );
  if (agent.isPending) {
    return (
      <>
        {back}
        <div role="status" aria-label="Loading agent" className="space-y-4">
          <Skeleton className="h-9 w-72" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      </>
    );
  }
  if (agent.isError) {
    return (
      <>
        {back}
        <PageHeader eyebrow={tenantName} title="Agent" />
        {isMissing(agent.error) ? (
          <EmptyState
            icon={<Icon name="agents" className="size-6" />}
            title="No such agent"
            description="It may have been removed, or the link belongs to another workspace."
            action={
              <Link href="/agents" className={buttonClasses('secondary')}>
                Back to agents
              </Link>
            }
          />
        ) : (
          <QueryError what="This agent" error={agent.error} onRetry={() => void agent.refetch()} />
        )}
      </>
    );
  }
  const data = agent.data;
  const staging = data.environments.find((e) => e.environment === 'staging');
  const production = data.environments.find((e) => e.environment === 'production');
  return (
    <>
      {back}
      <PageHeader
        eyebrow={tenantName}
        title={data.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="amber">Staging serves v{staging?.version ?? '–'}</Badge>
            <Badge tone="green">Production serves v{production?.version ?? '–'}</Badge>
            <span>
              {data.versions.length} version{data.versions.length === 1 ? '' : 's'}
            </span>
          </span>
        }
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-2">
        {staging ? <CopyField label="Staging widget key (test sites)" value={staging.widgetKey} /> : null}
        {production ? <CopyField label="Production widget key" value={production.widgetKey} /> : null}
      </div>
      <nav aria-label="Agent sections" className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {AGENT_TABS.map((t) => (
            <li key={t.id}>
              <Link
                href={`/agents/${agentId}?tab=${t.id}`}
                aria-current={t.id === tab ? 'page' : undefined}
                scroll={false}
                className={cn(
                  'inline-block rounded-t-md border-b-2 px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600',
                  t.id === tab ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'configuration' ? <ConfigTab agent={data} viewer={viewer} /> : null}
      {tab === 'versions' ? <VersionsTab agent={data} viewer={viewer} /> : null}
      {tab === 'playground' ? <PlaygroundTab agent={data} viewer={viewer} /> : null}
      {tab === 'evaluations' ? <EvaluationsTab agent={data} viewer={viewer} /> : null}
      {tab === 'promotion' ? <PromotionTab agent={data} viewer={viewer} /> : null}
    </>
  );
}
