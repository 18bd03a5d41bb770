import { getAppClient } from '@vouch/db';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { z } from 'zod';
import { deriveKey, openSecret, readMasterKey, sealSecret } from './keys';
import { withUser } from './sessions';

/**
 * Single sign-on through a tenant's own OpenID Connect provider. Each tenant has at most one
 * connection (issuer, client id, client secret sealed under the tenant's key). next-auth runs
 * the authorization-code flow with PKCE, state and nonce against it, as provider `sso-<slug>`.
 */
export const SSO_PROVIDER_PREFIX = 'sso-';

export function ssoProviderId(tenantSlug: string): string {
  return `${SSO_PROVIDER_PREFIX}${tenantSlug}`;
}

/** The tenant slug of an `sso-<slug>` provider id, or null for any other provider. */
export function tenantSlugOfSsoProvider(providerId: string | null | undefined): string | null {
  if (!providerId?.startsWith(SSO_PROVIDER_PREFIX)) return null;
  const slug = providerId.slice(SSO_PROVIDER_PREFIX.length);
  return /^[a-z0-9][a-z0-9-]{1,62}$/.test(slug) ? slug : null;
}

// ---------------------------------------------------------------------------------------------
// Client secret sealing: the tenant's secrets key, bound to this tenant's SSO connection.

function ssoSecretContext(tenantId: string): string {
  return `sso:${tenantId}`;
}

export function sealSsoClientSecret(tenantId: string, clientSecret: string): string {
  return sealSecret(clientSecret, deriveKey(readMasterKey(), 'tenant-secrets', tenantId), ssoSecretContext(tenantId));
}

export function openSsoClientSecret(tenantId: string, sealed: string): string {
  return openSecret(sealed, deriveKey(readMasterKey(), 'tenant-secrets', tenantId), ssoSecretContext(tenantId));
}

// ---------------------------------------------------------------------------------------------
// Issuer URLs.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Plain-http issuers are accepted only on loopback, and only while the console itself is
 * served from loopback (a developer machine or the test suite, judged by NEXTAUTH_URL). A
 * deployed console talks to identity providers over https only.
 */
export function ssoAllowsLoopbackHttp(consoleUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(consoleUrl ?? '').hostname);
  } catch {
    return false;
  }
}

/** The normalised issuer (no trailing slash, no query or fragment), or a reason it is refused. */
export function checkIssuerUrl(
  raw: string,
  options: { allowLoopbackHttp: boolean } = { allowLoopbackHttp: ssoAllowsLoopbackHttp() },
): { ok: true; issuer: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'The issuer must be a URL such as https://login.example.com.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'The issuer URL must not contain a user name or password.' };
  if (url.search || url.hash) return { ok: false, reason: 'The issuer URL must not have a query or fragment.' };
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && options.allowLoopbackHttp)) {
    return {
      ok: false,
      reason: loopback
        ? 'Plain http is accepted only on a local development console; use https.'
        : 'The issuer must use https.',
    };
  }
  return { ok: true, issuer: url.toString().replace(/\/+$/, '') };
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

// ---------------------------------------------------------------------------------------------
// MFA asserted by the identity provider (RFC 8176 authentication method references).

/** `amr` values that mean the provider used more than a password. */
export const SSO_MFA_AMR_VALUES = ['mfa', 'otp', 'hwk'] as const;

export function idpAssertedMfa(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((v) => typeof v === 'string' && (SSO_MFA_AMR_VALUES as readonly string[]).includes(v));
}

// ---------------------------------------------------------------------------------------------
// Lookups before a tenant is chosen (definer functions), and SSO sessions.

export interface TSsoSignInConnection {
  tenantId: string;
  tenantSlug: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The enabled connection of a tenant by slug, with its secret opened; null when none. */
export async function findSsoConnectionForSignIn(tenantSlug: string): Promise<TSsoSignInConnection | null> {
  const rows = await getAppClient().$queryRaw<
    { tenant_id: string; tenant_slug: string; issuer: string; client_id: string; client_secret_sealed: string }[]
  >`SELECT tenant_id, tenant_slug, issuer, client_id, client_secret_sealed FROM auth_find_sso_connection(${tenantSlug})`;
  const row = rows[0];
  if (!row) return null;
  return {
    tenantId: row.tenant_id,
    tenantSlug: row.tenant_slug,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: openSsoClientSecret(row.tenant_id, row.client_secret_sealed),
  };
}

export interface TUserSignInPolicy {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  passwordLoginEnabled: boolean;
  ssoEnabled: boolean;
}

/** For each tenant of the user: may members sign in there with a password, and is SSO on. */
export async function listUserSignInPolicies(userId: string): Promise<TUserSignInPolicy[]> {
  const rows = await getAppClient().$queryRaw<
    { tenant_id: string; tenant_slug: string; tenant_name: string; password_login_enabled: boolean; sso_enabled: boolean }[]
  >`SELECT tenant_id, tenant_slug, tenant_name, password_login_enabled, sso_enabled FROM auth_list_user_sign_in_policies(${userId}::uuid)`;
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    tenantSlug: r.tenant_slug,
    tenantName: r.tenant_name,
    passwordLoginEnabled: r.password_login_enabled,
    ssoEnabled: r.sso_enabled,
  }));
}

/** Whether this session proved a second factor (IdP-asserted, a code, or enrolment in it). */
export async function isSessionMfaVerified(userId: string, sessionId: string): Promise<boolean> {
  if (!z.uuid().safeParse(sessionId).success || !z.uuid().safeParse(userId).success) return false;
  const row = await withUser(userId, (tx) => tx.userSession.findFirst({ where: { id: sessionId, userId }, select: { mfaVerifiedAt: true } }));
  return Boolean(row?.mfaVerifiedAt);
}

// ---------------------------------------------------------------------------------------------
// The next-auth provider.

/** The ID token claims next-auth hands to the signIn callback (openid-client validated them). */
export const ZSsoClaims = z.object({
  iss: z.string(),
  sub: z.string().min(1).max(255),
  email: z.string().max(320).optional(),
  email_verified: z.unknown().optional(),
  name: z.string().max(200).optional(),
  amr: z.unknown().optional(),
});
export type TSsoClaims = z.infer<typeof ZSsoClaims>;

/**
 * An OpenID Connect provider for one tenant: discovery from the issuer, the authorization-code
 * flow with PKCE + state + nonce, and the profile taken from the validated ID token (signature,
 * issuer, audience, expiry and nonce are checked by openid-client), not from userinfo.
 */
export function createSsoProvider(connection: TSsoSignInConnection): OAuthConfig<TSsoClaims> {
  return {
    id: ssoProviderId(connection.tenantSlug),
    name: `SSO (${connection.tenantSlug})`,
    type: 'oauth',
    wellKnown: discoveryUrl(connection.issuer),
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    client: { token_endpoint_auth_method: 'client_secret_basic' },
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    httpOptions: { timeout: 5000 },
    profile(claims) {
      return { id: claims.sub, email: claims.email ?? null, name: claims.name ?? null };
    },
  };
}
