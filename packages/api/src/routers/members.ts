import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  listMembers,
  previewInvitation,
  removeMember,
  revokeInvitation,
  updateMemberRoles,
  ZAcceptInvitationInput,
  ZCreateInvitationInput,
  ZInvitationToken,
  ZUpdateMemberRolesInput,
} from '@vouch/core';
import { can, publicProcedure } from '../trpc';

export const membersRouter = {
  list: can('members.read').query(({ ctx }) => listMembers(ctx.db)),
  updateRoles: can('members.manage')
    .input(ZUpdateMemberRolesInput)
    .mutation(({ ctx, input }) => updateMemberRoles(ctx.db, ctx.tenant.id, ctx.actor, input)),
  remove: can('members.manage')
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.tenant.id, ctx.actor, input.userId)),
} satisfies TRPCRouterRecord;

export const invitationsRouter = {
  list: can('members.read').query(({ ctx }) => listInvitations(ctx.db)),
  create: can('members.manage')
    .input(ZCreateInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.tenant.id, ctx.actor, input)),
  revoke: can('members.manage')
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.tenant.id, ctx.actor, input.id)),
  preview: publicProcedure.input(z.object({ token: ZInvitationToken })).query(({ input }) => previewInvitation(input.token)),
  accept: publicProcedure.input(ZAcceptInvitationInput).mutation(({ ctx, input }) =>
    acceptInvitation(
      input,
      ctx.session?.user.id ? { userId: ctx.session.user.id, email: ctx.session.user.email } : null,
      { ip: ctx.ip, userAgent: ctx.userAgent },
    ),
  ),
} satisfies TRPCRouterRecord;
