import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '../_components/page-header';
import { inboxAccess } from './_components/access';
import { InboxList } from './_components/inbox-list';
import { VIEWS } from './_components/labels';
import { NoInboxAccess } from './_components/no-access';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ view?: string | string[] }> }) {
  const access = await inboxAccess();
  if (!access?.canRead) return <NoInboxAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  const requested = (await searchParams).view;
  const view = VIEWS.find((v) => v.id === requested)?.id ?? 'new';
  return (
    <>
      <PageHeader
        eyebrow={access.tenantName}
        title="Inbox"
        description="Conversations the assistant handed to a person: the customer asked for one, the topic always goes to a person, or no approved source backed an answer."
      />
      <p className="mb-4 text-sm">
        <Link href="/inbox/settings" className="font-medium text-indigo-700 hover:underline">
          Canned responses and SLA
        </Link>
      </p>
      <InboxList view={view} canWork={access.canWork} />
    </>
  );
}
