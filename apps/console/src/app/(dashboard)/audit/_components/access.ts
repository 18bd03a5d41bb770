import 'server-only';
import { permissionsOf } from '@vouch/auth';
import { cache } from 'react';
import { activeMembership, requireSession } from '~/server/auth';

export interface TAuditAccess {
  tenantName: string;
  canRead: boolean;
  canExport: boolean;
  /** Audit targets inside a conversation link to its transcript only for those who may read it. */
  canReadTranscripts: boolean;
}

/** Only used to hide what the role cannot use; every procedure checks its permission again. */
export const auditAccess = cache(async (): Promise<TAuditAccess | null> => {
  const session = await requireSession();
  const membership = await activeMembership(session);
  if (!membership) return null;
  const held = permissionsOf(membership.roles);
  return { tenantName: membership.tenantName, canRead: held.has('audit.read'), canExport: held.has('audit.export'), canReadTranscripts: held.has('transcripts.read') };
});
