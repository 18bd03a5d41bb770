import type { Metadata } from 'next';
import { SectionPlaceholder } from '../_components/section-placeholder';

export const metadata: Metadata = { title: 'Inbox' };

export default function InboxPage() {
  return (
    <SectionPlaceholder
      title="Inbox"
      icon="inbox"
      permission="inbox.read"
      summary="Conversations handed over to a person, waiting for your team."
      emptyTitle="The handoff inbox is not built yet"
      emptyDescription="Inbox: pick up handoffs when a customer asks for a human or the assistant cannot answer from an approved source — coming with human handoff."
    />
  );
}
