import 'server-only';
import { activeViewer } from '~/server/auth';

export interface TComplianceAccess {
  tenantName: string;
  canReadSettings: boolean;
  canUpdateSettings: boolean;
  canManagePrivacy: boolean;
}

/** Only used to hide what the role cannot use; every procedure checks its permission again. */
export async function complianceAccess(): Promise<TComplianceAccess | null> {
  const { membership, permissions: held } = await activeViewer();
  if (!membership) return null;
  return {
    tenantName: membership.tenantName,
    canReadSettings: held.has('tenant.settings.read'),
    canUpdateSettings: held.has('tenant.settings.update'),
    canManagePrivacy: held.has('privacy.manage'),
  };
}
