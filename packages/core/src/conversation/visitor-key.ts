import { createHmac } from 'node:crypto';
import { deriveKey, readMasterKey } from '@vouch/auth';

let digestKey: Buffer | undefined;

/**
 * Keyed digest (HMAC-SHA-256 under a key derived from VOUCH_ENCRYPTION_KEY) for visitor ids and
 * IPs in Redis key names and conversation rows: a plain hash of an IPv4 address is reversed by
 * trying all 2^32 of them.
 */
export function keyedDigest(value: string): string {
  digestKey ??= deriveKey(readMasterKey(), 'tenant-secrets', 'conversation-visitors');
  return createHmac('sha256', digestKey).update(value).digest('hex').slice(0, 32);
}

/** The visitor as stored with a conversation: only this visitor can continue it. */
export function visitorKeyOf(tenantId: string, visitorId: string): string {
  return keyedDigest(`visitor:${tenantId}:${visitorId}`);
}
