import { createHash } from 'node:crypto';
import type { TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import { record } from '../audit';

/**
 * Demo data only: an article source whose first version is marked approved by the system.
 * Real sources go through review (a member with knowledge.approve who did not upload them).
 */
export async function createSeededArticleSource(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  article: { title: string; content: string },
): Promise<{ sourceId: string; versionId: string }> {
  const source = await tx.knowledgeSource.create({
    data: { tenantId, name: article.title, type: 'article', status: 'approved' },
  });
  const version = await tx.sourceVersion.create({
    data: {
      tenantId,
      sourceId: source.id,
      version: 1,
      status: 'approved',
      contentSha256: createHash('sha256').update(article.content).digest('hex'),
      reviewNote: 'Approved by the demo seed',
      reviewedAt: new Date(),
    },
  });
  await tx.document.create({
    data: { tenantId, sourceVersionId: version.id, title: article.title, content: article.content },
  });
  await record(tx, tenantId, actor, {
    action: 'knowledge.seed-approve',
    targetType: 'knowledge_source',
    targetId: source.id,
    data: { title: article.title, version: 1 },
  });
  return { sourceId: source.id, versionId: version.id };
}
