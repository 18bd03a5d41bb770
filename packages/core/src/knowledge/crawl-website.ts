import robotsParser from 'robots-parser';
import { z } from 'zod';
import { assertPublicHost } from '../security/assert-public-host';

export const ZCrawlOptions = z.object({
  startUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  maxDepth: z.int().min(0).max(5).default(2),
  maxPages: z.int().min(1).max(500).default(50),
  /** Only pages whose path starts with this prefix (default: the start URL's directory). */
  pathPrefix: z.string().startsWith('/').max(500).nullish(),
});
export type TCrawlOptions = z.input<typeof ZCrawlOptions>;

export interface TCrawledPage {
  url: string;
  title: string;
  html: string;
  depth: number;
}

export interface TCrawlResult {
  pages: TCrawledPage[];
  skipped: { url: string; reason: string }[];
}

const USER_AGENT = 'VouchBot/1.0 (+knowledge ingestion)';
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

async function fetchText(url: URL): Promise<{ status: number; type: string; body: string } | null> {
  // A tenant admin chooses the start URL; VOUCH_CRAWL_ALLOW_PRIVATE=1 admits tests and on-premise sites.
  await assertPublicHost(url, { allowPrivate: process.env.VOUCH_CRAWL_ALLOW_PRIVATE === '1' });
  const response = await fetch(url, {
    headers: { 'user-agent': USER_AGENT, accept: 'text/html,text/plain;q=0.8' },
    redirect: 'manual',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  }).catch(() => null);
  if (!response) return null;
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_PAGE_BYTES) return { status: 413, type: '', body: '' };
  const body = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: body.slice(0, MAX_PAGE_BYTES) };
}

function normalizeUrl(raw: string, base: URL): URL | null {
  try {
    const url = new URL(raw, base);
    url.hash = '';
    return ['http:', 'https:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

function extractLinks(html: string, base: URL): URL[] {
  const links: URL[] = [];
  for (const match of html.matchAll(/<a\s[^>]*href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const url = normalizeUrl(match[1] ?? match[2] ?? match[3] ?? '', base);
    if (url) links.push(url);
  }
  return links;
}

function extractTitle(html: string, fallback: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  return title?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() || fallback;
}

/**
 * Breadth-first crawl of one site: same origin only, under the path prefix, up to the depth and
 * page limits, honouring robots.txt for our user agent, HTML pages only, redirects followed only
 * within the same origin.
 */
export async function crawlWebsite(
  rawOptions: TCrawlOptions,
  /** Called after each page fetched, with pages kept so far and the limit (for a progress bar). */
  onPage?: (pages: number, maxPages: number) => Promise<void>,
): Promise<TCrawlResult> {
  const options = ZCrawlOptions.parse(rawOptions);
  const start = new URL(options.startUrl);
  start.hash = '';
  const prefix = options.pathPrefix ?? start.pathname.replace(/[^/]*$/, '');
  const robotsUrl = new URL('/robots.txt', start);
  const robotsResponse = await fetchText(robotsUrl);
  const robots = robotsParser(robotsUrl.toString(), robotsResponse && robotsResponse.status < 400 ? robotsResponse.body : '');

  const pages: TCrawledPage[] = [];
  const skipped: TCrawlResult['skipped'] = [];
  const seen = new Set<string>([start.toString()]);
  const queue: { url: URL; depth: number }[] = [{ url: start, depth: 0 }];
  while (queue.length > 0 && pages.length < options.maxPages) {
    const { url, depth } = queue.shift()!;
    if (robots.isDisallowed(url.toString(), USER_AGENT)) {
      skipped.push({ url: url.toString(), reason: 'disallowed by robots.txt' });
      continue;
    }
    const response = await fetchText(url);
    if (!response) {
      skipped.push({ url: url.toString(), reason: 'unreachable' });
      continue;
    }
    if (response.status >= 300 && response.status < 400) {
      skipped.push({ url: url.toString(), reason: `redirect (${response.status}) not followed` });
      continue;
    }
    if (response.status !== 200) {
      skipped.push({ url: url.toString(), reason: `HTTP ${response.status}` });
      continue;
    }
    if (!/text\/html/i.test(response.type)) {
      skipped.push({ url: url.toString(), reason: `not HTML (${response.type || 'unknown type'})` });
      continue;
    }
    pages.push({ url: url.toString(), title: extractTitle(response.body, url.pathname), html: response.body, depth });
    await onPage?.(pages.length, options.maxPages);
    if (depth >= options.maxDepth) continue;
    for (const link of extractLinks(response.body, url)) {
      if (link.origin !== start.origin || !link.pathname.startsWith(prefix)) continue;
      const key = link.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ url: link, depth: depth + 1 });
    }
  }
  return { pages, skipped };
}
