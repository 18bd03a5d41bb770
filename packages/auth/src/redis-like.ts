/**
 * The few Redis commands the sign-in limiter, MFA challenges and TOTP replay guard use. Callers
 * pass an ioredis connection (e.g. `getRedis()` from @vouch/jobs); this package stays free of a
 * connection of its own.
 */
export interface TRedisLike {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(...keys: string[]): Promise<number>;
}
