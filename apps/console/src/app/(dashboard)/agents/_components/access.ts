import 'server-only';
import { permissionsOf } from '@vouch/auth';
import { cache } from 'react';
import { activeMembership, requireSession } from '~/server/auth';

/** What the agents pages may show the viewer; every procedure checks its own permission again. */
export interface TAgentViewer {
  userId: string;
  canRead: boolean;
  canEdit: boolean;
  canRequest: boolean;
  canDeploy: boolean;
  /** Only owners may override a failed evaluation gate. */
  isOwner: boolean;
  canReadMembers: boolean;
}

export const agentAccess = cache(async (): Promise<{ tenantName: string; viewer: TAgentViewer } | null> => {
  const session = await requireSession();
  const membership = await activeMembership(session);
  if (!membership) return null;
  const held = permissionsOf(membership.roles);
  return {
    tenantName: membership.tenantName,
    viewer: {
      userId: session.user.id,
      canRead: held.has('agent.read'),
      canEdit: held.has('agent.edit_staging'),
      canRequest: held.has('agent.promote_request'),
      canDeploy: held.has('agent.deploy'),
      isOwner: membership.roles.includes('owner'),
      canReadMembers: held.has('members.read'),
    },
  };
});
