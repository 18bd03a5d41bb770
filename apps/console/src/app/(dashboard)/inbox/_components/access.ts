import 'server-only';
import { activeViewer } from '~/server/auth';

export interface TInboxAccess {
  userId: string;
  tenantName: string;
  canRead: boolean;
  canWork: boolean;
  canReveal: boolean;
  canReadTranscripts: boolean;
  canEditSettings: boolean;
}

/** Only hides controls the role cannot use; every inbox procedure checks its permission again. */
export async function inboxAccess(): Promise<TInboxAccess | null> {
  const { session, membership, permissions: held } = await activeViewer();
  if (!membership) return null;
  return {
    userId: session.user.id,
    tenantName: membership.tenantName,
    canRead: held.has('inbox.read'),
    canWork: held.has('handoff.work'),
    canReveal: held.has('pii.reveal'),
    canReadTranscripts: held.has('transcripts.read'),
    canEditSettings: held.has('tenant.settings.update'),
  };
}
