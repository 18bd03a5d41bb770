import { getAppClient } from '@vouch/db';
import { z } from 'zod';

/** Widget keys are `pk_live_…` or `pk_test_…` followed by base64url (so `-` and `_` occur). */
export const ZWidgetKey = z.string().regex(/^pk_(?:live|test)_[A-Za-z0-9_-]{16,80}$/, 'This chat\u2019s agent key is not valid.');

export interface TWidgetDeployment {
  tenantId: string;
  agentId: string;
  environment: 'staging' | 'production';
  allowedOrigins: string[];
}

// Every widget request resolves its key first; a short in-process cache saves that database
// round trip on all but the first request of a burst. Changes (allowed origins) reach other
// processes within CACHE_MS; this process drops its entry at once (forgetWidgetKey).
const CACHE_MS = 5_000;
const CACHE_MAX = 5_000;
const cache = new Map<string, { value: TWidgetDeployment | null; expires: number }>();

/** Drops a key from this process's cache (after its allowed origins changed). */
export function forgetWidgetKey(key: string): void {
  cache.delete(key);
}

/**
 * Resolves a public widget key through its definer function (no tenant is known yet). Unknown
 * and malformed keys both return null; the caller answers them alike.
 */
export async function resolveWidgetKey(key: string): Promise<TWidgetDeployment | null> {
  if (!ZWidgetKey.safeParse(key).success) return null;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = await lookUpWidgetKey(key);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, { value, expires: now + CACHE_MS });
  return value;
}

async function lookUpWidgetKey(key: string): Promise<TWidgetDeployment | null> {
  const rows = await getAppClient().$queryRaw<
    { tenant_id: string; agent_id: string; environment: 'staging' | 'production'; allowed_origins: string[] }[]
  >`SELECT tenant_id, agent_id, environment, allowed_origins FROM widget_resolve_key(${key})`;
  const row = rows[0];
  if (!row) return null;
  return { tenantId: row.tenant_id, agentId: row.agent_id, environment: row.environment, allowedOrigins: row.allowed_origins };
}

/** The production widget key of a tenant's default agent, for the chat app's demo host page. */
export async function findDemoWidgetKey(tenantSlug: string): Promise<string | null> {
  const rows = await getAppClient().$queryRaw<{ key: string | null }[]>`SELECT widget_demo_key(${tenantSlug}) AS key`;
  return rows[0]?.key ?? null;
}
