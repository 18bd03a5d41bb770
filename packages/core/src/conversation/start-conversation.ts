import { withTenant } from '@vouch/db';
import { z } from 'zod';
import { resolveAgentDeployment, ZAgentTarget } from './resolve-agent-deployment';
import { visitorKeyOf } from './visitor-key';

export const ZStartConversationInput = z.object({
  target: ZAgentTarget,
  visitor: z.object({ id: z.string().min(8).max(200) }),
});

/** Opens a conversation for a visitor with the agent's current config version; returns its greeting, the agent's name and theme colour. */
export async function startConversation(tenantId: string, rawInput: z.input<typeof ZStartConversationInput>): Promise<{ conversationId: string; greeting: string; agentName: string; themeColor: string }> {
  const input = ZStartConversationInput.parse(rawInput);
  return withTenant(tenantId, async (tx) => {
    const deployment = await resolveAgentDeployment(tx, input.target, { bucketKey: visitorKeyOf(tenantId, input.visitor.id) });
    const conversation = await tx.conversation.create({
      data: {
        tenantId,
        agentId: deployment.agentId,
        environment: deployment.environment,
        configVersionId: deployment.configVersionId,
        visitorKey: visitorKeyOf(tenantId, input.visitor.id),
      },
    });
    const agent = await tx.agent.findUniqueOrThrow({ where: { id: deployment.agentId }, select: { name: true } });
    return { conversationId: conversation.id, greeting: deployment.config.greeting, agentName: agent.name, themeColor: deployment.config.themeColor };
  });
}
