import { NoSectionAccess } from '../../_components/no-section-access';

export function NoKnowledgeAccess({ tenantName }: { tenantName: string }) {
  return <NoSectionAccess tenantName={tenantName} title="Knowledge" icon="knowledge" permission="knowledge.read" />;
}
