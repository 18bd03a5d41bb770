import 'server-only';
import { activeViewer } from '~/server/auth';

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

export async function agentAccess(): Promise<{ tenantName: string; viewer: TAgentViewer } | null> {
  const { session, membership, permissions: held } = await activeViewer();
  if (!membership) return null;
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
}
