import type { TRPCRouterRecord } from '@trpc/server';
import {
  confirmMfaEnrolment,
  disableMfa,
  getAccountSecurity,
  listMySessions,
  regenerateRecoveryCodes,
  revokeAllMySessions,
  revokeMySession,
  startMfaEnrolment,
  ZRevokeSessionInput,
  ZTotpCodeInput,
  type TAccountContext,
} from '@vouch/core';
import { authedProcedure } from '../trpc';

/**
 * The signed-in user's own account security. Self-only: these act on the caller's user and
 * sessions (never on a tenant), so they stay open while MFA enrolment is required.
 */
const accountProcedure = authedProcedure.use(({ ctx, next }) => {
  const account: TAccountContext = {
    userId: ctx.user.id,
    email: ctx.user.email,
    sessionId: ctx.session.sessionId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
  return next({ ctx: { account } });
});

export const accountRouter = {
  security: accountProcedure.query(({ ctx }) => getAccountSecurity(ctx.account)),
  startMfaEnrolment: accountProcedure.mutation(({ ctx }) => startMfaEnrolment(ctx.account)),
  confirmMfaEnrolment: accountProcedure.input(ZTotpCodeInput).mutation(({ ctx, input }) => confirmMfaEnrolment(ctx.account, input)),
  regenerateRecoveryCodes: accountProcedure.input(ZTotpCodeInput).mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.account, input)),
  disableMfa: accountProcedure.input(ZTotpCodeInput).mutation(({ ctx, input }) => disableMfa(ctx.account, input)),
  sessions: accountProcedure.query(({ ctx }) => listMySessions(ctx.account)),
  revokeSession: accountProcedure.input(ZRevokeSessionInput).mutation(({ ctx, input }) => revokeMySession(ctx.account, input)),
  revokeAllSessions: accountProcedure.mutation(({ ctx }) => revokeAllMySessions(ctx.account)),
} satisfies TRPCRouterRecord;
