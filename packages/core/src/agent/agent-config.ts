import { z } from 'zod';

export const ZEscalationRules = z.object({
  /** Hand off when the customer asks for a person ("can I talk to someone"). */
  onCustomerRequest: z.boolean().default(true),
  /** Hand off after this many failed answers to the same question. */
  afterFailedAnswers: z.int().min(1).max(5).default(2),
});
export type TEscalationRules = z.infer<typeof ZEscalationRules>;
const DEFAULT_ESCALATION: TEscalationRules = { onCustomerRequest: true, afterFailedAnswers: 2 };

/** One action the agent may take, e.g. `orders.lookup` (read) or `orders.cancel` (write). */
export const ZToolPermission = z.object({
  action: z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$/, 'Tool actions look like orders.lookup').max(100),
  access: z.enum(['read', 'write']),
  /** A person must approve each call before it runs. */
  requiresHumanApproval: z.boolean().default(true),
});
export type TToolPermission = z.infer<typeof ZToolPermission>;

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
  /** The chat widget's accent colour (#rrggbb); text on it is chosen for contrast. */
  themeColor: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#4f46e5'),
  /** When the agent hands a conversation to a person, beyond always-human topics (injection attempts always do). */
  escalation: ZEscalationRules.default(DEFAULT_ESCALATION),
  /** Actions the agent may take (none are executed without being listed here). */
  tools: z
    .array(ZToolPermission)
    .max(50)
    .default([])
    .refine((tools) => new Set(tools.map((t) => t.action)).size === tools.length, 'Each tool action may be listed once.'),
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
    themeColor: '#4f46e5',
    escalation: { ...DEFAULT_ESCALATION },
    tools: [],
  };
}
