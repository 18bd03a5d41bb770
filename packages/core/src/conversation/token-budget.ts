/** The Redis commands the budget needs (ioredis satisfies it). */
export interface TBudgetRedis {
  mget(...keys: string[]): Promise<(string | null)[]>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface TTokenBudget {
  perConversation: number;
  perDay: number;
}

export interface TBudgetState {
  conversationUsed: number;
  dayUsed: number;
  /** Which budget is used up, if any (the conversation's is checked first). */
  exceeded: 'conversation' | 'day' | null;
}

const CONVERSATION_TTL_S = 30 * 24 * 3600;
const DAY_TTL_S = 48 * 3600;

function keys(tenantId: string, agentId: string, conversationId: string, now: Date): [string, string] {
  const day = now.toISOString().slice(0, 10);
  return [`vouch:budget:${tenantId}:conversation:${conversationId}`, `vouch:budget:${tenantId}:agent:${agentId}:day:${day}`];
}

/**
 * Model tokens used so far by this conversation and by the agent today (UTC), against the
 * agent config's `tokenBudget`. Checked before a model is asked, so a conversation at its limit
 * gets an honest "limit reached" reply instead of another model call.
 */
export async function readTokenBudget(
  redis: TBudgetRedis,
  subject: { tenantId: string; agentId: string; conversationId: string },
  budget: TTokenBudget,
  now: Date = new Date(),
): Promise<TBudgetState> {
  const [conversationUsed, dayUsed] = (await redis.mget(...keys(subject.tenantId, subject.agentId, subject.conversationId, now))).map((v) => Number(v ?? 0));
  const exceeded = conversationUsed! >= budget.perConversation ? 'conversation' : dayUsed! >= budget.perDay ? 'day' : null;
  return { conversationUsed: conversationUsed!, dayUsed: dayUsed!, exceeded };
}

// Both counters in one round trip; each keeps its own expiry.
const CHARGE = `
local c = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
local d = redis.call('INCRBY', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return { c, d }
`;

/** Adds the tokens one answer used to the conversation's and the agent's daily counters. */
export async function chargeTokenBudget(
  redis: TBudgetRedis,
  subject: { tenantId: string; agentId: string; conversationId: string },
  tokens: number,
  now: Date = new Date(),
): Promise<void> {
  if (tokens <= 0) return;
  await redis.eval(CHARGE, 2, ...keys(subject.tenantId, subject.agentId, subject.conversationId, now), Math.round(tokens), CONVERSATION_TTL_S, DAY_TTL_S);
}
