import { isRole, ROLES, type TRole } from '@vouch/auth';
import { addMember, AppError } from '@vouch/core';
import { printJson, readStdin } from '../output';
import { CLI_ACTOR, inSystemTransaction, resolveTenant } from '../system-tx';

export function parseRoles(values: string[]): TRole[] {
  const roles = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new AppError('BAD_REQUEST', `Unknown role "${unknown.join(', ')}". Roles: ${ROLES.join(', ')}.`);
  }
  return roles as TRole[];
}

export async function memberAddCommand(options: {
  tenant: string;
  email: string;
  role: string[];
  passwordStdin?: boolean;
}): Promise<void> {
  const roles = parseRoles(options.role);
  const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : null;
  const result = await inSystemTransaction(async (tx) => {
    const tenant = await resolveTenant(tx, options.tenant);
    const added = await addMember(tx, tenant.id, CLI_ACTOR, { email: options.email, roles, password });
    return { tenant, added };
  });
  printJson({
    ok: true,
    tenant: result.tenant,
    user: {
      id: result.added.user.id,
      email: result.added.user.email,
      created: result.added.user.created,
      password: result.added.user.generatedPassword,
    },
    roles: result.added.roles,
  });
}
