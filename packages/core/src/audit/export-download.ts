import { createHmac, timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deriveKey, hasPermission, isIpAllowed, isRole, readMasterKey, resolveClientIp } from '@vouch/auth';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { EXPORT_FILES } from './audit-export-format';
import { recordAuditEvent } from './record-audit-event';

/** How long a download link works after it is issued. */
export const EXPORT_LINK_TTL_MS = 15 * 60 * 1000;
export const EXPORT_FILE_NAMES = [EXPORT_FILES.jsonl, EXPORT_FILES.csv, EXPORT_FILES.manifest] as const;
export type TExportFileName = (typeof EXPORT_FILE_NAMES)[number];

/**
 * Where exports are stored: VOUCH_AUDIT_EXPORT_DIR (absolute), else <tmp>/vouch-audit-exports;
 * one folder per tenant, one per export (both uuids, so a path can never escape the root).
 */
export function auditExportRoot(): string {
  const configured = process.env.VOUCH_AUDIT_EXPORT_DIR;
  if (configured !== undefined && configured !== '' && !path.isAbsolute(configured)) {
    throw new Error('Environment variable VOUCH_AUDIT_EXPORT_DIR must be an absolute path.');
  }
  return configured || path.join(os.tmpdir(), 'vouch-audit-exports');
}

export function auditExportDirOf(tenantId: string, exportId: string): string {
  return path.join(auditExportRoot(), z.uuid().parse(tenantId), z.uuid().parse(exportId));
}

export const ZExportLink = z.object({
  tenantId: z.uuid(),
  exportId: z.uuid(),
  userId: z.uuid(),
  file: z.enum(EXPORT_FILE_NAMES),
  expires: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type TExportLink = z.infer<typeof ZExportLink>;

function linkMac(link: Omit<TExportLink, 'sig'>): Buffer {
  // A per-tenant key: a link minted for one tenant can never be valid for another.
  const key = deriveKey(readMasterKey(), 'tenant-secrets', `audit-export-links:${link.tenantId}`);
  return createHmac('sha256', key).update(['v1', link.tenantId, link.exportId, link.userId, link.file, String(link.expires)].join('\n')).digest();
}

/** A link to one file of an export for one user, valid until `expires` (ms since epoch). */
export function signExportLink(link: Omit<TExportLink, 'sig' | 'expires'>, now = Date.now()): TExportLink & { url: string } {
  const expires = now + EXPORT_LINK_TTL_MS;
  const sig = linkMac({ ...link, expires }).toString('base64url');
  const query = new URLSearchParams({ t: link.tenantId, u: link.userId, exp: String(expires), sig });
  return { ...link, expires, sig, url: `/audit/exports/${link.exportId}/${link.file}?${query.toString()}` };
}

export type TExportLinkRefusal = 'invalid' | 'expired' | 'not_yours' | 'missing' | 'ip';

export class ExportLinkError extends Error {
  constructor(readonly reason: TExportLinkRefusal) {
    super(
      {
        invalid: 'This download link is not valid.',
        expired: 'This download link has expired; open the export again for a fresh one.',
        not_yours: 'This download belongs to someone else.',
        missing: 'This export is not available.',
        ip: 'Your network address is not allowed for this workspace.',
      }[reason],
    );
    this.name = 'ExportLinkError';
  }
}

/** Parses the route's parameters into a link; anything malformed is simply an invalid link. */
export function parseExportLink(input: { exportId: string; file: string; t: string | null; u: string | null; exp: string | null; sig: string | null }): TExportLink {
  const parsed = ZExportLink.safeParse({ tenantId: input.t, exportId: input.exportId, userId: input.u, file: input.file, expires: input.exp, sig: input.sig });
  if (!parsed.success) throw new ExportLinkError('invalid');
  return parsed.data;
}

/**
 * Decides a download inside the link's tenant transaction: the signature must match (tenant,
 * export, user, file, expiry), the link must not have expired, the signed-in user must be the
 * link's user (the export's requester: links are minted only for them) and must still hold
 * audit.export in this tenant. Records `audit.export-download` and returns the file to stream.
 */
export async function authorizeExportDownload(
  tx: TenantTx,
  link: TExportLink,
  actor: { userId: string; peerIp: string | null; forwardedFor: string | null; userAgent: string | null },
  now = Date.now(),
): Promise<{ path: string; bytes: number; file: TExportFileName }> {
  const { sig, ...signed } = link;
  const expected = linkMac(signed);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ExportLinkError('invalid');
  if (link.expires <= now) throw new ExportLinkError('expired');
  if (actor.userId !== link.userId) throw new ExportLinkError('not_yours');
  const membership = await tx.membership.findFirst({ where: { tenantId: link.tenantId, userId: actor.userId }, select: { roles: true } });
  if (!membership || !hasPermission(membership.roles.filter(isRole), 'audit.export')) throw new ExportLinkError('not_yours');
  // The tenant's IP allowlist holds for downloads as for every API call.
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: link.tenantId }, select: { ipAllowlist: true, trustedProxies: true } });
  const ip = resolveClientIp({ peerIp: actor.peerIp, forwardedFor: actor.forwardedFor, trustedProxies: tenant.trustedProxies });
  if (!isIpAllowed(ip, tenant.ipAllowlist)) throw new ExportLinkError('ip');
  const file = path.join(auditExportDirOf(link.tenantId, link.exportId), link.file);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ExportLinkError('missing');
  const userActor: TActor = { type: 'user', userId: actor.userId, tenantId: link.tenantId, roles: membership.roles.filter(isRole), ip, userAgent: actor.userAgent };
  await recordAuditEvent(tx, link.tenantId, userActor, {
    action: 'audit.export-download',
    targetType: 'audit_export',
    targetId: link.exportId,
    data: { file: link.file, bytes: info.size },
  });
  return { path: file, bytes: info.size, file: link.file };
}
