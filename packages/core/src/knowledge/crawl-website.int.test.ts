import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { createTenant } from '../tenant/create-tenant';
import { crawlWebsite } from './crawl-website';
import { importCrawledPages } from './import-crawled-pages';

const pages: Record<string, string> = {
  '/help/': '<html><head><title>Help center</title></head><body><a href="returns">Returns</a> <a href="/help/private/secret">Secret</a> <a href="/other/page">Other</a> <a href="https://external.example/">External</a> <a href="deep1#top">Deep</a> <a href="/help/manual.pdf">PDF</a></body></html>',
  '/help/returns': '<html><head><title>Returns</title></head><body><h1>Returns</h1><p>Return items within 30 days.</p></body></html>',
  '/help/private/secret': '<html><body>Internal only</body></html>',
  '/other/page': '<html><body>Outside the help center</body></html>',
  '/help/deep1': '<html><body><a href="/help/deep2">next</a></body></html>',
  '/help/deep2': '<html><body><a href="/help/deep3">next</a></body></html>',
  '/help/deep3': '<html><body>Too deep</body></html>',
};
const requested: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /help/private\n');
    } else if (req.url === '/help/manual.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    } else if (req.url && pages[req.url]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[req.url]);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  delete process.env.VOUCH_CRAWL_ALLOW_PRIVATE;
  await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
});

describe('website crawl', () => {
  it('refuses private and loopback addresses unless explicitly allowed (no SSRF)', async () => {
    delete process.env.VOUCH_CRAWL_ALLOW_PRIVATE;
    await expect(crawlWebsite({ startUrl: `${base}/help/` })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/loopback/) });
    expect(requested).toEqual([]);
  });

  it('stays on the site and under the path, honours robots.txt, depth and content type', async () => {
    process.env.VOUCH_CRAWL_ALLOW_PRIVATE = '1';
    const result = await crawlWebsite({ startUrl: `${base}/help/`, maxDepth: 2 });
    expect(result.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(['/help/', '/help/deep1', '/help/deep2', '/help/returns']);
    expect(result.pages.find((p) => p.url.endsWith('/returns'))?.title).toBe('Returns');
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { url: `${base}/help/private/secret`, reason: 'disallowed by robots.txt' },
        { url: `${base}/help/manual.pdf`, reason: 'not HTML (application/pdf)' },
      ]),
    );
    expect(requested).not.toContain('/help/private/secret');
    expect(requested).not.toContain('/other/page');
    expect(requested).not.toContain('/help/deep3');
  });

  it('imports pages as website sources and re-imports only what changed', async () => {
    process.env.VOUCH_CRAWL_ALLOW_PRIVATE = '1';
    const system = getSystemClient();
    const suffix = randomBytes(3).toString('hex');
    const actor = { type: 'system', name: 'crawl-test' } as const;
    const { tenant } = await system.$transaction((tx) => createTenant(tx, actor, { slug: `crawl-${suffix}`, ownerEmail: `crawl-${suffix}@example.test` }));
    const first = await crawlWebsite({ startUrl: `${base}/help/`, maxDepth: 1 });
    const imported = await withTenant(tenant.id, (tx) => importCrawledPages(tx, tenant.id, actor, first.pages, null));
    expect(imported.created).toHaveLength(first.pages.length);
    const sources = await system.knowledgeSource.findMany({ where: { tenantId: tenant.id } });
    expect(new Set(sources.map((s) => s.type))).toEqual(new Set(['website']));

    const again = await withTenant(tenant.id, (tx) => importCrawledPages(tx, tenant.id, actor, first.pages, null));
    expect(again.created).toHaveLength(0);
    expect(again.unchanged).toHaveLength(first.pages.length);

    pages['/help/returns'] = '<html><head><title>Returns</title></head><body><h1>Returns</h1><p>Return items within 60 days.</p></body></html>';
    const second = await crawlWebsite({ startUrl: `${base}/help/`, maxDepth: 1 });
    const changed = await withTenant(tenant.id, (tx) => importCrawledPages(tx, tenant.id, actor, second.pages, null));
    expect(changed.created).toHaveLength(1);
    expect(changed.created[0]!.version).toBe(2);
  });
});
