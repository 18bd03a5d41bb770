import type { Metadata } from 'next';
import { SectionPlaceholder } from '../_components/section-placeholder';

export const metadata: Metadata = { title: 'Knowledge' };

export default function KnowledgePage() {
  return (
    <SectionPlaceholder
      title="Knowledge"
      icon="knowledge"
      permission="knowledge.read"
      summary="The sources your agents may cite. Nothing is used in an answer until a reviewer approves it."
      emptyTitle="Knowledge review is not built yet"
      emptyDescription="Knowledge: import documents and pages, review and approve them — coming with knowledge ingestion. Only approved sources are ever cited."
    />
  );
}
