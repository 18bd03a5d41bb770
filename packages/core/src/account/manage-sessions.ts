import { listUserSessions, revokeAllUserSessions, revokeUserSession, type TUserSessionSummary } from '@vouch/auth';
import { z } from 'zod';
import { AppError } from '../errors';
import { recordAccountEvent, type TAccountContext } from './record-account-event';

export const ZRevokeSessionInput = z.object({ sessionId: z.uuid() });

export type TMySession = TUserSessionSummary & { current: boolean };

/** The signed-in user's live sessions; the calling browser's is marked current. */
export async function listMySessions(ctx: TAccountContext): Promise<TMySession[]> {
  const sessions = await listUserSessions(ctx.userId);
  return sessions.map((s) => ({ ...s, current: s.id === ctx.sessionId }));
}

/** Signs one of the user's own sessions out; its next request reads as signed out. */
export async function revokeMySession(ctx: TAccountContext, input: z.input<typeof ZRevokeSessionInput>): Promise<{ current: boolean }> {
  const { sessionId } = ZRevokeSessionInput.parse(input);
  if (!(await revokeUserSession(ctx.userId, sessionId))) throw new AppError('NOT_FOUND', 'That session is not active.');
  const current = sessionId === ctx.sessionId;
  await recordAccountEvent(ctx.userId, ctx, { action: 'auth.session-revoke', actor: 'self', data: { sessionId, current } });
  return { current };
}

/** "Sign out everywhere": revokes every session of the user, this one included. */
export async function revokeAllMySessions(ctx: TAccountContext): Promise<{ revoked: number }> {
  const revoked = await revokeAllUserSessions(ctx.userId);
  await recordAccountEvent(ctx.userId, ctx, { action: 'auth.session-revoke', actor: 'self', data: { all: true, revoked } });
  return { revoked };
}
