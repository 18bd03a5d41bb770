import { createHash } from 'node:crypto';
import type { TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import { record } from '../audit';
import type { TCrawledPage } from './crawl-website';
import { uploadSource, type TUploadedVersion } from './upload-source';

/**
 * Turns crawled pages into sources, one per URL. A page seen before becomes a new version only
 * when its content changed; an unchanged page is left alone, so a re-crawl does not flood review.
 */
export async function importCrawledPages(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  pages: TCrawledPage[],
  onBehalfOf: string | null,
): Promise<{ created: TUploadedVersion[]; unchanged: string[] }> {
  const created: TUploadedVersion[] = [];
  const unchanged: string[] = [];
  for (const page of pages) {
    const bytes = Buffer.from(page.html);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const previous = await tx.sourceVersion.findFirst({ where: { fileName: page.url }, orderBy: { createdAt: 'desc' } });
    if (previous?.contentSha256 === sha256) {
      unchanged.push(page.url);
      continue;
    }
    created.push(
      await uploadSource(tx, tenantId, actor, {
        sourceId: previous?.sourceId ?? null,
        name: page.title.slice(0, 200),
        fileName: page.url.slice(0, 255),
        contentBase64: bytes.toString('base64'),
        mimeType: 'text/html',
        sourceType: 'website',
        uploadedBy: onBehalfOf,
      }),
    );
  }
  await record(tx, tenantId, actor, {
    action: 'knowledge.crawl-import',
    targetType: 'tenant',
    targetId: tenantId,
    data: { pages: pages.length, newVersions: created.length, unchanged: unchanged.length, onBehalfOf },
  });
  return { created, unchanged };
}
