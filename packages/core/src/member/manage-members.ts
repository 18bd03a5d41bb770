import { ROLES, type TRole } from '@vouch/auth';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { assertMayAssignRoles } from './role-rights';

export const ZRoles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
export const ZUpdateMemberRolesInput = z.object({ userId: z.uuid(), roles: ZRoles });

export interface TMemberSummary {
  userId: string;
  email: string;
  name: string | null;
  roles: TRole[];
  mfaEnabled: boolean;
  joinedAt: Date;
}

export async function listMembers(tx: TenantTx): Promise<TMemberSummary[]> {
  const rows = await tx.membership.findMany({
    include: { user: { select: { email: true, name: true, mfaEnabledAt: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    roles: m.roles as TRole[],
    mfaEnabled: m.user.mfaEnabledAt !== null,
    joinedAt: m.createdAt,
  }));
}

async function countOwners(tx: TenantTx): Promise<number> {
  return tx.membership.count({ where: { roles: { has: 'owner' } } });
}

async function findMembership(tx: TenantTx, userId: string) {
  const membership = await tx.membership.findFirst({ where: { userId } });
  if (!membership) throw new AppError('NOT_FOUND', 'No such member in this workspace.');
  return membership;
}

export async function updateMemberRoles(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZUpdateMemberRolesInput>,
): Promise<TMemberSummary> {
  const input = ZUpdateMemberRolesInput.parse(rawInput);
  const membership = await findMembership(tx, input.userId);
  const before = membership.roles as TRole[];
  const added = input.roles.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !input.roles.includes(r));
  assertMayAssignRoles(actor, { targetUserId: input.userId, targetCurrentRoles: before, rolesTouched: [...added, ...removed] });
  if (removed.includes('owner') && (await countOwners(tx)) <= 1) {
    throw new AppError('CONFLICT', 'A workspace needs at least one owner.');
  }
  await tx.membership.update({ where: { id: membership.id }, data: { roles: [...new Set(input.roles)], updatedAt: new Date() } });
  await record(tx, tenantId, actor, {
    action: 'member.roles-change',
    targetType: 'user',
    targetId: input.userId,
    data: { before, after: input.roles },
  });
  const updated = (await listMembers(tx)).find((m) => m.userId === input.userId);
  if (!updated) throw new AppError('NOT_FOUND', 'No such member in this workspace.');
  return updated;
}

export async function removeMember(tx: TenantTx, tenantId: string, actor: TActor, userId: string): Promise<void> {
  const membership = await findMembership(tx, userId);
  const roles = membership.roles as TRole[];
  assertMayAssignRoles(actor, { targetUserId: userId, targetCurrentRoles: roles, rolesTouched: roles });
  if (roles.includes('owner') && (await countOwners(tx)) <= 1) {
    throw new AppError('CONFLICT', 'A workspace needs at least one owner.');
  }
  await tx.membership.delete({ where: { id: membership.id } });
  await record(tx, tenantId, actor, {
    action: 'member.remove',
    targetType: 'user',
    targetId: userId,
    data: { before: roles, after: [] },
  });
}
