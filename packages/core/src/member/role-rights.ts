import type { TRole } from '@vouch/auth';
import type { TActor } from '../actor';
import { AppError } from '../errors';

/**
 * Who may hand out which roles. Owners may assign any role. Admins manage members but may not
 * create, change or remove owners, and may not change their own roles, so an admin cannot
 * grant themselves data access (transcripts, audit) that configuration access does not give.
 */
export function assertMayAssignRoles(
  actor: TActor,
  change: { targetUserId: string | null; targetCurrentRoles: readonly TRole[]; rolesTouched: readonly TRole[] },
): void {
  if (actor.type === 'system') return;
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'Only members can manage members.');
  if (actor.roles.includes('owner')) return;
  if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only owners and admins manage members.');
  if (change.targetUserId === actor.userId) {
    throw new AppError('FORBIDDEN', 'You cannot change your own roles; ask an owner.');
  }
  if (change.rolesTouched.includes('owner') || change.targetCurrentRoles.includes('owner')) {
    throw new AppError('FORBIDDEN', 'Only owners can grant, change or remove the owner role.');
  }
}
