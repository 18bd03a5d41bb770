import type { Metadata } from 'next';
import { SectionPlaceholder } from '../_components/section-placeholder';

export const metadata: Metadata = { title: 'Audit' };

export default function AuditPage() {
  return (
    <SectionPlaceholder
      title="Audit"
      icon="audit"
      permission="audit.read"
      summary="A tamper-evident, hash-chained record of every sensitive action in this workspace."
      emptyTitle="The audit log viewer is not built yet"
      emptyDescription="Audit: browse, verify and export the hash-chained audit log — coming with the compliance pages. Until then, verify the chain with the vouch CLI."
    />
  );
}
