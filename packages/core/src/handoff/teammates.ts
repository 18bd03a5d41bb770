import { hasPermission, isRole } from '@vouch/auth';
import type { TenantTx } from '@vouch/db';
import { listOnlineUserIds } from './presence';

export interface TTeammate {
  userId: string;
  name: string;
  online: boolean;
}

/** Members who may work handoffs (the only ones a handoff can be assigned to), online first. */
export async function listTeammates(tx: TenantTx, tenantId: string): Promise<TTeammate[]> {
  const online = new Set(await listOnlineUserIds(tenantId));
  const members = await tx.membership.findMany({ select: { userId: true, roles: true, user: { select: { name: true, email: true } } } });
  return members
    .filter((m) => hasPermission(m.roles.filter(isRole), 'handoff.work'))
    .map((m) => ({ userId: m.userId, name: m.user.name ?? m.user.email, online: online.has(m.userId) }))
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
}
