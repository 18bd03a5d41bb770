import type { TenantTx } from '@vouch/db';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '@vouch/auth';
import { AppError } from '../errors';

export interface TEnsuredUser {
  id: string;
  email: string;
  created: boolean;
  /** Set only when the password was generated here: print it once, it is stored hashed. */
  generatedPassword: string | null;
}

/**
 * Finds a user by email or creates one. Runs on the system client: users are global and the
 * application role cannot see users outside its tenants.
 */
export async function ensureUser(
  systemTx: TenantTx,
  input: { email: string; name?: string | null; password?: string | null },
): Promise<TEnsuredUser> {
  const email = input.email.trim().toLowerCase();
  const existing = await systemTx.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } } });
  if (existing) return { id: existing.id, email: existing.email, created: false, generatedPassword: null };
  if (input.password != null && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('BAD_REQUEST', `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const generatedPassword = input.password == null ? generatePassword() : null;
  const password = input.password ?? generatedPassword ?? '';
  const user = await systemTx.user.create({
    data: { email, name: input.name ?? null, passwordHash: await hashPassword(password) },
  });
  return { id: user.id, email: user.email, created: true, generatedPassword };
}
