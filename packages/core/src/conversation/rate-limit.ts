import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { keyedDigest } from './visitor-key';

/** Messages per window; a visitor, an IP and a whole tenant each have their own budget. */
export interface TRateLimits {
  windowSeconds: number;
  perVisitor: number;
  perIp: number;
  perTenant: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<TRateLimits> = { windowSeconds: 60, perVisitor: 20, perIp: 60, perTenant: 600 };

/**
 * Opening the conversation feed (widget.events). A panel reopens its feed about
 * once a minute, and every few seconds at worst while its connection keeps failing; this bounds
 * a visitor or a script opening feeds in a loop. Counted apart from messages.
 */
export const FEED_RATE_LIMITS: Readonly<TRateLimits> = { windowSeconds: 60, perVisitor: 30, perIp: 120, perTenant: 6000 };

/**
 * Leaving a contact email while nobody is online (widget.leaveContactEmail): a customer needs one
 * or two tries; this bounds scripts that would fill handoffs or the vault. Failed tries count too.
 */
export const CONTACT_RATE_LIMITS: Readonly<TRateLimits> = { windowSeconds: 600, perVisitor: 6, perIp: 30, perTenant: 600 };

export interface TRateLimitRedis {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// Sliding window log: one sorted-set member per accepted message, scored by time. All keys are
// checked before any is charged, so a refused message costs nothing.
// KEYS: the limited keys. ARGV: now ms, window ms, member, then one limit per key.
// Returns 0 when accepted, else the 1-based index of the exhausted key and ms until a slot frees.
const SLIDING_WINDOW = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return { i, math.max(1, tonumber(oldest[2]) + window - now) }
  end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
end
return { 0, 0 }
`;

/**
 * Throws RATE_LIMITED when the visitor, the IP or the tenant has used its window's budget.
 * Key names carry keyed digests only: Redis never holds a visitor id or an IP address.
 */
export async function enforceRateLimits(
  redis: TRateLimitRedis,
  subject: { tenantId: string; visitorId: string; ip?: string | null },
  limits: TRateLimits = DEFAULT_RATE_LIMITS,
  now: number = Date.now(),
  scope: 'chat' | 'feed' | 'contact' = 'chat',
): Promise<void> {
  const prefix = `vouch:rl:${scope}:${subject.tenantId}`;
  const entries: [string, number, string][] = [[`${prefix}:visitor:${keyedDigest(`visitor:${subject.visitorId}`)}`, limits.perVisitor, 'visitor']];
  if (subject.ip) entries.push([`${prefix}:ip:${keyedDigest(`ip:${subject.ip}`)}`, limits.perIp, 'ip']);
  entries.push([`${prefix}:tenant`, limits.perTenant, 'tenant']);
  const member = `${now}:${randomBytes(6).toString('hex')}`;
  const [index, retryMs] = (await redis.eval(
    SLIDING_WINDOW,
    entries.length,
    ...entries.map((e) => e[0]),
    now,
    limits.windowSeconds * 1000,
    member,
    ...entries.map((e) => e[1]),
  )) as [number, number];
  if (index > 0) {
    const retryAfter = Math.ceil(retryMs / 1000);
    const what = scope === 'feed' ? 'reconnects' : scope === 'contact' ? 'attempts to leave an email' : 'messages';
    throw new AppError('RATE_LIMITED', `Too many ${what} (${entries[index - 1]![2]} limit). Please wait ${retryAfter} s and try again.`);
  }
}
