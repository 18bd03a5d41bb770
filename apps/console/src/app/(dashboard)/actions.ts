'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { getSession, TENANT_COOKIE } from '~/server/auth';

const ZSlug = z.string().min(1).max(63);

/**
 * Selects the tenant the console acts in. Only a tenant the user belongs to is accepted; the API
 * re-checks the membership in the database on every call anyway.
 */
export async function switchTenant(slug: string): Promise<{ ok: boolean }> {
  const session = await getSession();
  const parsed = ZSlug.safeParse(slug);
  if (!session || !parsed.success) return { ok: false };
  if (!session.memberships.some((m) => m.tenantSlug === parsed.data)) return { ok: false };
  (await cookies()).set(TENANT_COOKIE, parsed.data, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    path: '/',
    maxAge: 60 * 60 * 24 * 30,
  });
  return { ok: true };
}
