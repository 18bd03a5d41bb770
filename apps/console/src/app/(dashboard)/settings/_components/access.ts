import 'server-only';
import { PERMISSIONS, type TPermission, type TRole } from '@vouch/auth';
import { activeViewer } from '~/server/auth';

export interface TSettingsAccess {
  userId: string;
  email: string;
  tenantName: string;
  tenantSlug: string;
  roles: TRole[];
  /** In the canonical order of PERMISSIONS, so lists built from it are stable. */
  permissions: TPermission[];
}

/**
 * Who is looking at settings, in the active workspace. Used only to hide controls the role
 * cannot use; every procedure checks its own permission on the server again. The layout and the
 * page both ask; activeViewer looks the session up once per request.
 */
export async function settingsAccess(): Promise<TSettingsAccess | null> {
  const { session, membership, permissions: held } = await activeViewer();
  if (!membership) return null;
  return {
    userId: session.user.id,
    email: session.user.email,
    tenantName: membership.tenantName,
    tenantSlug: membership.tenantSlug,
    roles: membership.roles,
    permissions: PERMISSIONS.filter((p) => held.has(p)),
  };
}
