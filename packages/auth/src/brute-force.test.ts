import { describe, expect, it } from 'vitest';
import { lockoutSeconds, SIGN_IN_LIMITS } from './brute-force';

describe('sign-in backoff', () => {
  it('allows four failures, then locks for 30 s doubling per failure', () => {
    expect([1, 2, 3, 4].map((n) => lockoutSeconds(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => lockoutSeconds(n))).toEqual([30, 60, 120, 240, 480]);
  });

  it('caps the lock at one hour, even for absurd counts', () => {
    expect(lockoutSeconds(12)).toBe(3600);
    expect(lockoutSeconds(11)).toBe(1920);
    expect(lockoutSeconds(10)).toBe(30 * 2 ** 5);
    expect(lockoutSeconds(10_000)).toBe(3600);
  });

  it('honours other limits', () => {
    const limits = { ...SIGN_IN_LIMITS, accountFreeFailures: 1, baseLockSeconds: 2, maxLockSeconds: 5 };
    expect([1, 2, 3, 4].map((n) => lockoutSeconds(n, limits))).toEqual([0, 2, 4, 5]);
  });
});
