import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { isIpAllowed, parseCidr } from '@vouch/auth';
import { assertSsoReplacesPasswords } from '../sso/manage-sso-connection';

const ZCidr = z.string().trim().refine((value) => {
  try {
    parseCidr(value);
    return true;
  } catch {
    return false;
  }
}, 'must be an IPv4 or IPv6 address or CIDR range');

export const ZTenantSecurityPolicyUpdate = z.object({
  mfaRequired: z.boolean().optional(),
  passwordLoginEnabled: z.boolean().optional(),
  ipAllowlist: z.array(ZCidr).max(200).optional(),
  trustedProxies: z.array(ZCidr).max(50).optional(),
});

export interface TTenantSecurityPolicy {
  mfaRequired: boolean;
  passwordLoginEnabled: boolean;
  ipAllowlist: string[];
  trustedProxies: string[];
}

const POLICY = { mfaRequired: true, passwordLoginEnabled: true, ipAllowlist: true, trustedProxies: true } as const;

export async function getTenantSecurityPolicy(tx: TenantTx, tenantId: string): Promise<TTenantSecurityPolicy> {
  return tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: POLICY });
}

/**
 * Changes the tenant's sign-in and network policy, recording before and after. Refuses an
 * allowlist that would lock out the very request making the change, and turning password
 * sign-in off without an enabled SSO connection.
 */
export async function updateTenantSecurityPolicy(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZTenantSecurityPolicyUpdate>,
  requestIp: string | null,
): Promise<TTenantSecurityPolicy> {
  const input = ZTenantSecurityPolicyUpdate.parse(rawInput);
  const before = await getTenantSecurityPolicy(tx, tenantId);
  if (input.ipAllowlist && !isIpAllowed(requestIp, input.ipAllowlist)) {
    throw new AppError('BAD_REQUEST', `This allowlist does not include your own address (${requestIp ?? 'unknown'}); add it first.`);
  }
  // Turning passwords off is allowed only once SSO can replace them, or nobody could sign in.
  if (input.passwordLoginEnabled === false && before.passwordLoginEnabled) await assertSsoReplacesPasswords(tx, tenantId);
  const after = await tx.tenant.update({ where: { id: tenantId }, data: { ...input, updatedAt: new Date() }, select: POLICY });
  await record(tx, tenantId, actor, {
    action: 'tenant.security-policy-update',
    targetType: 'tenant',
    targetId: tenantId,
    data: { before, after },
  });
  return after;
}
