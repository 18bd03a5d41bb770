import 'server-only';
import { permissionsOf } from '@vouch/auth';
import { cache } from 'react';
import { activeMembership, requireSession } from '~/server/auth';

export interface TComplianceAccess {
  tenantName: string;
  canReadSettings: boolean;
  canUpdateSettings: boolean;
  canManagePrivacy: boolean;
}

/** Only used to hide what the role cannot use; every procedure checks its permission again. */
export const complianceAccess = cache(async (): Promise<TComplianceAccess | null> => {
  const session = await requireSession();
  const membership = await activeMembership(session);
  if (!membership) return null;
  const held = permissionsOf(membership.roles);
  return {
    tenantName: membership.tenantName,
    canReadSettings: held.has('tenant.settings.read'),
    canUpdateSettings: held.has('tenant.settings.update'),
    canManagePrivacy: held.has('privacy.manage'),
  };
});
