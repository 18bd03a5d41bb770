import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { TRedisLike } from './redis-like';

/**
 * Between the password step and the second factor, the browser holds only an opaque challenge
 * token (never the password again). The token lives 5 minutes in Redis, allows 5 code attempts
 * and is deleted when used.
 */
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;
export const MFA_CHALLENGE_MAX_ATTEMPTS = 5;

const ZChallenge = z.object({ userId: z.uuid(), email: z.string(), attempts: z.number().int() });
export type TMfaChallenge = z.infer<typeof ZChallenge>;

// Counts one attempt and returns the challenge, or nil when absent or out of attempts (then
// it is deleted). KEEPTTL keeps the original 5-minute deadline.
const ATTEMPT_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local challenge = cjson.decode(raw)
challenge.attempts = challenge.attempts + 1
if challenge.attempts > tonumber(ARGV[1]) then redis.call('DEL', KEYS[1]) return nil end
local encoded = cjson.encode(challenge)
redis.call('SET', KEYS[1], encoded, 'KEEPTTL')
return encoded
`;

export interface TChallengeStore<T extends { attempts: number }> {
  create(redis: TRedisLike, value: Omit<T, 'attempts'>): Promise<string>;
  /** Spends one attempt; null when the token is unknown, expired or used up. */
  attempt(redis: TRedisLike, token: string): Promise<T | null>;
  delete(redis: TRedisLike, token: string): Promise<void>;
}

/**
 * One-time challenges of one kind, kept apart from every other kind by `namespace` (an SSO
 * challenge can never finish a password sign-in). The same 5-minute life and attempt budget.
 */
export function createChallengeStore<T extends { attempts: number }>(namespace: string, schema: z.ZodType<T>): TChallengeStore<T> {
  // Only the hash of the token is a key: reading Redis does not yield usable tokens.
  const keyOf = (token: string): string => `vouch:auth:${namespace}:${createHash('sha256').update(token).digest('hex')}`;
  return {
    async create(redis, value) {
      const token = randomBytes(32).toString('base64url');
      await redis.eval(`redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1`, 1, keyOf(token), JSON.stringify({ ...value, attempts: 0 }), MFA_CHALLENGE_TTL_SECONDS);
      return token;
    },
    async attempt(redis, token) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const raw = await redis.eval(ATTEMPT_SCRIPT, 1, keyOf(token), MFA_CHALLENGE_MAX_ATTEMPTS);
      if (typeof raw !== 'string') return null;
      const parsed = schema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },
    async delete(redis, token) {
      await redis.del(keyOf(token));
    },
  };
}

const mfaChallenges = createChallengeStore('mfa-challenge', ZChallenge);

export async function createMfaChallenge(redis: TRedisLike, input: { userId: string; email: string }): Promise<string> {
  return mfaChallenges.create(redis, { userId: input.userId, email: input.email });
}

/** Spends one attempt of a challenge; null when it is unknown, expired or used up. */
export async function attemptMfaChallenge(redis: TRedisLike, token: string): Promise<TMfaChallenge | null> {
  return mfaChallenges.attempt(redis, token);
}

export async function deleteMfaChallenge(redis: TRedisLike, token: string): Promise<void> {
  await mfaChallenges.delete(redis, token);
}

function totpStepKey(userId: string): string {
  return `vouch:auth:totp-step:${userId}`;
}

/** The last TOTP time step this user has used (null: none within the replay window). */
export async function lastUsedTotpStep(redis: TRedisLike, userId: string): Promise<number | null> {
  const raw = await redis.get(totpStepKey(userId));
  return raw === null ? null : Number(raw);
}

// Compare-and-set: only a step later than the stored one is claimed, so two concurrent requests
// with the same code cannot both succeed. The key outlives the ±1 step acceptance window.
const CLAIM_SCRIPT = `
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) <= last then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1
`;

/** Claims a TOTP time step for a user; false when it (or a later one) was already used. */
export async function claimTotpStep(redis: TRedisLike, userId: string, timeStep: number): Promise<boolean> {
  return (await redis.eval(CLAIM_SCRIPT, 1, totpStepKey(userId), timeStep, 10 * 60)) === 1;
}
