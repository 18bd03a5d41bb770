import type { Metadata } from 'next';
import { SectionPlaceholder } from '../_components/section-placeholder';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <SectionPlaceholder
      title="Settings"
      icon="settings"
      permission="tenant.settings.read"
      summary="Workspace name, members and roles, API keys and integrations."
      emptyTitle="Workspace settings are not built yet"
      emptyDescription="Settings: manage members, roles, API keys and allowed widget origins — coming with workspace administration."
    />
  );
}
