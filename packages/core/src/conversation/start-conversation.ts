import { withTenant } from '@vouch/db';
import { z } from 'zod';
import { verifyVisitorIdentity, ZVisitorIdentity } from '../widget/identity-secret';
import { resolveAgentDeployment, ZAgentTarget } from './resolve-agent-deployment';
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
  return withTenant(tenantId, async (tx) => {
    const deployment = await resolveAgentDeployment(tx, input.target, { bucketKey: visitorKeyOf(tenantId, input.visitor.id) });
    const verified = input.identity ? await verifyVisitorIdentity(tx, tenantId, input.identity) : null;
    const conversation = await tx.conversation.create({
      data: {
        tenantId,
        agentId: deployment.agentId,
        environment: deployment.environment,
        configVersionId: deployment.configVersionId,
        visitorKey: visitorKeyOf(tenantId, input.visitor.id),
        identityVerified: verified !== null,
        externalUserId: verified?.externalUserId ?? null,
      },
    });
    const agent = await tx.agent.findUniqueOrThrow({ where: { id: deployment.agentId }, select: { name: true } });
    return { conversationId: conversation.id, greeting: deployment.config.greeting, agentName: agent.name, themeColor: deployment.config.themeColor, identityVerified: verified !== null };
  });
}
