import type { TenantTx } from '@vouch/db';

export interface TTenantOverview {
  tenant: { id: string; slug: string; name: string };
  counts: { agents: number; knowledgeSources: number; conversations: number; openHandoffs: number; members: number };
}

/** The dashboard's numbers; every count is confined to the tenant by RLS. */
export async function getTenantOverview(tx: TenantTx, tenantId: string): Promise<TTenantOverview> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, slug: true, name: true } });
  const [agents, knowledgeSources, conversations, openHandoffs, members] = await Promise.all([
    tx.agent.count(),
    tx.knowledgeSource.count(),
    tx.conversation.count(),
    tx.handoff.count({ where: { status: { in: ['pending', 'assigned'] } } }),
    tx.membership.count(),
  ]);
  return { tenant, counts: { agents, knowledgeSources, conversations, openHandoffs, members } };
}
