import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';

export const ZReviewInput = z.object({
  versionId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(2000).nullish(),
});

/**
 * Four eyes on knowledge: a reviewer other than the uploader approves or rejects an indexed
 * version. A quarantined version can be approved only with a written note (the reviewer has
 * read why the guard stopped it). Approval makes it the serving version of its source.
 */
export async function reviewSourceVersion(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZReviewInput>,
): Promise<{ versionId: string; status: 'approved' | 'rejected' }> {
  const input = ZReviewInput.parse(rawInput);
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', 'Only a person can review knowledge.');
  // Row lock: two reviewers deciding at once must not both win.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM source_versions WHERE id = ${input.versionId}::uuid FOR UPDATE`;
  if (!locked[0]) throw new AppError('NOT_FOUND', 'No such source version.');
  const version = await tx.sourceVersion.findUniqueOrThrow({ where: { id: input.versionId } });
  if (version.uploadedBy === actor.userId) {
    throw new AppError('FORBIDDEN', 'You cannot review a version you uploaded; another reviewer must.');
  }
  if (version.ingestStatus !== 'indexed') {
    throw new AppError('CONFLICT', 'This version is not indexed yet; review it once ingestion has finished.');
  }
  if (!['pending_review', 'quarantined'].includes(version.status)) {
    throw new AppError('CONFLICT', `This version is ${version.status.replace('_', ' ')}; only versions awaiting review can be decided.`);
  }
  if (version.status === 'quarantined' && input.decision === 'approve' && !input.note) {
    throw new AppError('BAD_REQUEST', 'Approving a quarantined version needs a note saying why it is safe.');
  }
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  await tx.sourceVersion.update({
    where: { id: version.id },
    data: { status, reviewedBy: actor.userId, reviewedAt: new Date(), reviewNote: input.note ?? null },
  });
  const hasApproved = await tx.sourceVersion.count({ where: { sourceId: version.sourceId, status: 'approved' } });
  await tx.knowledgeSource.update({
    where: { id: version.sourceId },
    data: { status: hasApproved > 0 ? 'approved' : status, updatedAt: new Date() },
  });
  await record(tx, tenantId, actor, {
    action: input.decision === 'approve' ? 'knowledge.approve' : 'knowledge.reject',
    targetType: 'source_version',
    targetId: version.id,
    data: { sourceId: version.sourceId, version: version.version, before: version.status, after: status, note: input.note ?? null },
  });
  return { versionId: version.id, status };
}
