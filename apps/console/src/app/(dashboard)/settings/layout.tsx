import type { ReactNode } from 'react';
import { NoSectionAccess } from '../_components/no-section-access';
import { PageHeader } from '../_components/page-header';
import { settingsAccess } from './_components/access';
import { SettingsTabs, type TSettingsTab } from './_components/settings-tabs';

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const access = await settingsAccess();
  const tenantName = access?.tenantName ?? 'No workspace';
  // Mirrors the sidebar: a typed URL does not show a section the role cannot use.
  if (!access?.permissions.includes('tenant.settings.read')) {
    return <NoSectionAccess tenantName={tenantName} title="Settings" icon="settings" permission="tenant.settings.read" />;
  }
  const tabs: TSettingsTab[] = [
    { href: '/settings', label: 'Overview' },
    ...(access.permissions.includes('members.read') ? [{ href: '/settings/members', label: 'Members' }] : []),
    { href: '/settings/security', label: 'Security' },
  ];
  return (
    <>
      <PageHeader eyebrow={tenantName} title="Settings" description="Who can use this workspace, how they sign in, and the keys machines use." />
      <SettingsTabs tabs={tabs} />
      {children}
    </>
  );
}
