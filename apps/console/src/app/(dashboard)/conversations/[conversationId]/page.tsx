import type { Metadata } from 'next';
import { inboxAccess } from '../../inbox/_components/access';
import { ConversationDetail } from '../_components/conversation-detail';
import { NoTranscriptAccess } from '../_components/no-access';

export const metadata: Metadata = { title: 'Transcript · Conversations' };

export default async function ConversationTranscriptPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const access = await inboxAccess();
  if (!access?.canReadTranscripts) return <NoTranscriptAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  const { conversationId } = await params;
  return <ConversationDetail conversationId={conversationId} tenantName={access.tenantName} canReveal={access.canReveal} canOpenInbox={access.canRead} />;
}
