import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors';

/**
 * Refuses a URL whose host resolves to a private, loopback, link-local or otherwise non-public
 * address. Tenant admins choose crawl start URLs and SSO issuers, and neither may become a way
 * to reach our own network (SSRF). `allowLoopback` admits loopback only (local development).
 */
export async function assertPublicHost(url: URL, options: { allowPrivate?: boolean; allowLoopback?: boolean } = {}): Promise<void> {
  if (options.allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new AppError('BAD_REQUEST', `Cannot resolve ${url.hostname}.`);
  for (const address of addresses) {
    const range = ipaddr.process(address).range();
    if (range === 'unicast' || (range === 'loopback' && options.allowLoopback)) continue;
    throw new AppError('BAD_REQUEST', `${url.hostname} resolves to a ${range} address; only public hosts are allowed.`);
  }
}
