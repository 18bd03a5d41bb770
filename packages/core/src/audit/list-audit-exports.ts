import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TenantTx } from '@vouch/db';
import { getQueue } from '@vouch/jobs';
import { z } from 'zod';
import { actorId, type TActor } from '../actor';
import { AppError } from '../errors';
import { EXPORT_FILES } from './audit-export-format';
import { auditExportDirOf, EXPORT_FILE_NAMES, signExportLink } from './export-download';

/** Export folders are removed by the retention run this many days after they were written. */
export const AUDIT_EXPORT_FILES_DAYS = 7;
const DAY_MS = 86_400_000;

export const ZListAuditExportsInput = z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict();

export interface TAuditExportListItem {
  exportId: string;
  requestedAt: Date;
  /** The range asked for (null: open-ended). */
  range: { from: string | null; to: string | null };
  /**
   * done: the signed files are on disk; queued/running/failed: the job says so; expired: the
   * folder was removed by retention; missing: neither files nor job remain (a failed job's record
   * is kept 24 hours).
   */
  state: 'queued' | 'running' | 'done' | 'failed' | 'expired' | 'missing';
  /** Events in the export, and the first and last sequence numbers (done only). */
  count: number | null;
  firstSeq: string | null;
  lastSeq: string | null;
  /** When retention removes (or removed) the files. */
  expiresAt: Date;
  /** Fresh signed links for the requester, while the files exist. */
  links: { file: string; url: string; expires: number }[];
}

const ZManifestSummary = z.object({
  tenantId: z.uuid(),
  count: z.number().int().min(0),
  range: z.object({ firstSeq: z.string().nullable(), lastSeq: z.string().nullable() }),
});

async function readManifest(tenantId: string, exportId: string): Promise<{ manifest: z.infer<typeof ZManifestSummary>; writtenAt: Date } | null> {
  const dir = auditExportDirOf(tenantId, exportId);
  try {
    const [raw, folder] = await Promise.all([readFile(path.join(dir, EXPORT_FILES.manifest), 'utf8'), stat(dir)]);
    const manifest = ZManifestSummary.parse(JSON.parse(raw));
    if (manifest.tenantId !== tenantId) return null;
    await Promise.all([stat(path.join(dir, EXPORT_FILES.jsonl)), stat(path.join(dir, EXPORT_FILES.csv))]);
    return { manifest, writtenAt: folder.mtime };
  } catch {
    return null;
  }
}

/**
 * The caller's own past audit exports, newest first. Durable: the list comes from the audit
 * trail's `audit.export-request` events whose actor is the caller (they outlive the BullMQ job,
 * which is kept 24 hours, and the chain proves who asked for what), joined with the signed
 * manifest on disk for what was produced. Nobody sees another member's exports here.
 */
export async function listAuditExports(tx: TenantTx, tenantId: string, actor: TActor, raw: z.input<typeof ZListAuditExportsInput> = {}): Promise<TAuditExportListItem[]> {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in person has exports to list.');
  const { limit } = ZListAuditExportsInput.parse(raw);
  const requests = await tx.auditEvent.findMany({
    where: { action: 'audit.export-request', actorId: actorId(actor), targetType: 'audit_export', tombstonedAt: null },
    orderBy: { seq: 'desc' },
    take: limit,
    select: { targetId: true, occurredAt: true, data: true },
  });
  const items: TAuditExportListItem[] = [];
  for (const request of requests) {
    const exportId = request.targetId;
    if (!exportId || !z.uuid().safeParse(exportId).success) continue;
    const data = (request.data ?? {}) as { from?: string | null; to?: string | null };
    const range = { from: data.from ?? null, to: data.to ?? null };
    const onDisk = await readManifest(tenantId, exportId);
    if (onDisk) {
      items.push({
        exportId,
        requestedAt: request.occurredAt,
        range,
        state: 'done',
        count: onDisk.manifest.count,
        firstSeq: onDisk.manifest.range.firstSeq,
        lastSeq: onDisk.manifest.range.lastSeq,
        expiresAt: new Date(onDisk.writtenAt.getTime() + AUDIT_EXPORT_FILES_DAYS * DAY_MS),
        links: EXPORT_FILE_NAMES.map((file) => {
          const link = signExportLink({ tenantId, exportId, userId: actor.userId, file });
          return { file, url: link.url, expires: link.expires };
        }),
      });
      continue;
    }
    const expiresAt = new Date(request.occurredAt.getTime() + AUDIT_EXPORT_FILES_DAYS * DAY_MS);
    const job = await getQueue('audit').getJob(`audit-export-${exportId}`);
    const jobState = job && (job.data as { tenantId?: string }).tenantId === tenantId ? await job.getState() : null;
    const state: TAuditExportListItem['state'] =
      jobState === 'failed' ? 'failed'
      : jobState === 'active' ? 'running'
      : jobState && jobState !== 'completed' && jobState !== 'unknown' ? 'queued'
      : expiresAt.getTime() <= Date.now() || jobState === 'completed' ? 'expired'
      : 'missing';
    items.push({ exportId, requestedAt: request.occurredAt, range, state, count: null, firstSeq: null, lastSeq: null, expiresAt, links: [] });
  }
  return items;
}
