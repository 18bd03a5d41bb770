import { NoSectionAccess } from '../../_components/no-section-access';

export function NoTranscriptAccess({ tenantName }: { tenantName: string }) {
  return <NoSectionAccess tenantName={tenantName} title="Conversations" icon="conversations" permission="transcripts.read" />;
}
