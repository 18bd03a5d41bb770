'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardHeader, CardTitle, cn, EmptyState, Skeleton } from '@vouch/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { errorMessage } from '../../settings/_components/errors';
import { QueryError } from '../../settings/_components/query-error';
import type { THandoffItem } from './api-types';
import { formatWaiting, INBOX_POLL_MS, reasonOf, slaTone, VIEWS, type TInboxView } from './labels';

const EMPTY: Record<TInboxView, { title: string; description: string }> = {
  new: { title: 'No one is waiting', description: 'New handoffs appear here within seconds, without reloading, when a customer needs a person.' },
  mine: { title: 'Nothing assigned to you', description: 'Claim a conversation from New to take it over; it stays here until you resolve it.' },
  open: { title: 'No open handoffs', description: 'Every handed-off conversation is resolved.' },
  resolved: { title: 'Nothing resolved yet', description: 'Conversations you and your team resolve are listed here, newest first.' },
};

const TH = 'px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase whitespace-nowrap';
const TD = 'px-4 py-3 align-top text-sm';

export function InboxList({ view, canWork }: { view: TInboxView; canWork: boolean }) {
  const trpc = useTRPC();
  // Live by polling (SSE push is a follow-up); paused by the browser while the tab is hidden.
  const list = useQuery({ ...trpc.inbox.list.queryOptions({ view }), refetchInterval: INBOX_POLL_MS });
  const items = list.data?.items ?? [];

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <CardTitle>Handoffs</CardTitle>
          <p className="mt-0.5 text-sm text-slate-500">Oldest first. Waiting turns amber after 2 minutes and red after 5.</p>
        </div>
        <span className="inline-flex items-center gap-1.5 text-xs text-slate-500" aria-live="off">
          <span className="size-2 rounded-full bg-emerald-500" aria-hidden /> Live, refreshed every {INBOX_POLL_MS / 1000} s
        </span>
      </CardHeader>
      <nav aria-label="Inbox views" className="border-b border-slate-200 px-4">
        <ul className="-mb-px flex gap-5 overflow-x-auto">
          {VIEWS.map((v) => {
            const current = v.id === view;
            return (
              <li key={v.id}>
                <Link
                  href={v.href}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'inline-flex items-center gap-2 border-b-2 px-1 pt-3 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors',
                    'focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
                    current ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                  )}
                >
                  {v.label}
                  {current && v.id !== 'resolved' && items.length ? <span className="rounded-full bg-amber-100 px-1.5 text-xs text-amber-800 tabular-nums">{items.length}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {list.isPending ? (
        <div role="status" aria-label="Loading handoffs" className="space-y-3 px-4 py-4">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-6 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <div className="px-4 py-4">
          <QueryError what="The inbox" error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <EmptyState className="m-4" icon={<Icon name="inbox" className="size-6" />} title={EMPTY[view].title} description={EMPTY[view].description} />
      ) : (
        <HandoffTable items={items} view={view} canWork={canWork} />
      )}
    </Card>
  );
}

function HandoffTable({ items, view, canWork }: { items: THandoffItem[]; view: TInboxView; canWork: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Handoffs: {VIEWS.find((v) => v.id === view)?.label}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>
              Conversation
            </th>
            <th scope="col" className={TH}>
              Reason
            </th>
            <th scope="col" className={TH}>
              Waiting
            </th>
            <th scope="col" className={TH}>
              Assignee
            </th>
            <th scope="col" className={TH}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {items.map((item) => (
            <HandoffRow key={item.id} item={item} canWork={canWork} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HandoffRow({ item, canWork }: { item: THandoffItem; canWork: boolean }) {
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
  const waiting = item.status === 'pending';
  return (
    <tr data-testid="handoff-row" data-handoff-id={item.id} data-conversation-id={item.conversationId}>
      <td className={`${TD} max-w-md`}>
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
      </td>
      <td className={TD}>
        <Badge tone={reason.tone}>{reason.label}</Badge>
      </td>
      <td className={TD}>
        <Badge tone={slaTone(item.waitingSeconds, waiting)} title={waiting ? 'Still waiting for a person' : 'Waited until a person claimed it'}>
          <span className="tabular-nums">{formatWaiting(item.waitingSeconds)}</span>
          {waiting ? null : <span className="ml-1 text-slate-500">until claimed</span>}
        </Badge>
      </td>
      <td className={`${TD} text-slate-600`}>{item.assignee?.name ?? <span className="text-slate-400">Unassigned</span>}</td>
      <td className={`${TD} text-right whitespace-nowrap`}>
        {canWork && item.status === 'pending' ? (
          <Button size="sm" onClick={() => claim.mutate({ handoffId: item.id })} disabled={claim.isPending}>
            {claim.isPending ? 'Claiming…' : 'Claim'}
          </Button>
        ) : (
          <Link href={`/inbox/${item.conversationId}`} className="text-sm font-medium text-indigo-700 hover:underline">
            Open
          </Link>
        )}
      </td>
    </tr>
  );
}
