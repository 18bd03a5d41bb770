'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import type { TViewer } from './access';

/**
 * Names for the user ids on versions. The knowledge API returns ids only, and the member list
 * needs members.read, so people without it see "you" or "another member".
 */
export function usePersonName(viewer: TViewer): (userId: string | null) => string {
  const trpc = useTRPC();
  const members = useQuery({ ...trpc.members.list.queryOptions(), enabled: viewer.canReadMembers, staleTime: 60_000 });
  return (userId) => {
    if (!userId) return 'the system';
    if (userId === viewer.userId) return 'you';
    const member = members.data?.find((m) => m.userId === userId);
    return member ? (member.name ?? member.email) : 'another member';
  };
}
