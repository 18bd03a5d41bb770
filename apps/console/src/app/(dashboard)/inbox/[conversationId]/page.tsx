import type { Metadata } from 'next';
import { inboxAccess } from '../_components/access';
import { ConversationView } from '../_components/conversation-view';
import { NoInboxAccess } from '../_components/no-access';

export const metadata: Metadata = { title: 'Conversation · Inbox' };

export default async function InboxConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const access = await inboxAccess();
  if (!access?.canRead) return <NoInboxAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  const { conversationId } = await params;
  return <ConversationView conversationId={conversationId} tenantName={access.tenantName} access={{ userId: access.userId, canWork: access.canWork, canReveal: access.canReveal }} />;
}
