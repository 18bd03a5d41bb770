'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import type { TAgentViewer } from './access';

/** Names for user ids (requesters, approvers); without members.read: "you" or "another member". */
export function usePersonName(viewer: TAgentViewer): (userId: string | null) => string {
  const trpc = useTRPC();
  const members = useQuery({ ...trpc.members.list.queryOptions(), enabled: viewer.canReadMembers, staleTime: 60_000 });
  return (userId) => {
    if (!userId) return 'the system';
    if (userId.startsWith('system:')) return 'the system';
    if (userId === viewer.userId) return 'you';
    const member = members.data?.find((m) => m.userId === userId);
    return member ? (member.name ?? member.email) : 'another member';
  };
}
