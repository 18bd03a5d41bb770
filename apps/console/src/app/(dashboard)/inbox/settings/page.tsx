import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '../../_components/page-header';
import { inboxAccess } from '../_components/access';
import { InboxSettingsPanel } from '../_components/inbox-settings-panel';
import { NoInboxAccess } from '../_components/no-access';

export const metadata: Metadata = { title: 'Canned responses and SLA · Inbox' };

export default async function InboxSettingsPage() {
  const access = await inboxAccess();
  if (!access?.canRead) return <NoInboxAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  return (
    <>
      <PageHeader eyebrow={access.tenantName} title="Canned responses and SLA" description="Replies your team reuses, and when a customer's wait turns amber and red." />
      <p className="mb-4 text-sm">
        <Link href="/inbox" className="font-medium text-indigo-700 hover:underline">
          ← Back to the inbox
        </Link>
      </p>
      <InboxSettingsPanel canWork={access.canWork} canEditSettings={access.canEditSettings} />
    </>
  );
}
