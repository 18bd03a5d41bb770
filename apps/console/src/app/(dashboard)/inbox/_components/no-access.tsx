import { NoSectionAccess } from '../../_components/no-section-access';

export function NoInboxAccess({ tenantName }: { tenantName: string }) {
  return <NoSectionAccess tenantName={tenantName} title="Inbox" icon="inbox" permission="inbox.read" />;
}
