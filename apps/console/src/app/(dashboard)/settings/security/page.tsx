import type { Metadata } from 'next';
import { settingsAccess } from '../_components/access';
import { SecurityPanel } from '../_components/security-panel';

export const metadata: Metadata = { title: 'Security · Settings' };

export default async function SettingsSecurityPage() {
  // The layout has already refused anyone without tenant.settings.read.
  const access = await settingsAccess();
  if (!access) return null;
  return (
    <SecurityPanel
      canUpdate={access.permissions.includes('tenant.settings.update')}
      canManageKeys={access.permissions.includes('apikeys.manage')}
      grantableScopes={access.permissions}
    />
  );
}
