import { createHash } from 'node:crypto';
import type { TRedisLike } from './redis-like';

/**
 * Failed sign-in limits. Failures are counted per account (email) and per client IP in a
 * 15-minute window. From the 5th failure of an account, the account is locked for 30 s,
 * doubling with every further failure up to 1 h; 30 failures from one IP block that IP for
 * the rest of its window. 10 failures of one account within the window is a spike: raised once
 * per window so the caller can alert the account's tenants.
 */
export interface TSignInLimits {
  windowSeconds: number;
  accountFreeFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  ipMaxFailures: number;
  spikeFailures: number;
}

export const SIGN_IN_LIMITS: Readonly<TSignInLimits> = {
  windowSeconds: 15 * 60,
  accountFreeFailures: 4,
  baseLockSeconds: 30,
  maxLockSeconds: 60 * 60,
  ipMaxFailures: 30,
  spikeFailures: 10,
};

/** Seconds the account stays locked after its n-th failure in the window (0: not locked). */
export function lockoutSeconds(failures: number, limits: TSignInLimits = SIGN_IN_LIMITS): number {
  if (failures <= limits.accountFreeFailures) return 0;
  const doublings = failures - limits.accountFreeFailures - 1;
  // 2^doublings overflows nothing: the cap is reached long before large exponents matter.
  return Math.min(limits.maxLockSeconds, limits.baseLockSeconds * 2 ** Math.min(doublings, 20));
}

export interface TLimitCheck {
  blocked: boolean;
  retryAfterSeconds: number;
  reason: 'account' | 'ip' | null;
}

export interface TFailureOutcome extends TLimitCheck {
  accountFailures: number;
  ipFailures: number;
  /** True exactly once per window, when the account reaches the spike threshold. */
  spike: boolean;
}

// Emails are hashed in key names so Redis holds no addresses.
function keyPart(value: string): string {
  return createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 32);
}

const PREFIX = 'vouch:auth:sign-in';

function keys(email: string, ip: string | null) {
  const account = keyPart(email);
  const addr = keyPart(ip ?? 'unknown');
  return {
    accountFailures: `${PREFIX}:fail:acct:${account}`,
    accountLock: `${PREFIX}:lock:acct:${account}`,
    ipFailures: `${PREFIX}:fail:ip:${addr}`,
  };
}

// KEYS: account failures, account lock, ip failures. ARGV: ip max failures.
// Returns [account lock ms left, ip failures, ip window ms left].
const CHECK_SCRIPT = `
local lockMs = redis.call('PTTL', KEYS[2])
local ipFailures = tonumber(redis.call('GET', KEYS[3]) or '0')
local ipMs = redis.call('PTTL', KEYS[3])
return { lockMs, ipFailures, ipMs }
`;

// KEYS: account failures, account lock, ip failures. ARGV: window ms.
// Counts one failure for the account and the ip (each window starts at its first failure).
const FAIL_SCRIPT = `
local acct = redis.call('INCR', KEYS[1])
if acct == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ip = redis.call('INCR', KEYS[3])
if ip == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[1]) end
return { acct, ip, redis.call('PTTL', KEYS[3]) }
`;

// KEYS: account lock. ARGV: lock ms.
const LOCK_SCRIPT = `redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) return 1`;

export interface TSignInLimiter {
  check(email: string, ip: string | null): Promise<TLimitCheck>;
  /**
   * Counts a failure. `relock: false` counts an attempt refused during a lock: it still feeds
   * the spike detection, but does not extend the lock (or anyone could keep a user locked out).
   */
  recordFailure(email: string, ip: string | null, options?: { relock?: boolean }): Promise<TFailureOutcome>;
  /** After a successful sign-in: the account's count starts over (the IP's does not). */
  recordSuccess(email: string): Promise<void>;
}

export function createSignInLimiter(redis: TRedisLike, limits: TSignInLimits = SIGN_IN_LIMITS): TSignInLimiter {
  const ipBlock = (ipFailures: number, ipMs: number): TLimitCheck | null =>
    ipFailures >= limits.ipMaxFailures ? { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(ipMs / 1000)), reason: 'ip' } : null;

  return {
    async check(email, ip) {
      const k = keys(email, ip);
      const [lockMs, ipFailures, ipMs] = (await redis.eval(CHECK_SCRIPT, 3, k.accountFailures, k.accountLock, k.ipFailures)) as number[];
      if ((lockMs ?? -2) > 0) return { blocked: true, retryAfterSeconds: Math.ceil(lockMs! / 1000), reason: 'account' };
      return ipBlock(ipFailures ?? 0, ipMs ?? 0) ?? { blocked: false, retryAfterSeconds: 0, reason: null };
    },
    async recordFailure(email, ip, options = {}) {
      const k = keys(email, ip);
      const [accountFailures = 0, ipFailures = 0, ipMs = 0] = (await redis.eval(
        FAIL_SCRIPT,
        3,
        k.accountFailures,
        k.accountLock,
        k.ipFailures,
        limits.windowSeconds * 1000,
      )) as number[];
      const relock = options.relock ?? true;
      let lock = relock ? lockoutSeconds(accountFailures, limits) : 0;
      if (lock > 0) await redis.eval(LOCK_SCRIPT, 1, k.accountLock, lock * 1000);
      if (!relock) {
        const [lockMs] = (await redis.eval(CHECK_SCRIPT, 3, k.accountFailures, k.accountLock, k.ipFailures)) as number[];
        lock = (lockMs ?? 0) > 0 ? Math.ceil(lockMs! / 1000) : 0;
      }
      const spike = accountFailures === limits.spikeFailures;
      const blockedByIp = ipBlock(ipFailures, ipMs);
      const state: TLimitCheck =
        lock > 0 ? { blocked: true, retryAfterSeconds: lock, reason: 'account' } : (blockedByIp ?? { blocked: false, retryAfterSeconds: 0, reason: null });
      return { ...state, accountFailures, ipFailures, spike };
    },
    async recordSuccess(email) {
      const k = keys(email, null);
      await redis.del(k.accountFailures, k.accountLock);
    },
  };
}
