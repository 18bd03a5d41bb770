import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTenant, ingestSourceVersion, requestKnowledgeReindex, reviewSourceVersion, searchKnowledge, uploadSource, type TActor } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { getSystemClient } from '@vouch/db/system';
import { enqueue, getQueue } from '@vouch/jobs';
import { useTestWorkers } from '../testing';

const system = getSystemClient();
// Fixture transactions get room to finish on a loaded machine (Prisma's default is 5 s).
const SLOW = { timeout: 30_000, maxWait: 30_000 };
const { events } = useTestWorkers({ queue: 'knowledge', concurrency: 2 });
let site: Server;
let siteUrl = '';

beforeAll(async () => {
  site = createServer((req, res) => {
    const pages: Record<string, string> = {
      '/robots.txt': 'User-agent: *\nAllow: /',
      '/docs/': '<html><head><title>Docs</title></head><body><h1>Docs</h1><p>Start here.</p><a href="/docs/a">A</a> <a href="/docs/b">B</a></body></html>',
      '/docs/a': '<html><head><title>A</title></head><body><h1>Returns</h1><p>Returns are free within thirty days.</p></body></html>',
      '/docs/b': '<html><head><title>B</title></head><body><h1>Shipping</h1><p>Parcels ship within two days.</p></body></html>',
    };
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': req.url === '/robots.txt' ? 'text/plain' : 'text/html' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
});

async function tenantWithPeople() {
  const suffix = randomBytes(3).toString('hex');
  const actor = { type: 'system', name: 'worker-kb-test' } as const;
  const { tenant, owner } = await system.$transaction((tx) => createTenant(tx, actor, { slug: `wkb-${suffix}`, ownerEmail: `wkb-${suffix}@example.test` }), SLOW);
  const checker = await system.$transaction((tx) => addMember(tx, tenant.id, actor, { email: `wkb-rev-${suffix}@example.test`, roles: ['knowledge_reviewer'] }), SLOW);
  const ownerActor: TActor = { type: 'user', userId: owner.user.id, tenantId: tenant.id, roles: ['owner'] };
  const reviewer: TActor = { type: 'user', userId: checker.user.id, tenantId: tenant.id, roles: checker.roles };
  return { tenantId: tenant.id, ownerActor, reviewer };
}

function progressOf(jobId: string) {
  const seen: unknown[] = [];
  const listener = ({ jobId: id, data }: { jobId: string; data: unknown }) => {
    if (id === jobId) seen.push(data);
  };
  events.on('progress', listener);
  return { seen, stop: () => events.off('progress', listener) };
}

describe('knowledge worker', () => {
  it('re-embeds a tenant through the queue with progress, and search keeps working on the new vectors', async () => {
    const { tenantId, ownerActor, reviewer } = await tenantWithPeople();
    const text = `# Returns\n\n${Array.from({ length: 30 }, (_, i) => `## Bay ${i}\n\nParcels for bay ${i} are accepted on weekdays.`).join('\n\n')}`;
    const { versionId } = await withTenant(tenantId, (tx) => uploadSource(tx, tenantId, ownerActor, { fileName: 'returns.md', contentBase64: Buffer.from(text).toString('base64') }));
    await ingestSourceVersion(tenantId, versionId);
    await withTenant(tenantId, (tx) => reviewSourceVersion(tx, tenantId, reviewer, { versionId, decision: 'approve' }));
    await withTenant(tenantId, (tx) => requestKnowledgeReindex(tx, tenantId, ownerActor, { embedder: { provider: 'offline', model: 'hash-lemma-v1', dimensions: 1024 }, textSearchConfig: 'simple' }));

    const jobId = `reembed-${tenantId}-test`;
    const progress = progressOf(jobId);
    await enqueue('knowledge.reembed-tenant', { tenantId }, { jobId });
    const result = await (await getQueue('knowledge').getJob(jobId))!.waitUntilFinished(events, 60_000);
    progress.stop();
    expect(result).toMatchObject({ switched: true, embedder: 'offline:hash-lemma-v1:1024', textSearchConfig: 'simple' });
    expect(progress.seen.at(-1)).toMatchObject({ percent: 100 });
    const dims = await system.$queryRaw<{ d: number }[]>`SELECT DISTINCT vector_dims(embedding) AS d FROM chunks WHERE tenant_id = ${tenantId}::uuid`;
    expect(dims).toEqual([{ d: 1024 }]);
    const hits = await withTenant(tenantId, (tx) => searchKnowledge(tx, { query: 'parcels bay 7 weekdays' }));
    expect(hits[0]).toMatchObject({ content: expect.stringContaining('bay 7') });
    expect(hits[0]!.vectorRank).not.toBeNull();
  });

  it('crawls a site with progress and queues ingestion of each page', async () => {
    process.env.VOUCH_CRAWL_ALLOW_PRIVATE = '1';
    try {
      const { tenantId, ownerActor } = await tenantWithPeople();
      const jobId = `crawl-${tenantId}`;
      const progress = progressOf(jobId);
      await enqueue(
        'knowledge.crawl-website',
        { tenantId, startUrl: `${siteUrl}/docs/`, maxDepth: 1, maxPages: 10, pathPrefix: null, requestedBy: (ownerActor as { userId: string }).userId },
        { jobId },
      );
      const result = await (await getQueue('knowledge').getJob(jobId))!.waitUntilFinished(events, 60_000);
      progress.stop();
      expect(result).toMatchObject({ pages: 3, newVersions: 3 });
      const percents = progress.seen.map((p) => (p as { percent: number }).percent);
      expect(percents.length).toBeGreaterThanOrEqual(3);
      expect([...percents].sort((x, y) => x - y)).toEqual(percents);
      const versions = await system.sourceVersion.findMany({ where: { tenantId } });
      expect(versions).toHaveLength(3);
      for (const v of versions) expect(await getQueue('knowledge').getJob(`ingest-${v.id}`)).toBeDefined();
    } finally {
      delete process.env.VOUCH_CRAWL_ALLOW_PRIVATE;
    }
  });
});
