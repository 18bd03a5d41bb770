import { Prisma, withTenantSql } from '@vouch/db';
import { z } from 'zod';
import { verifyVisitorIdentity, ZVisitorIdentity } from '../widget/identity-secret';
import { resolveAgentDeployment, ZAgentTarget } from './resolve-agent-deployment';
import { rawRows } from '../tenant-db';
import { visitorKeyOf } from './visitor-key';

export const ZStartConversationInput = z.object({
  target: ZAgentTarget,
  visitor: z.object({ id: z.string().min(8).max(200) }),
  /** A signed user id from the host page; a bad signature refuses the start (never a silent downgrade). */
  identity: ZVisitorIdentity.nullish(),
});

/**
 * Opens a conversation for a visitor with the agent's current config version; returns its
 * greeting, the agent's name and theme colour, and whether the visitor's identity was verified
 * (unverified visitors are anonymous).
 */
export async function startConversation(
  tenantId: string,
  rawInput: z.input<typeof ZStartConversationInput>,
): Promise<{ conversationId: string; greeting: string; agentName: string; themeColor: string; identityVerified: boolean }> {
  const input = ZStartConversationInput.parse(rawInput);
  // On the thin pg path (same role, tenant setting and RLS as withTenant): a chat opens with this
  // call, so it shares the answer path's budget (docs/performance.md).
  return withTenantSql(tenantId, async (tx) => {
    const deployment = await resolveAgentDeployment(tx, input.target, { bucketKey: visitorKeyOf(tenantId, input.visitor.id) });
    const verified = input.identity ? await verifyVisitorIdentity(tx, tenantId, input.identity) : null;
    const [created] = await rawRows<{ id: string; agent_name: string }>(
      tx,
      Prisma.sql`
        INSERT INTO conversations (tenant_id, agent_id, environment, config_version_id, visitor_key, identity_verified, external_user_id)
        VALUES (${tenantId}::uuid, ${deployment.agentId}::uuid, ${deployment.environment}::agent_environment, ${deployment.configVersionId}::uuid,
                ${visitorKeyOf(tenantId, input.visitor.id)}, ${verified !== null}, ${verified?.externalUserId ?? null})
        RETURNING id, (SELECT name FROM agents WHERE id = ${deployment.agentId}::uuid) AS agent_name`,
    );
    return {
      conversationId: created!.id,
      greeting: deployment.config.greeting,
      agentName: created!.agent_name,
      themeColor: deployment.config.themeColor,
      identityVerified: verified !== null,
    };
  });
}
