'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardHeader, CardTitle, cn, DataTable, EmptyState, SkeletonRows, Td } from '@vouch/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { ViewTabs } from '../../_components/view-tabs';
import { errorMessage } from '../../settings/_components/errors';
import { QueryError } from '../../settings/_components/query-error';
import type { THandoffItem } from './api-types';
import { DEFAULT_SLA, formatWaiting, INBOX_POLL_MS, reasonOf, slaTone, VIEWS, type TInboxView, type TSlaThresholds } from './labels';
import { refetchIntervalFor, useInboxLive, type TLiveStatus } from './live';
import { AgentControls } from './agent-controls';

const EMPTY: Record<TInboxView, { title: string; description: string }> = {
  new: { title: 'No one is waiting', description: 'New handoffs appear here within a second, without reloading, when a customer needs a person.' },
  mine: { title: 'Nothing assigned to you', description: 'Claim a conversation from New to take it over; it stays here until you resolve it.' },
  open: { title: 'No open handoffs', description: 'Every handed-off conversation is resolved.' },
  resolved: { title: 'Nothing resolved yet', description: 'Conversations you and your team resolve are listed here, newest first.' },
};

/** Seconds, ticking: waiting clocks run in the browser between (rare) refetches. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function LiveIndicator({ live }: { live: TLiveStatus }) {
  const label = live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : `Reconnecting; refreshing every ${INBOX_POLL_MS / 1000} s`;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-500" data-testid="live-status" data-status={live}>
      <span className={cn('size-2 rounded-full', live === 'live' ? 'bg-emerald-500' : live === 'connecting' ? 'bg-slate-300' : 'bg-amber-500')} aria-hidden />
      {label}
    </span>
  );
}

export function InboxList({ view, canWork }: { view: TInboxView; canWork: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = useInboxLive((event) => {
    if (event.kind === 'presence.changed') return;
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.counts.queryKey() });
  });
  const interval = refetchIntervalFor(live, INBOX_POLL_MS);
  const list = useQuery({ ...trpc.inbox.list.queryOptions({ view }), refetchInterval: interval });
  const counts = useQuery({ ...trpc.inbox.counts.queryOptions(), refetchInterval: interval });
  const items = list.data?.items ?? [];
  const sla = list.data?.sla ?? DEFAULT_SLA;
  // The server's clock minus ours, so waiting times tick from the server's "now".
  const skewMs = list.data ? list.data.serverTime.getTime() - list.dataUpdatedAt : 0;
  const badge: Partial<Record<TInboxView, number>> = { new: counts.data?.new, mine: counts.data?.mine, open: counts.data?.open };

  return (
    <div className="space-y-4">
      {canWork ? <AgentControls /> : null}
      <Card>
        <CardHeader className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <CardTitle>Handoffs</CardTitle>
            <p className="mt-0.5 text-sm text-slate-500">
              Oldest first. Waiting for a first reply turns amber after {formatWaiting(sla.slaWarnSeconds)} and red after {formatWaiting(sla.slaBreachSeconds)}.
            </p>
          </div>
          <LiveIndicator live={live} />
        </CardHeader>
        <ViewTabs
          label="Inbox views"
          tabs={VIEWS.map((v) => ({
            ...v,
            current: v.id === view,
            badge: badge[v.id] ? (
              <span className="rounded-full bg-amber-100 px-1.5 text-xs text-amber-800 tabular-nums" data-testid={`count-${v.id}`}>
                {badge[v.id]}
              </span>
            ) : null,
          }))}
        />
        {list.isPending ? (
          <SkeletonRows label="Loading handoffs" className="px-4 py-4" rowClassName="h-6" />
        ) : list.isError ? (
          <div className="px-4 py-4">
            <QueryError what="The inbox" error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <EmptyState className="m-4" icon={<Icon name="inbox" className="size-6" />} title={EMPTY[view].title} description={EMPTY[view].description} />
        ) : (
          <HandoffTable items={items} view={view} canWork={canWork} sla={sla} skewMs={skewMs} />
        )}
      </Card>
    </div>
  );
}

function HandoffTable({ items, view, canWork, sla, skewMs }: { items: THandoffItem[]; view: TInboxView; canWork: boolean; sla: TSlaThresholds; skewMs: number }) {
  const now = useNow(1000) + skewMs;
  return (
    <DataTable
      caption={<>Handoffs: {VIEWS.find((v) => v.id === view)?.label}</>}
      columns={['Conversation', 'Reason', 'Waiting', 'Assignee', { label: 'Actions', srOnly: true }]}
    >
      {items.map((item) => (
        <HandoffRow key={item.id} item={item} canWork={canWork} sla={sla} now={now} />
      ))}
    </DataTable>
  );
}

function HandoffRow({ item, canWork, sla, now }: { item: THandoffItem; canWork: boolean; sla: TSlaThresholds; now: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const claim = useMutation(
    trpc.inbox.claim.mutationOptions({
      onSuccess: (claimed) => {
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
        router.push(`/inbox/${claimed.conversationId}`);
      },
      onError: (e) => {
        setError(errorMessage(e));
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
      },
    }),
  );
  const reason = reasonOf(item.reason);
  const seconds = item.waiting ? Math.max(item.waitingSeconds, Math.round((now - new Date(item.createdAt).getTime()) / 1000)) : item.waitingSeconds;
  const tone = slaTone(seconds, item.waiting, sla);
  return (
    <tr data-testid="handoff-row" data-handoff-id={item.id} data-conversation-id={item.conversationId}>
      <Td className="max-w-md">
        <Link
          href={`/inbox/${item.conversationId}`}
          className="font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {item.preview ?? 'No customer message'}
        </Link>
        <p className="font-mono text-xs text-slate-400">{item.conversationId.slice(0, 8)}</p>
        {error ? (
          <Alert tone="error" className="mt-2">
            {error}
          </Alert>
        ) : null}
      </Td>
      <Td>
        <Badge tone={reason.tone}>{reason.label}</Badge>
      </Td>
      <Td>
        <Badge tone={tone} data-testid="sla" data-tone={tone} title={item.waiting ? 'Still waiting for a person\u2019s first reply' : 'Waited until a person first replied'}>
          <span className="tabular-nums">{formatWaiting(seconds)}</span>
          {item.waiting ? null : <span className="ml-1 text-slate-500">{item.firstReplyAt ? 'to first reply' : 'in total'}</span>}
        </Badge>
      </Td>
      <Td className="text-slate-600">{item.assignee?.name ?? <span className="text-slate-400">Unassigned</span>}</Td>
      <Td className="text-right whitespace-nowrap">
        {canWork && item.status === 'pending' ? (
          <Button size="sm" onClick={() => claim.mutate({ handoffId: item.id })} disabled={claim.isPending}>
            {claim.isPending ? 'Claiming…' : 'Claim'}
          </Button>
        ) : (
          <Link href={`/inbox/${item.conversationId}`} className="text-sm font-medium text-indigo-700 hover:underline">
            Open
          </Link>
        )}
      </Td>
    </tr>
  );
}
