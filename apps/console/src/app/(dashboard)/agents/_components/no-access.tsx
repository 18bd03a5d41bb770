import { NoSectionAccess } from '../../_components/no-section-access';

export function NoAgentAccess({ tenantName }: { tenantName: string }) {
  return <NoSectionAccess tenantName={tenantName} title="Agents" icon="agents" permission="agent.read" />;
}
