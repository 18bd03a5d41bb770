import { NoSectionAccess } from '../../_components/no-section-access';

export function NoAuditAccess({ tenantName }: { tenantName: string }) {
  return <NoSectionAccess tenantName={tenantName} title="Audit" icon="audit" permission="audit.read" />;
}
