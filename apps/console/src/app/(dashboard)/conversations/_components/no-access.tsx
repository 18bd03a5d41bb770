import { EmptyState } from '@vouch/ui';
import { Icon } from '../../_components/icons';
import { PageHeader } from '../../_components/page-header';

/** Mirrors the sidebar: a typed URL does not show a section the role cannot use. */
export function NoTranscriptAccess({ tenantName }: { tenantName: string }) {
  return (
    <>
      <PageHeader eyebrow={tenantName} title="Conversations" />
      <EmptyState
        icon={<Icon name="conversations" className="size-6" />}
        title="You don't have access to this section"
        description={`Your role in ${tenantName} does not include transcripts.read. Ask a workspace owner if you need it.`}
      />
    </>
  );
}
