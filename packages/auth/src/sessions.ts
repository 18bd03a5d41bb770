import { getAppClient, type TenantTx } from '@vouch/db';
import { z } from 'zod';

const ZUuid = z.uuid();

/** How long a session lives without being seen (the JWT's own lifetime). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** last_seen_at is written at most this often per session. */
export const SESSION_TOUCH_INTERVAL_SECONDS = 60;

export type TSignInMethod = 'password' | 'password+totp' | 'password+recovery-code';
/** Sign-ins through a tenant's identity provider. */
export type TSsoSignInMethod = 'sso' | 'sso+totp' | 'sso+recovery-code';

/**
 * Runs fn in one transaction of the application role with only app.user_id set: RLS then shows
 * this user's own row of `users` and their own `user_sessions`, nothing tenant-owned.
 */
export async function withUser<T>(userId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  const user = ZUuid.parse(userId);
  return getAppClient().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', '', true), set_config('app.user_id', ${user}, true)`;
    return fn(tx);
  });
}

export interface TNewSession {
  ip: string | null;
  userAgent: string | null;
  method: TSignInMethod | TSsoSignInMethod;
  mfaVerified: boolean;
}

export async function createUserSession(userId: string, input: TNewSession): Promise<string> {
  return withUser(userId, async (tx) => {
    const row = await tx.userSession.create({
      data: {
        userId,
        ip: input.ip?.slice(0, 64) ?? null,
        userAgent: input.userAgent?.slice(0, 512) ?? null,
        method: input.method,
        mfaVerifiedAt: input.mfaVerified ? new Date() : null,
      },
      select: { id: true },
    });
    return row.id;
  });
}

export interface TSessionCheck {
  active: boolean;
  mfaEnabled: boolean;
}

/**
 * Whether a session may still be used: it exists, belongs to the user, is not revoked and was
 * seen within the session lifetime. Touches last_seen_at at most once a minute.
 */
export async function checkUserSession(userId: string, sessionId: string, now = new Date()): Promise<TSessionCheck> {
  if (!ZUuid.safeParse(sessionId).success || !ZUuid.safeParse(userId).success) return { active: false, mfaEnabled: false };
  return withUser(userId, async (tx) => {
    const [session, user] = await Promise.all([
      tx.userSession.findFirst({ where: { id: sessionId, userId }, select: { revokedAt: true, lastSeenAt: true } }),
      tx.user.findFirst({ where: { id: userId }, select: { mfaEnabledAt: true } }),
    ]);
    const idleMs = session ? now.getTime() - session.lastSeenAt.getTime() : Infinity;
    if (!session || !user || session.revokedAt || idleMs > SESSION_MAX_AGE_SECONDS * 1000) {
      return { active: false, mfaEnabled: false };
    }
    if (idleMs > SESSION_TOUCH_INTERVAL_SECONDS * 1000) {
      await tx.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
    }
    return { active: true, mfaEnabled: user.mfaEnabledAt !== null };
  });
}

export interface TUserSessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  method: string;
  mfaVerified: boolean;
}

/** The user's live sessions, most recently seen first. */
export async function listUserSessions(userId: string, now = new Date()): Promise<TUserSessionSummary[]> {
  const rows = await withUser(userId, (tx) =>
    tx.userSession.findMany({
      where: { userId, revokedAt: null, lastSeenAt: { gt: new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000) } },
      orderBy: { lastSeenAt: 'desc' },
      take: 100,
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    ip: r.ip,
    userAgent: r.userAgent,
    method: r.method,
    mfaVerified: r.mfaVerifiedAt !== null,
  }));
}

/** Revokes one of the user's sessions; false when it is not theirs or already revoked. */
export async function revokeUserSession(userId: string, sessionId: string): Promise<boolean> {
  if (!ZUuid.safeParse(sessionId).success) return false;
  const { count } = await withUser(userId, (tx) =>
    tx.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } }),
  );
  return count > 0;
}

/** Revokes every session of the user (optionally keeping one); returns how many. */
export async function revokeAllUserSessions(userId: string, options: { exceptSessionId?: string } = {}): Promise<number> {
  const { count } = await withUser(userId, (tx) =>
    tx.userSession.updateMany({
      where: { userId, revokedAt: null, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) },
      data: { revokedAt: new Date() },
    }),
  );
  return count;
}

export async function markSessionMfaVerified(userId: string, sessionId: string): Promise<void> {
  if (!ZUuid.safeParse(sessionId).success) return;
  await withUser(userId, (tx) => tx.userSession.updateMany({ where: { id: sessionId, userId }, data: { mfaVerifiedAt: new Date() } }));
}
