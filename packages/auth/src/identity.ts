import { getAppClient } from '@vouch/db';
import { isRole, type TRole } from './permissions';
import type { TTenantMfaPolicy } from './mfa';
import { hashPassword, verifyPassword } from './password';
import { withUser } from './sessions';
import { randomBytes } from 'node:crypto';

export interface TSessionMembership {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  roles: TRole[];
}

export interface TSignedInUser {
  id: string;
  email: string;
  name: string | null;
}

// Verifying against a throwaway hash makes an unknown email cost as much as a wrong password,
// so response time does not reveal which emails have accounts.
let timingDummyHash: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  timingDummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return timingDummyHash;
}

/** Checks an email and password through the sign-in definer function (no tenant is known yet). */
export async function authenticateWithPassword(
  email: string,
  password: string,
): Promise<TSignedInUser | null> {
  const rows = await getAppClient().$queryRaw<
    { id: string; email: string; name: string | null; password_hash: string | null }[]
  >`SELECT id, email, name, password_hash FROM auth_find_user_by_email(${email})`;
  const user = rows[0];
  if (!user?.password_hash) {
    await verifyPassword(await dummyHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.password_hash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** The tenants a user belongs to and their roles there, read fresh from the database. */
export async function listUserMemberships(userId: string): Promise<TSessionMembership[]> {
  const rows = await getAppClient().$queryRaw<
    { tenant_id: string; tenant_slug: string; tenant_name: string; roles: string[] }[]
  >`SELECT tenant_id, tenant_slug, tenant_name, roles::text[] AS roles FROM auth_list_user_memberships(${userId}::uuid)`;
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    tenantSlug: r.tenant_slug,
    tenantName: r.tenant_name,
    roles: r.roles.filter(isRole),
  }));
}

/** For each tenant of the user: the roles held there and whether the tenant requires MFA. */
export async function listUserTenantPolicies(userId: string): Promise<TTenantMfaPolicy[]> {
  const rows = await getAppClient().$queryRaw<
    { tenant_id: string; tenant_name: string; roles: string[]; mfa_required: boolean }[]
  >`SELECT tenant_id, tenant_name, roles::text[] AS roles, mfa_required FROM auth_list_user_tenant_policies(${userId}::uuid)`;
  return rows.map((r) => ({ tenantId: r.tenant_id, tenantName: r.tenant_name, roles: r.roles.filter(isRole), mfaRequired: r.mfa_required }));
}

/** The id of the account with this email, if any (for limits and alerts on failed sign-ins). */
export async function findUserIdByEmail(email: string): Promise<string | null> {
  const rows = await getAppClient().$queryRaw<{ id: string }[]>`SELECT id FROM auth_find_user_by_email(${email})`;
  return rows[0]?.id ?? null;
}

export interface TUserMfaState {
  enabled: boolean;
  /** Sealed TOTP secret: the active one when enabled, else a pending enrolment's (or null). */
  secretSealed: string | null;
  recoveryCodeHashes: string[];
}

/** The user's own MFA columns, read under RLS as that user. */
export async function readUserMfaState(userId: string): Promise<TUserMfaState> {
  const row = await withUser(userId, (tx) =>
    tx.user.findFirst({ where: { id: userId }, select: { mfaEnabledAt: true, mfaSecretSealed: true, recoveryCodeHashes: true } }),
  );
  return {
    enabled: Boolean(row?.mfaEnabledAt),
    secretSealed: row?.mfaSecretSealed ?? null,
    recoveryCodeHashes: row?.recoveryCodeHashes ?? [],
  };
}
