import { EmptyState } from '@vouch/ui';
import type { Metadata } from 'next';
import { Icon } from '../../_components/icons';
import { settingsAccess } from '../_components/access';
import { MembersPanel } from '../_components/members-panel';

export const metadata: Metadata = { title: 'Members · Settings' };

export default async function SettingsMembersPage() {
  const access = await settingsAccess();
  if (!access) return null;
  if (!access.permissions.includes('members.read')) {
    return (
      <EmptyState
        icon={<Icon name="settings" className="size-6" />}
        title="You don't have access to members"
        description={`Your role in ${access.tenantName} does not include members.read. Ask a workspace owner if you need it.`}
      />
    );
  }
  return (
    <MembersPanel
      me={{ userId: access.userId, roles: access.roles }}
      canManage={access.permissions.includes('members.manage')}
      tenantName={access.tenantName}
    />
  );
}
