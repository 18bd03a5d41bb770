import type { TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';

const STUCK_AFTER_MS = 10 * 60_000;

/** Puts a failed or stuck version back in line for ingestion; indexed versions are left alone. */
export async function requestReingestion(tx: TenantTx, tenantId: string, actor: TActor, versionId: string): Promise<{ versionId: string }> {
  const version = await tx.sourceVersion.findUnique({ where: { id: versionId }, include: { upload: true } });
  if (!version) throw new AppError('NOT_FOUND', 'No such source version.');
  if (!version.upload?.contentSealed) throw new AppError('CONFLICT', 'The original upload is gone; upload the file again.');
  const stuck = ['queued', 'processing'].includes(version.ingestStatus) && Date.now() - version.createdAt.getTime() > STUCK_AFTER_MS;
  if (version.ingestStatus !== 'failed' && !stuck) {
    throw new AppError('CONFLICT', version.ingestStatus === 'indexed' ? 'This version is already indexed.' : 'This version is still being ingested.');
  }
  await tx.sourceVersion.update({ where: { id: versionId }, data: { ingestStatus: 'queued', ingestError: null, ingestProgress: 0 } });
  await record(tx, tenantId, actor, { action: 'knowledge.reingest', targetType: 'source_version', targetId: versionId, data: { before: version.ingestStatus } });
  return { versionId };
}
