'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Badge, Button, Card, CardHeader, CardTitle, DataTable, EmptyState, Input, Label, Td } from '@vouch/ui';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TAuditEvent, TAuditFilters } from './api-types';
import { auditTargetHref } from './target-link';
import { TableSkeleton } from '../../_components/table-skeleton';

const PAGE = 50;

interface TDraft {
  from: string;
  to: string;
  actorId: string;
  action: string;
  targetId: string;
}
const EMPTY_DRAFT: TDraft = { from: '', to: '', actorId: '', action: '', targetId: '' };

/** datetime-local values are local wall-clock times; the API takes instants. */
function toFilters(draft: TDraft): TAuditFilters {
  const trimmed = (value: string) => value.trim() || undefined;
  return {
    from: draft.from ? new Date(draft.from) : undefined,
    to: draft.to ? new Date(draft.to) : undefined,
    actorId: trimmed(draft.actorId),
    action: trimmed(draft.action),
    targetId: trimmed(draft.targetId),
  };
}

export function AuditLog({ canReadTranscripts }: { canReadTranscripts: boolean }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<TDraft>(EMPTY_DRAFT);
  const [filters, setFilters] = useState<TAuditFilters>({});
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...filters, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const field = (name: keyof TDraft) => ({
    id: `audit-filter-${name}`,
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(toFilters(draft));
  };
  const reset = () => {
    setDraft(EMPTY_DRAFT);
    setFilters({});
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Events</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Newest first. Filters match exactly; times are in your local time zone.</p>
      </CardHeader>
      <form role="search" aria-label="Filter audit events" onSubmit={apply} className="grid gap-3 border-b border-slate-200 px-4 py-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <Label htmlFor="audit-filter-from">From</Label>
          <Input type="datetime-local" className="mt-1" {...field('from')} />
        </div>
        <div>
          <Label htmlFor="audit-filter-to">To</Label>
          <Input type="datetime-local" className="mt-1" {...field('to')} />
        </div>
        <div>
          <Label htmlFor="audit-filter-actorId">Actor</Label>
          <Input className="mt-1" placeholder="user id or system:cli" autoComplete="off" {...field('actorId')} />
        </div>
        <div>
          <Label htmlFor="audit-filter-action">Action</Label>
          <Input className="mt-1" placeholder="e.g. member.add" autoComplete="off" list="audit-actions" {...field('action')} />
          <datalist id="audit-actions">
            {[...new Set(rows.map((e) => e.action))].sort().map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <div>
          <Label htmlFor="audit-filter-targetId">Target</Label>
          <Input className="mt-1" placeholder="target id" autoComplete="off" {...field('targetId')} />
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit" className="flex-1 sm:flex-none">
            Apply filters
          </Button>
          {filtered ? (
            <Button variant="ghost" onClick={reset}>
              Clear
            </Button>
          ) : null}
        </div>
      </form>
      {events.isPending ? (
        <TableSkeleton label="Loading audit events" />
      ) : events.isError ? (
        <div className="px-4 py-4">
          <QueryError what="Audit events" error={events.error} onRetry={() => void events.refetch()} />
        </div>
      ) : rows.length === 0 ? (
        <EmptyState
          className="m-4"
          icon={<Icon name="audit" className="size-6" />}
          title={filtered ? 'No events match these filters' : 'No audit events yet'}
          description={filtered ? 'Widen the time range or clear a filter.' : 'Sensitive actions in this workspace are recorded here as they happen.'}
        />
      ) : (
        <>
          <EventsTable events={rows} canReadTranscripts={canReadTranscripts} />
          <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-500">
            <span aria-live="polite">
              {rows.length.toLocaleString('en')} event{rows.length === 1 ? '' : 's'} shown
            </span>
            {events.hasNextPage ? (
              <Button variant="secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            ) : (
              <span>End of the log</span>
            )}
          </div>
        </>
      )}
    </Card>
  );
}

function EventsTable({ events, canReadTranscripts }: { events: TAuditEvent[]; canReadTranscripts: boolean }) {
  return (
    <DataTable caption="Audit events, newest first" inset="sm" columns={[{ label: '#', align: 'right' }, 'Time', 'Actor', 'Action', 'Target', 'Details']}>
      {events.map((event) => (
        <EventRow key={event.id} event={event} canReadTranscripts={canReadTranscripts} />
      ))}
    </DataTable>
  );
}

function EventRow({ event, canReadTranscripts }: { event: TAuditEvent; canReadTranscripts: boolean }) {
  const href = auditTargetHref(event, canReadTranscripts);
  return (
    <tr>
      <Td className="text-right text-slate-500 tabular-nums">{event.seq}</Td>
      <Td className="whitespace-nowrap text-slate-700">
        <time dateTime={new Date(event.occurredAt).toISOString()}>{formatDateTime(new Date(event.occurredAt))}</time>
      </Td>
      <Td>
        <Badge tone={event.actorType === 'user' ? 'indigo' : 'neutral'}>{event.actorType}</Badge>
        {event.actorId ? <p className="mt-1 max-w-40 truncate font-mono text-xs text-slate-600" title={event.actorId}>{event.actorId}</p> : null}
      </Td>
      <Td className="font-mono text-xs text-slate-900">{event.action}</Td>
      <Td>
        {event.targetType || event.targetId ? (
          <>
            <span className="text-slate-700">{event.targetType ?? '—'}</span>
            {event.targetId && href ? (
              <p className="mt-1 max-w-40 truncate font-mono text-xs">
                <Link
                  href={href}
                  title={`Open ${event.targetType ?? 'target'} ${event.targetId} in Conversations`}
                  className="text-indigo-700 underline decoration-dotted hover:text-indigo-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  data-testid="audit-target-link"
                >
                  {event.targetId}
                </Link>
              </p>
            ) : event.targetId ? (
              <p className="mt-1 max-w-40 truncate font-mono text-xs text-slate-600" title={event.targetId}>
                {event.targetId}
              </p>
            ) : null}
          </>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </Td>
      <Td>
        <details>
          <summary className="cursor-pointer text-indigo-700 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
            Show<span className="sr-only"> details of event {event.seq}</span>
          </summary>
          <dl className="mt-2 space-y-1 text-xs text-slate-600">
            {event.ip ? (
              <div>
                <dt className="inline font-medium">IP </dt>
                <dd className="inline font-mono">{event.ip}</dd>
              </div>
            ) : null}
            {event.userAgent ? (
              <div>
                <dt className="inline font-medium">User agent </dt>
                <dd className="inline break-all">{event.userAgent}</dd>
              </div>
            ) : null}
            <div>
              <dt className="font-medium">Data</dt>
              <dd>
                <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-50 p-2 font-mono">{JSON.stringify(event.data, null, 2)}</pre>
              </dd>
            </div>
            <div>
              <dt className="inline font-medium">Hash </dt>
              <dd className="inline font-mono break-all">{event.hash}</dd>
            </div>
          </dl>
        </details>
      </Td>
    </tr>
  );
}
