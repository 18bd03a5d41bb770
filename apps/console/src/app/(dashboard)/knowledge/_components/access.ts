import 'server-only';
import { PERMISSIONS, type TPermission } from '@vouch/auth';
import { activeViewer } from '~/server/auth';

export interface TKnowledgeAccess {
  userId: string;
  tenantName: string;
  permissions: TPermission[];
  canRead: boolean;
  canEdit: boolean;
  canApprove: boolean;
  /** Changing the embedder or language (re-embedding) is a tenant setting: tenant.settings.update. */
  canManageIndex: boolean;
}

/**
 * Who is looking at knowledge, in the active workspace. Only used to hide controls the role
 * cannot use; every procedure checks its own permission again on the server.
 */
export async function knowledgeAccess(): Promise<TKnowledgeAccess | null> {
  const { session, membership, permissions: held } = await activeViewer();
  if (!membership) return null;
  return {
    userId: session.user.id,
    tenantName: membership.tenantName,
    permissions: PERMISSIONS.filter((p) => held.has(p)),
    canRead: held.has('knowledge.read'),
    canEdit: held.has('knowledge.edit'),
    canApprove: held.has('knowledge.approve'),
    canManageIndex: held.has('tenant.settings.update'),
  };
}

/** What the client components need to know about the viewer. */
export interface TViewer {
  userId: string;
  canEdit: boolean;
  canApprove: boolean;
  /** members.read lets the page show names instead of "another member". */
  canReadMembers: boolean;
  canManageIndex: boolean;
}

export function viewerOf(access: TKnowledgeAccess): TViewer {
  return {
    userId: access.userId,
    canEdit: access.canEdit,
    canApprove: access.canApprove,
    canReadMembers: access.permissions.includes('members.read'),
    canManageIndex: access.canManageIndex,
  };
}
