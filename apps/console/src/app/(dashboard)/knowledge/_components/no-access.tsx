import { EmptyState } from '@vouch/ui';
import { Icon } from '../../_components/icons';
import { PageHeader } from '../../_components/page-header';

/** Mirrors the sidebar: a typed URL does not show a section the role cannot use. */
export function NoKnowledgeAccess({ tenantName }: { tenantName: string }) {
  return (
    <>
      <PageHeader eyebrow={tenantName} title="Knowledge" />
      <EmptyState
        icon={<Icon name="knowledge" className="size-6" />}
        title="You don't have access to this section"
        description={`Your role in ${tenantName} does not include knowledge.read. Ask a workspace owner if you need it.`}
      />
    </>
  );
}
