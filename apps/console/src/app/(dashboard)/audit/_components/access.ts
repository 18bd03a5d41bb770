import 'server-only';
import { activeViewer } from '~/server/auth';

export interface TAuditAccess {
  tenantName: string;
  canRead: boolean;
  canExport: boolean;
  /** Audit targets inside a conversation link to its transcript only for those who may read it. */
  canReadTranscripts: boolean;
}

/** Only used to hide what the role cannot use; every procedure checks its permission again. */
export async function auditAccess(): Promise<TAuditAccess | null> {
  const { membership, permissions: held } = await activeViewer();
  if (!membership) return null;
  return { tenantName: membership.tenantName, canRead: held.has('audit.read'), canExport: held.has('audit.export'), canReadTranscripts: held.has('transcripts.read') };
}
