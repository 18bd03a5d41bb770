import type { Metadata } from 'next';
import { env } from '~/env';
import { getSession } from '~/server/auth';
import { settingsAccess } from '../_components/access';
import { SecurityPanel } from '../_components/security-panel';

export const metadata: Metadata = { title: 'Security · Settings' };

export default async function SettingsSecurityPage() {
  // The layout has already refused anyone without tenant.settings.read.
  const access = await settingsAccess();
  if (!access) return null;
  const session = await getSession();
  return (
    <SecurityPanel
      consoleUrl={env().NEXTAUTH_URL}
      tenantSlug={access.tenantSlug}
      signedInWithSso={session?.signIn?.method === 'sso'}
      canUpdate={access.permissions.includes('tenant.settings.update')}
      canManageKeys={access.permissions.includes('apikeys.manage')}
      grantableScopes={access.permissions}
    />
  );
}
