import { listUserMemberships } from '@vouch/auth';
import { withTenant } from '@vouch/db';
import type { TActor } from '../actor';
import { record } from '../audit';

/** Where an account action came from: the request's client address and browser. */
export interface TRequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** The signed-in user acting on their own account (no tenant selected). */
export interface TAccountContext extends TRequestOrigin {
  userId: string;
  email: string;
  /** The user_sessions row of the calling browser. */
  sessionId: string | null;
}

export type TAccountAction =
  | 'auth.sign-in'
  | 'auth.sign-in-failed'
  | 'auth.sign-in-spike'
  | 'auth.mfa-enrol'
  | 'auth.mfa-disable'
  | 'auth.recovery-code-used'
  | 'auth.recovery-codes-regenerate'
  | 'auth.session-revoke';

/**
 * Identity events belong to no single tenant: each tenant the user belongs to gets the event
 * in its own audit chain (and, for a spike, a security alert its admins can see). `self`
 * actions are the user's own; `system` ones (failed attempts) are the sign-in service's, with
 * the user as target, since nobody proved to be that user.
 */
export async function recordAccountEvent(
  userId: string,
  origin: TRequestOrigin,
  event: { action: TAccountAction; actor: 'self' | 'system'; data?: Record<string, unknown>; alert?: { kind: string; detail: Record<string, unknown> } },
): Promise<number> {
  const memberships = await listUserMemberships(userId);
  for (const membership of memberships) {
    const actor: TActor =
      event.actor === 'self'
        ? { type: 'user', userId, tenantId: membership.tenantId, roles: membership.roles, ip: origin.ip, userAgent: origin.userAgent }
        : { type: 'system', name: 'sign-in', ip: origin.ip, userAgent: origin.userAgent };
    await withTenant(membership.tenantId, async (tx) => {
      if (event.alert) {
        await tx.securityAlert.create({ data: { tenantId: membership.tenantId, kind: event.alert.kind, detail: event.alert.detail as object } });
      }
      await record(tx, membership.tenantId, actor, {
        action: event.action,
        targetType: 'user',
        targetId: userId,
        data: event.data ?? {},
      });
    });
  }
  return memberships.length;
}
