import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, isRole, MIN_PASSWORD_LENGTH, type TRole } from '@vouch/auth';
import { getAppClient, withTenant, type TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { ZRoles } from './manage-members';
import { assertMayAssignRoles } from './role-rights';

export const ZCreateInvitationInput = z.object({
  email: z.email().max(320).transform((e) => e.trim().toLowerCase()),
  roles: ZRoles,
  expiresInHours: z.int().min(1).max(720).default(72),
});

export const ZInvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This invitation link is malformed.');

export const ZAcceptInvitationInput = z.object({
  token: ZInvitationToken,
  /** For someone without an account yet. */
  newAccount: z.object({ name: z.string().trim().min(1).max(200), password: z.string().min(MIN_PASSWORD_LENGTH).max(1024) }).nullish(),
});

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface TInvitationSummary {
  id: string;
  email: string;
  roles: TRole[];
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const SUMMARY = { id: true, email: true, roles: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true } as const;

/** A one-time link: the token is returned once and stored only as a hash. */
export async function createInvitation(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZCreateInvitationInput>,
): Promise<{ invitation: TInvitationSummary; token: string }> {
  const input = ZCreateInvitationInput.parse(rawInput);
  assertMayAssignRoles(actor, { targetUserId: null, targetCurrentRoles: [], rolesTouched: input.roles });
  const already = await tx.membership.findFirst({ where: { user: { email: { equals: input.email, mode: 'insensitive' } } } });
  if (already) throw new AppError('CONFLICT', `${input.email} is already a member of this workspace.`);
  const token = randomBytes(32).toString('base64url');
  const invitation = await tx.invitation.create({
    data: {
      tenantId,
      email: input.email,
      roles: input.roles,
      tokenHash: hashToken(token),
      invitedBy: actor.type === 'user' ? actor.userId : null,
      expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
    },
    select: SUMMARY,
  });
  await record(tx, tenantId, actor, {
    action: 'member.invite',
    targetType: 'invitation',
    targetId: invitation.id,
    data: { email: invitation.email, roles: input.roles, expiresAt: invitation.expiresAt.toISOString() },
  });
  return { invitation: { ...invitation, roles: invitation.roles as TRole[] }, token };
}

export async function listInvitations(tx: TenantTx): Promise<TInvitationSummary[]> {
  const rows = await tx.invitation.findMany({ select: SUMMARY, orderBy: { createdAt: 'desc' }, take: 200 });
  return rows.map((r) => ({ ...r, roles: r.roles as TRole[] }));
}

export async function revokeInvitation(tx: TenantTx, tenantId: string, actor: TActor, id: string): Promise<void> {
  const invitation = await tx.invitation.findUnique({ where: { id } });
  if (!invitation) throw new AppError('NOT_FOUND', 'No such invitation.');
  if (invitation.acceptedAt) throw new AppError('CONFLICT', 'This invitation was already accepted.');
  await tx.invitation.update({ where: { id }, data: { revokedAt: invitation.revokedAt ?? new Date() } });
  await record(tx, tenantId, actor, { action: 'member.invite-revoke', targetType: 'invitation', targetId: id, data: { email: invitation.email } });
}

interface TInvitationRow {
  id: string;
  tenant_id: string;
  tenant_name: string;
  email: string;
  roles: string[];
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

async function findInvitation(token: string): Promise<TInvitationRow> {
  const rows = await getAppClient().$queryRaw<TInvitationRow[]>`
    SELECT id, tenant_id, tenant_name, email, roles::text[] AS roles, expires_at, accepted_at, revoked_at
    FROM auth_find_invitation(${hashToken(ZInvitationToken.parse(token))})`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
  if (row.revoked_at) throw new AppError('CONFLICT', 'This invitation was withdrawn. Ask for a new one.');
  if (row.accepted_at) throw new AppError('CONFLICT', 'This invitation was already used.');
  if (row.expires_at <= new Date()) throw new AppError('CONFLICT', 'This invitation has expired. Ask for a new one.');
  return row;
}

/** What the invitation page shows before the invitee accepts. */
export async function previewInvitation(token: string): Promise<{ tenantName: string; email: string; roles: TRole[]; expiresAt: Date }> {
  const row = await findInvitation(token);
  return { tenantName: row.tenant_name, email: row.email, roles: row.roles.filter(isRole), expiresAt: row.expires_at };
}

/**
 * Accepts as the signed-in user (whose email must match) or by creating the account the
 * invitation names. The token works once.
 */
export async function acceptInvitation(
  rawInput: z.input<typeof ZAcceptInvitationInput>,
  signedIn: { userId: string; email: string } | null,
  request: { ip: string | null; userAgent: string | null },
): Promise<{ tenantId: string; userId: string; roles: TRole[] }> {
  const input = ZAcceptInvitationInput.parse(rawInput);
  const row = await findInvitation(input.token);
  let userId: string;
  if (signedIn) {
    if (signedIn.email.toLowerCase() !== row.email.toLowerCase()) {
      throw new AppError('FORBIDDEN', `This invitation is for ${row.email}; sign in with that address to accept it.`);
    }
    userId = signedIn.userId;
  } else {
    if (!input.newAccount) throw new AppError('BAD_REQUEST', 'Choose a name and password, or sign in first.');
    const existing = await getAppClient().$queryRaw<{ id: string }[]>`SELECT id FROM auth_find_user_by_email(${row.email})`;
    if (existing[0]) throw new AppError('CONFLICT', `An account for ${row.email} exists; sign in to accept.`);
    const passwordHash = await hashPassword(input.newAccount.password);
    const created = await getAppClient().$queryRaw<{ id: string }[]>`
      SELECT auth_create_user(${row.email}, ${input.newAccount.name}, ${passwordHash}) AS id`;
    userId = created[0]!.id;
  }
  const roles = row.roles.filter(isRole);
  await withTenant(
    row.tenant_id,
    async (tx) => {
      // Single use even under a double click: only one transaction flips accepted_at.
      const claimed = await tx.invitation.updateMany({
        where: { id: row.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date(), acceptedBy: userId },
      });
      if (claimed.count !== 1) throw new AppError('CONFLICT', 'This invitation was already used.');
      const existing = await tx.membership.findFirst({ where: { userId } });
      const merged = [...new Set([...((existing?.roles as TRole[]) ?? []), ...roles])];
      if (existing) await tx.membership.update({ where: { id: existing.id }, data: { roles: merged, updatedAt: new Date() } });
      else await tx.membership.create({ data: { tenantId: row.tenant_id, userId, roles } });
      const actor: TActor = { type: 'user', userId, tenantId: row.tenant_id, roles: merged, ip: request.ip, userAgent: request.userAgent };
      await record(tx, row.tenant_id, actor, {
        action: 'member.invite-accept',
        targetType: 'invitation',
        targetId: row.id,
        data: { email: row.email, before: existing?.roles ?? [], after: merged },
      });
    },
    { userId },
  );
  return { tenantId: row.tenant_id, userId, roles };
}
