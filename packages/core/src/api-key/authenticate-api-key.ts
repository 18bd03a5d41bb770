import { isPermission, type TPermission } from '@vouch/auth';
import { getAppClient } from '@vouch/db';
import { parseApiKey, secretMatches } from './api-key-format';

export interface TAuthenticatedApiKey {
  apiKeyId: string;
  tenantId: string;
  scopes: TPermission[];
}

/**
 * Resolves a presented key through the sign-in definer function (no tenant is known yet).
 * Unknown, malformed, revoked and expired keys all return null: the caller answers 401 alike.
 */
export async function authenticateApiKey(presented: string, now = new Date()): Promise<TAuthenticatedApiKey | null> {
  const parsed = parseApiKey(presented);
  if (!parsed) return null;
  const rows = await getAppClient().$queryRaw<
    { id: string; tenant_id: string; key_hash: string; scopes: string[]; expires_at: Date | null; revoked_at: Date | null }[]
  >`SELECT id, tenant_id, key_hash, scopes, expires_at, revoked_at FROM auth_find_api_key(${parsed.prefix})`;
  const row = rows[0];
  if (!row || !secretMatches(parsed.secret, row.key_hash)) return null;
  if (row.revoked_at || (row.expires_at && row.expires_at <= now)) return null;
  return { apiKeyId: row.id, tenantId: row.tenant_id, scopes: row.scopes.filter(isPermission) };
}
