import { randomUUID } from 'node:crypto';
import type { TenantTx } from '@vouch/db';
import { enqueue, getQueue } from '@vouch/jobs';
import { z } from 'zod';
import { actorId, type TActor } from '../actor';
import { AppError } from '../errors';
import { EXPORT_FILE_NAMES, signExportLink } from './export-download';
import { ZAuditExportRange } from './export-audit-events';
import { recordAuditEvent } from './record-audit-event';

const jobIdOf = (exportId: string) => `audit-export-${exportId}`;

/**
 * Records the request and returns the export id plus the enqueue to run after commit (the job
 * then streams the files into the tenant's export folder and records `audit.export`).
 */
export async function requestAuditExport(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  range: z.input<typeof ZAuditExportRange>,
): Promise<{ exportId: string; enqueue: () => Promise<string> }> {
  const { from, to } = ZAuditExportRange.parse(range);
  const exportId = randomUUID();
  await recordAuditEvent(tx, tenantId, actor, {
    action: 'audit.export-request',
    targetType: 'audit_export',
    targetId: exportId,
    data: { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
  });
  const payload = { tenantId, exportId, requestedBy: actorId(actor), from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
  return { exportId, enqueue: () => enqueue('audit.export-events', payload, { jobId: jobIdOf(exportId) }) };
}

export interface TAuditExportStatus {
  exportId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  exported: number;
  total: number;
  count: number | null;
  /** Signed links for the requester only, each valid for a few minutes. */
  links: { file: string; url: string; expires: number }[];
}

/**
 * The requester's view of their export: progress while it runs, fresh signed links when done.
 * Anyone else (another user, another tenant) gets NOT_FOUND, exactly as for a missing export.
 */
export async function getAuditExportStatus(tenantId: string, actor: TActor, exportId: string): Promise<TAuditExportStatus> {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in person can download an export.');
  const job = z.uuid().safeParse(exportId).success ? await getQueue('audit').getJob(jobIdOf(exportId)) : undefined;
  const data = job?.data as { tenantId?: string; requestedBy?: string } | undefined;
  if (!job || data?.tenantId !== tenantId || data.requestedBy !== actorId(actor)) throw new AppError('NOT_FOUND', 'No such export.');
  const jobState = await job.getState();
  const progress = (typeof job.progress === 'object' && job.progress ? job.progress : {}) as { exported?: number; total?: number };
  const state: TAuditExportStatus['state'] =
    jobState === 'completed' ? 'done' : jobState === 'failed' ? 'failed' : jobState === 'active' ? 'running' : 'queued';
  const result = job.returnvalue as { count?: number } | null;
  return {
    exportId,
    state,
    exported: progress.exported ?? (state === 'done' ? (result?.count ?? 0) : 0),
    total: progress.total ?? (state === 'done' ? (result?.count ?? 0) : 0),
    count: state === 'done' ? (result?.count ?? 0) : null,
    links: state === 'done' ? EXPORT_FILE_NAMES.map((file) => {
      const link = signExportLink({ tenantId, exportId, userId: actor.userId, file });
      return { file, url: link.url, expires: link.expires };
    }) : [],
  };
}
