import type { Metadata } from 'next';
import { SectionPlaceholder } from '../_components/section-placeholder';

export const metadata: Metadata = { title: 'Conversations' };

export default function ConversationsPage() {
  return (
    <SectionPlaceholder
      title="Conversations"
      icon="conversations"
      permission="transcripts.read"
      summary="Transcripts of customer conversations, with personal data redacted unless your role may reveal it."
      emptyTitle="Transcripts are not built yet"
      emptyDescription="Conversations: read transcripts with each answer's citations — coming once the chat widget answers customers."
    />
  );
}
