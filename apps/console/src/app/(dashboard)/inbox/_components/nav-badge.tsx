'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '~/trpc/react';
import { refetchIntervalFor, useInboxLive } from './live';
import { notifyAgent } from './notifications';

/**
 * The Inbox entry's unread count in the sidebar (handoffs waiting in New plus those assigned to
 * me), kept live by the inbox feed on every console page, and the notifications for new work.
 */
export function InboxNavBadge() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = useInboxLive((event) => {
    if (event.kind === 'presence.changed') return;
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.counts.queryKey() });
    if (event.kind === 'handoff.created') notifyAgent('A customer is waiting for a person', 'A new handoff arrived in the inbox.');
  });
  const counts = useQuery({ ...trpc.inbox.counts.queryOptions(), refetchInterval: refetchIntervalFor(live, 5000) });
  const mine = counts.data?.mine;
  const previousMine = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (mine !== undefined && previousMine.current !== undefined && mine > previousMine.current) {
      notifyAgent('A conversation was assigned to you', 'Open the inbox to reply.', '/inbox?view=mine');
    }
    previousMine.current = mine;
  }, [mine]);
  const unread = (counts.data?.new ?? 0) + (mine ?? 0);
  if (!unread) return null;
  return (
    <span className="ml-auto rounded-full bg-amber-400 px-2 py-0.5 text-xs font-semibold text-slate-900 tabular-nums" data-testid="inbox-unread" aria-label={`${unread} waiting or assigned to you`}>
      {unread > 99 ? '99+' : unread}
    </span>
  );
}
