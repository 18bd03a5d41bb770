'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, CardHeader, CardTitle, DataTable, EmptyState, Input, Label, Select, SkeletonRows, Td } from '@vouch/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import { CustomerIdentity } from '../../inbox/_components/customer-identity';
import { reasonOf } from '../../inbox/_components/labels';

const OUTCOME: Record<string, { label: string; tone: 'green' | 'amber' | 'indigo' | 'neutral' }> = {
  open: { label: 'Open', tone: 'green' },
  handed_off: { label: 'With a person', tone: 'amber' },
  resolved: { label: 'Resolved', tone: 'indigo' },
  closed: { label: 'Closed', tone: 'neutral' },
};

interface TFilters {
  agentId: string;
  assigneeUserId: string;
  outcome: string;
  escalated: string;
  injectionFlagged: string;
  from: string;
  to: string;
}
const NO_FILTERS: TFilters = { agentId: '', assigneeUserId: '', outcome: '', escalated: '', injectionFlagged: '', from: '', to: '' };

const bool = (v: string) => (v === 'yes' ? true : v === 'no' ? false : null);

export function ConversationList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<TFilters>(NO_FILTERS);
  const options = useQuery(trpc.conversations.filters.queryOptions());
  const input = {
    agentId: filters.agentId || null,
    assigneeUserId: filters.assigneeUserId || null,
    outcome: (filters.outcome || null) as 'open' | 'handed_off' | 'resolved' | 'closed' | null,
    escalated: bool(filters.escalated),
    injectionFlagged: bool(filters.injectionFlagged),
    from: filters.from ? new Date(`${filters.from}T00:00:00`) : null,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`) : null,
    limit: 25,
  };
  const list = useInfiniteQuery(trpc.conversations.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof TFilters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <Card>
      <CardHeader>
        <CardTitle>All conversations</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Newest first. Texts are as stored: personal data was redacted before saving.</p>
      </CardHeader>
      <form className="grid gap-3 border-b border-slate-200 px-4 py-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <Label htmlFor="f-agent">AI agent</Label>
          <Select id="f-agent" value={filters.agentId} onChange={set('agentId')}>
            <option value="">Any</option>
            {options.data?.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-person">Handled by</Label>
          <Select id="f-person" value={filters.assigneeUserId} onChange={set('assigneeUserId')}>
            <option value="">Anyone</option>
            {options.data?.people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-outcome">Outcome</Label>
          <Select id="f-outcome" value={filters.outcome} onChange={set('outcome')}>
            <option value="">Any</option>
            {Object.entries(OUTCOME).map(([value, o]) => (
              <option key={value} value={value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-escalated">Escalated</Label>
          <Select id="f-escalated" value={filters.escalated} onChange={set('escalated')}>
            <option value="">Either</option>
            <option value="yes">Handed to a person</option>
            <option value="no">AI only</option>
          </Select>
        </div>
        <div>
          <Label htmlFor="f-injection">Injection</Label>
          <Select id="f-injection" value={filters.injectionFlagged} onChange={set('injectionFlagged')}>
            <option value="">Either</option>
            <option value="yes">Flagged</option>
            <option value="no">Not flagged</option>
          </Select>
        </div>
        <div>
          <Label htmlFor="f-from">From</Label>
          <Input id="f-from" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div>
          <Label htmlFor="f-to">To</Label>
          <Input id="f-to" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <div className="flex items-end">
          <Button type="button" variant="secondary" onClick={() => setFilters(NO_FILTERS)} disabled={!filtered}>
            Clear filters
          </Button>
        </div>
      </form>
      {list.isPending ? (
        <SkeletonRows label="Loading conversations" className="px-4 py-4" rowClassName="h-6" />
      ) : list.isError ? (
        <div className="px-4 py-4">
          <QueryError what="The conversations" error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          className="m-4"
          icon={<Icon name="conversations" className="size-6" />}
          title={filtered ? 'No conversation matches these filters' : 'No conversations yet'}
          description={filtered ? 'Widen the dates or clear a filter.' : 'Conversations appear here as soon as customers write in the chat.'}
        />
      ) : (
        <>
          <DataTable caption="Conversations" columns={['Conversation', 'Agent', 'Outcome', 'Handled by', 'Started']}>
            {items.map((c) => {
              const outcome = OUTCOME[c.status] ?? { label: c.status, tone: 'neutral' as const };
              return (
                <tr key={c.id} data-testid="conversation-row" data-conversation-id={c.id}>
                  <Td className="max-w-md">
                    <Link href={`/conversations/${c.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                      {c.preview ?? 'No customer message'}
                    </Link>
                    <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-400">
                      <CustomerIdentity customer={c.customer} />
                      <span>
                        {c.messageCount} message{c.messageCount === 1 ? '' : 's'}
                      </span>
                    </p>
                  </Td>
                  <Td className="text-slate-600">
                    {c.agentName} <span className="text-slate-400">({c.environment})</span>
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      <Badge tone={outcome.tone}>{outcome.label}</Badge>
                      {c.handoffReason ? <Badge tone={reasonOf(c.handoffReason).tone}>{reasonOf(c.handoffReason).label}</Badge> : <Badge tone="neutral">AI only</Badge>}
                      {c.injectionFlagged ? <Badge tone="red">Injection flagged</Badge> : null}
                    </div>
                  </Td>
                  <Td className="text-slate-600">{c.assignee?.name ?? <span className="text-slate-400">—</span>}</Td>
                  <Td className="whitespace-nowrap text-slate-600 tabular-nums">{formatDateTime(c.createdAt)}</Td>
                </tr>
              );
            })}
          </DataTable>
          {list.hasNextPage ? (
            <div className="border-t border-slate-200 px-4 py-3">
              <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
