'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, EmptyState, SkeletonRows } from '@vouch/ui';
import Link from 'next/link';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { QueryError } from '../../settings/_components/query-error';
import { PROMOTION_BADGE } from './status';

export function AgentList() {
  const trpc = useTRPC();
  const agents = useQuery(trpc.agents.list.queryOptions());
  if (agents.isPending) {
    return (
      <SkeletonRows label="Loading agents" rows={2} rowClassName="h-20" />
    );
  }
  if (agents.isError) return <QueryError what="Agents" error={agents.error} onRetry={() => void agents.refetch()} />;
  if (agents.data.length === 0) {
    return <EmptyState icon={<Icon name="agents" className="size-6" />} title="No agents yet" description="Every workspace starts with a support agent; this one has none. Create one with the CLI (vouch tenant create) or ask an operator." />;
  }
  return (
    <Card>
      <ul className="divide-y divide-slate-200" aria-label="Agents">
        {agents.data.map((agent) => (
          <li key={agent.id}>
            <Link
              href={`/agents/${agent.id}`}
              className="flex flex-wrap items-center justify-between gap-4 px-5 py-4 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
            >
              <div>
                <p className="font-medium text-slate-900">{agent.name}</p>
                <p className="text-sm text-slate-500">
                  {agent.slug} · {agent.versionCount} version{agent.versionCount === 1 ? '' : 's'}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone="amber">Staging v{agent.staging?.version ?? '–'}</Badge>
                <Badge tone="green">Production v{agent.production?.version ?? '–'}</Badge>
                {agent.openPromotion ? (
                  <Badge tone={PROMOTION_BADGE[agent.openPromotion.status]?.tone ?? 'neutral'}>
                    v{agent.openPromotion.version}: {PROMOTION_BADGE[agent.openPromotion.status]?.label ?? agent.openPromotion.status}
                  </Badge>
                ) : null}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
