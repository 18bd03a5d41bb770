import type { TenantTx } from '@vouch/db';
import type { TRole } from '@vouch/auth';
import type { TActor } from '../actor';
import { record } from '../audit';
import { ensureUser, type TEnsuredUser } from './ensure-user';

export interface TAddedMember {
  user: TEnsuredUser;
  membershipId: string;
  roles: TRole[];
}

/** Adds a user (created if new) to a tenant, or adds roles to an existing membership. */
export async function addMember(
  systemTx: TenantTx,
  tenantId: string,
  actor: TActor,
  input: { email: string; roles: TRole[]; name?: string | null; password?: string | null },
): Promise<TAddedMember> {
  const user = await ensureUser(systemTx, input);
  const existing = await systemTx.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId: user.id } },
  });
  const roles = [...new Set([...(existing?.roles ?? []), ...input.roles])] as TRole[];
  const membership = await systemTx.membership.upsert({
    where: { tenantId_userId: { tenantId, userId: user.id } },
    create: { tenantId, userId: user.id, roles },
    update: { roles, updatedAt: new Date() },
  });
  await record(systemTx, tenantId, actor, {
    action: existing ? 'member.roles-change' : 'member.add',
    targetType: 'user',
    targetId: user.id,
    data: { before: existing?.roles ?? [], after: roles },
  });
  return { user, membershipId: membership.id, roles };
}
