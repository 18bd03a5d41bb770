import { z } from 'zod';

/** One immutable version of an agent's behaviour. Later issues extend it field by field. */
export const ZAgentConfig = z.object({
  persona: z.string().max(8000),
  tone: z.enum(['friendly', 'neutral', 'formal']),
  greeting: z.string().max(500),
  knowledgeSourceIds: z.array(z.uuid()),
  groundingThreshold: z.number().min(0).max(1),
  alwaysHumanTopics: z.array(z.string().min(1).max(100)),
  provider: z.object({
    kind: z.enum(['offline', 'openai', 'ollama']),
    model: z.string().max(200).nullable(),
  }),
  tokenBudget: z.object({ perConversation: z.int().positive(), perDay: z.int().positive() }),
});
export type TAgentConfig = z.infer<typeof ZAgentConfig>;

export function defaultAgentConfig(companyName: string): TAgentConfig {
  return {
    persona: `You are the support assistant of ${companyName}. Answer only from approved sources and cite them.`,
    tone: 'friendly',
    greeting: `Hi! I'm ${companyName}'s assistant. Every answer I give cites an approved source.`,
    knowledgeSourceIds: [],
    groundingThreshold: 0.35,
    alwaysHumanTopics: ['refunds', 'legal', 'account changes'],
    provider: { kind: 'offline', model: null },
    tokenBudget: { perConversation: 8000, perDay: 500_000 },
  };
}
