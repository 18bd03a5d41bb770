import 'server-only';
import { PERMISSIONS, permissionsOf, type TPermission, type TRole } from '@vouch/auth';
import { cache } from 'react';
import { activeMembership, requireSession } from '~/server/auth';

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
 * cannot use; every procedure checks its own permission on the server again. Cached per request
 * (the layout and the page both ask).
 */
export const settingsAccess = cache(async (): Promise<TSettingsAccess | null> => {
  const session = await requireSession();
  const membership = await activeMembership(session);
  if (!membership) return null;
  const held = permissionsOf(membership.roles);
  return {
    userId: session.user.id,
    email: session.user.email,
    tenantName: membership.tenantName,
    tenantSlug: membership.tenantSlug,
    roles: membership.roles,
    permissions: PERMISSIONS.filter((p) => held.has(p)),
  };
});
