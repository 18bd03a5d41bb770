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

function challengeKey(token: string): string {
  // Only the hash of the token is a key: reading Redis does not yield usable tokens.
  return `vouch:auth:mfa-challenge:${createHash('sha256').update(token).digest('hex')}`;
}

export async function createMfaChallenge(redis: TRedisLike, input: { userId: string; email: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const value: TMfaChallenge = { userId: input.userId, email: input.email, attempts: 0 };
  await redis.eval(`redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1`, 1, challengeKey(token), JSON.stringify(value), MFA_CHALLENGE_TTL_SECONDS);
  return token;
}

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

/** Spends one attempt of a challenge; null when it is unknown, expired or used up. */
export async function attemptMfaChallenge(redis: TRedisLike, token: string): Promise<TMfaChallenge | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const raw = await redis.eval(ATTEMPT_SCRIPT, 1, challengeKey(token), MFA_CHALLENGE_MAX_ATTEMPTS);
  if (typeof raw !== 'string') return null;
  const parsed = ZChallenge.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export async function deleteMfaChallenge(redis: TRedisLike, token: string): Promise<void> {
  await redis.del(challengeKey(token));
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
