import type { TenantTx } from '@vouch/db';
import type { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { ZCrawlOptions } from './crawl-website';

/** The crawl job's payload, as the caller enqueues it after commit. */
export interface TCrawlRequest {
  tenantId: string;
  startUrl: string;
  maxDepth: number;
  maxPages: number;
  pathPrefix: string | null;
  requestedBy: string | null;
}

/** Records who asked for a website crawl (an audit event) and returns the job payload. */
export async function requestCrawl(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZCrawlOptions>): Promise<TCrawlRequest> {
  const options = ZCrawlOptions.parse(rawInput);
  const request: TCrawlRequest = {
    tenantId,
    startUrl: options.startUrl,
    maxDepth: options.maxDepth,
    maxPages: options.maxPages,
    pathPrefix: options.pathPrefix ?? null,
    requestedBy: actor.type === 'user' ? actor.userId : null,
  };
  await record(tx, tenantId, actor, {
    action: 'knowledge.crawl-request',
    targetType: 'website',
    targetId: new URL(options.startUrl).origin,
    data: { startUrl: options.startUrl, maxDepth: options.maxDepth, maxPages: options.maxPages, pathPrefix: request.pathPrefix },
  });
  return request;
}
