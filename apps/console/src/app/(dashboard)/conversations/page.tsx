import type { Metadata } from 'next';
import { PageHeader } from '../_components/page-header';
import { inboxAccess } from '../inbox/_components/access';
import { ConversationList } from './_components/conversation-list';
import { NoTranscriptAccess } from './_components/no-access';

export const metadata: Metadata = { title: 'Conversations' };

export default async function ConversationsPage() {
  const access = await inboxAccess();
  if (!access?.canReadTranscripts) return <NoTranscriptAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  return (
    <>
      <PageHeader
        eyebrow={access.tenantName}
        title="Conversations"
        description="Every conversation, answered by the AI alone or handed to a person. Read-only: review what the AI said, which sources it used and what the guards decided."
      />
      <ConversationList />
    </>
  );
}
