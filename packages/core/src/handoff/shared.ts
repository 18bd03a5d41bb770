import type { TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import { AppError } from '../errors';

/** Handoff work is done by people: the acting user's id, or a refusal for keys and systems. */
export function requireUserId(actor: TActor): string {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in team member can work on handoffs.');
  return actor.userId;
}

/** The conversation's open handoff (pending or assigned), if any; RLS confines the lookup to the tenant. */
export function findOpenHandoff(tx: TenantTx, conversationId: string) {
  return tx.handoff.findFirst({ where: { conversationId, status: { in: ['pending', 'assigned'] } }, orderBy: { createdAt: 'desc' } });
}

/** Display names of tenant members by user id (members only: RLS hides everyone else). */
export async function memberNames(tx: TenantTx, userIds: (string | null | undefined)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await tx.membership.findMany({ where: { userId: { in: ids } }, select: { userId: true, user: { select: { name: true, email: true } } } });
  return new Map(rows.map((r) => [r.userId, r.user.name ?? r.user.email]));
}
