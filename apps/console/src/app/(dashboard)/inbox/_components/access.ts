import 'server-only';
import { permissionsOf } from '@vouch/auth';
import { cache } from 'react';
import { activeMembership, requireSession } from '~/server/auth';

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
export const inboxAccess = cache(async (): Promise<TInboxAccess | null> => {
  const session = await requireSession();
  const membership = await activeMembership(session);
  if (!membership) return null;
  const held = permissionsOf(membership.roles);
  return {
    userId: session.user.id,
    tenantName: membership.tenantName,
    canRead: held.has('inbox.read'),
    canWork: held.has('handoff.work'),
    canReveal: held.has('pii.reveal'),
    canReadTranscripts: held.has('transcripts.read'),
    canEditSettings: held.has('tenant.settings.update'),
  };
});
