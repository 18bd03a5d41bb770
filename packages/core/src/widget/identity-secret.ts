import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveKey, openSecret, readMasterKey, sealSecret } from '@vouch/auth';
import { Prisma, type TenantTx } from '@vouch/db';
import { redact } from '@vouch/guard';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { rawRows, type TTenantDb } from '../tenant-db';
import { AppError } from '../errors';

const context = (tenantId: string) => `widget-identity-secret:${tenantId}`;
const key = (tenantId: string) => deriveKey(readMasterKey(), 'tenant-secrets', tenantId);

/** What the host page passes (data-user-id, data-user-hash). */
export const ZVisitorIdentity = z.object({
  userId: z.string().trim().min(1, 'The user id is empty.').max(200, 'The user id is longer than 200 characters.'),
  userHash: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'The user hash must be 64 hex characters: HMAC-SHA-256 of the user id.'),
});
export type TVisitorIdentity = z.infer<typeof ZVisitorIdentity>;

export const IDENTITY_NOT_SET_UP = 'This site passes a signed user id, but identity verification is not set up for it. The site owner can create the identity secret in Settings.';
export const IDENTITY_REJECTED = 'We could not verify who you are signed in as on this site, so the chat did not start. Reload the page; if it keeps happening, the site owner needs to check the widget\u2019s user hash.';

/** Whether the tenant has an identity secret, and since when (never the secret itself). */
export async function getWidgetIdentityStatus(tx: TenantTx): Promise<{ configured: boolean; rotatedAt: Date | null }> {
  const row = await tx.widgetIdentitySecret.findFirst({ select: { rotatedAt: true } });
  return { configured: row !== null, rotatedAt: row?.rotatedAt ?? null };
}

/**
 * Creates or replaces the tenant's identity secret and returns it, once: the host site's server
 * signs user ids with it. Stored sealed under the tenant's key; the previous secret stops
 * verifying at once. Audited as `widget.identity-secret.rotate` (without the secret).
 */
export async function rotateWidgetIdentitySecret(tx: TenantTx, tenantId: string, actor: TActor): Promise<{ secret: string; rotatedAt: Date }> {
  const secret = `vis_${randomBytes(32).toString('base64url')}`;
  const sealed = sealSecret(secret, key(tenantId), context(tenantId));
  const rotatedBy = actor.type === 'user' ? actor.userId : null;
  const existing = await tx.widgetIdentitySecret.findFirst({ select: { id: true } });
  const row = existing
    ? await tx.widgetIdentitySecret.update({ where: { id: existing.id }, data: { secretSealed: sealed, rotatedAt: new Date(), rotatedBy } })
    : await tx.widgetIdentitySecret.create({ data: { tenantId, secretSealed: sealed, rotatedBy } });
  await record(tx, tenantId, actor, {
    action: 'widget.identity-secret.rotate',
    targetType: 'widget_identity_secret',
    targetId: row.id,
    data: { replaced: existing !== null },
  });
  return { secret, rotatedAt: row.rotatedAt };
}

/** The hash a host site computes: hex HMAC-SHA-256 of the user id under the identity secret. */
export function identityHashOf(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/**
 * Checks a visitor's claimed identity against the tenant's secret, in constant time. Throws a
 * clear error for a bad hash (or a site without a secret); returns the user id to record,
 * redacted, so an e-mail used as an id is not stored readable.
 */
export async function verifyVisitorIdentity(tx: TTenantDb, tenantId: string, raw: TVisitorIdentity): Promise<{ externalUserId: string }> {
  const parsed = ZVisitorIdentity.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_REQUEST', parsed.error.issues[0]?.message ?? IDENTITY_REJECTED);
  const [row] = await rawRows<{ secret_sealed: string }>(tx, Prisma.sql`SELECT secret_sealed FROM widget_identity_secrets LIMIT 1`);
  if (!row) throw new AppError('FORBIDDEN', IDENTITY_NOT_SET_UP);
  const secret = openSecret(row.secret_sealed, key(tenantId), context(tenantId));
  const expected = Buffer.from(identityHashOf(secret, parsed.data.userId), 'hex');
  const given = Buffer.from(parsed.data.userHash.toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('UNAUTHORIZED', IDENTITY_REJECTED);
  return { externalUserId: redact(parsed.data.userId).text.slice(0, 300) };
}
