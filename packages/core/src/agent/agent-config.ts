import { z } from 'zod';

/**
 * One immutable version of an agent's behaviour. Stored versions are never rewritten, so fields
 * added later are optional with a default: an old version parses to the behaviour it had.
 */
export const ZAgentConfig = z.object({
  persona: z.string().max(8000),
  tone: z.enum(['friendly', 'neutral', 'formal']),
  greeting: z.string().max(500),
  knowledgeSourceIds: z.array(z.uuid()),
  /** Minimum evidence strength (0..1) to answer instead of handing off. */
  groundingThreshold: z.number().min(0).max(1),
  /** Share of the question's topic words the best passage must contain (near-miss guard). */
  minQuestionCoverage: z.number().min(0).max(1).default(0.6),
  /** Support (0..1) each answer sentence needs from the chunk it cites, or it is dropped. */
  minSupportScore: z.number().min(0).max(1).default(0.5),
  alwaysHumanTopics: z.array(z.string().min(1).max(100)),
  provider: z.object({
    kind: z.enum(['offline', 'openai', 'ollama']),
    model: z.string().max(200).nullable(),
    /** OpenAI-compatible or Ollama endpoint; only hosts the platform allows (see @vouch/rag). */
    baseURL: z.url({ protocol: /^https?$/ }).max(500).nullish(),
  }),
  tokenBudget: z.object({ perConversation: z.int().positive(), perDay: z.int().positive() }),
  /** Conversation memory: the last N customer/assistant messages (redacted) go to the model. */
  maxHistoryTurns: z.int().min(0).max(20).default(6),
  maxAnswerSentences: z.int().min(1).max(8).default(3),
  /** Hosts answers may link to (subdomains included); none by default. */
  allowedLinkDomains: z.array(z.string().min(1).max(253)).max(50).default([]),
});
export type TAgentConfig = z.infer<typeof ZAgentConfig>;
/** What callers may pass: fields with defaults can be left out. */
export type TAgentConfigInput = z.input<typeof ZAgentConfig>;

export function defaultAgentConfig(companyName: string): TAgentConfig {
  return {
    persona: `You are the support assistant of ${companyName}. Answer only from approved sources and cite them.`,
    tone: 'friendly',
    greeting: `Hi! I'm ${companyName}'s assistant. Every answer I give cites an approved source.`,
    knowledgeSourceIds: [],
    groundingThreshold: 0.35,
    minQuestionCoverage: 0.6,
    minSupportScore: 0.5,
    alwaysHumanTopics: ['refunds', 'legal', 'account changes'],
    provider: { kind: 'offline', model: null },
    tokenBudget: { perConversation: 8000, perDay: 500_000 },
    maxHistoryTurns: 6,
    maxAnswerSentences: 3,
    allowedLinkDomains: [],
  };
}
