import { checkIssuerUrl, discoveryUrl, sealSsoClientSecret, ssoAllowsLoopbackHttp } from '@vouch/auth';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { assertPublicHost } from '../security/assert-public-host';

export const ZConfigureSsoInput = z.object({
  issuer: z.string().trim().min(1).max(500),
  clientId: z.string().trim().min(1).max(255),
  /** Write-only: omitted keeps the stored secret (only while the issuer stays the same). */
  clientSecret: z.string().min(1).max(2000).optional(),
  enabled: z.boolean(),
});

export const ZTestSsoInput = z.object({ issuer: z.string().trim().min(1).max(500).optional() });

/** A connection as the console sees it: never the secret, only whether one is stored. */
export interface TSsoConnectionSummary {
  issuer: string;
  clientId: string;
  enabled: boolean;
  secretSet: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface TSsoDiscovery {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

export interface TSsoOptions {
  /** Defaults to the console's own rule (plain http only on a loopback console). */
  allowLoopbackHttp?: boolean;
  /** Check `/.well-known/openid-configuration` before enabling (default true). */
  verifyDiscovery?: boolean;
  discoveryTimeoutMs?: number;
}

const SELECT = { issuer: true, clientId: true, enabled: true, createdAt: true, updatedAt: true } as const;

function normalizedIssuer(raw: string, options: TSsoOptions): string {
  const checked = checkIssuerUrl(raw, options.allowLoopbackHttp === undefined ? undefined : { allowLoopbackHttp: options.allowLoopbackHttp });
  if (!checked.ok) throw new AppError('BAD_REQUEST', checked.reason);
  return checked.issuer;
}

/**
 * Fetches the provider's discovery document, with a timeout and without following redirects,
 * and checks it names this issuer and the endpoints the sign-in flow needs.
 */
export async function discoverSsoIssuer(rawIssuer: string, options: TSsoOptions = {}): Promise<TSsoDiscovery> {
  const issuer = normalizedIssuer(rawIssuer, options);
  const url = discoveryUrl(issuer);
  // The issuer is admin-supplied: it must not point into our own network (SSRF). Loopback is
  // admitted only where the issuer check already allows loopback http (local development).
  await assertPublicHost(new URL(url), { allowLoopback: options.allowLoopbackHttp ?? ssoAllowsLoopbackHttp() });
  const timeoutMs = options.discoveryTimeoutMs ?? 5000;
  let body: unknown;
  try {
    const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) throw new AppError('BAD_REQUEST', `The identity provider answered ${response.status} for ${url}; check the issuer URL.`);
    body = await response.json();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new AppError(
      'BAD_REQUEST',
      timedOut
        ? `The identity provider did not answer within ${Math.round(timeoutMs / 1000)} s at ${url}.`
        : `Could not read the identity provider's discovery document at ${url}; check the issuer URL.`,
    );
  }
  const parsed = z
    .object({ issuer: z.string(), authorization_endpoint: z.url(), token_endpoint: z.url(), jwks_uri: z.url() })
    .safeParse(body);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `The discovery document at ${url} is not a valid OpenID Connect configuration.`);
  if (parsed.data.issuer.replace(/\/+$/, '') !== issuer) {
    throw new AppError('BAD_REQUEST', `The provider calls itself ${parsed.data.issuer}, not ${issuer}; use exactly its issuer URL.`);
  }
  return {
    issuer: parsed.data.issuer,
    authorizationEndpoint: parsed.data.authorization_endpoint,
    tokenEndpoint: parsed.data.token_endpoint,
    jwksUri: parsed.data.jwks_uri,
  };
}

export async function getSsoConnection(tx: TenantTx, tenantId: string): Promise<TSsoConnectionSummary | null> {
  const row = await tx.ssoConnection.findUnique({ where: { tenantId }, select: SELECT });
  return row ? { ...row, secretSet: true } : null;
}

/** Throws unless the tenant has an enabled SSO connection (password sign-in may then be turned off). */
export async function assertSsoReplacesPasswords(tx: TenantTx, tenantId: string): Promise<void> {
  const connection = await tx.ssoConnection.findFirst({ where: { tenantId, enabled: true }, select: { id: true } });
  if (!connection) {
    throw new AppError('BAD_REQUEST', 'Configure and enable single sign-on (SSO) first; without it nobody could sign in.');
  }
}

async function assertPasswordsStillAllowed(tx: TenantTx, tenantId: string, what: string): Promise<void> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { passwordLoginEnabled: true } });
  if (!tenant.passwordLoginEnabled) {
    throw new AppError('BAD_REQUEST', `Turn password sign-in back on before you ${what}; otherwise nobody could sign in.`);
  }
}

function audited(summary: { issuer: string; clientId: string; enabled: boolean } | null) {
  return summary ? { issuer: summary.issuer, clientId: summary.clientId, enabled: summary.enabled } : null;
}

/**
 * Creates or changes the tenant's OIDC connection. The client secret is sealed under the
 * tenant's key (context `sso:<tenantId>`), never returned and never audited. A changed issuer
 * needs the secret again: otherwise anyone able to edit settings could point the connection
 * at a server of their own and collect the real provider's secret at the next sign-in.
 */
export async function configureSsoConnection(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZConfigureSsoInput>,
  options: TSsoOptions = {},
): Promise<TSsoConnectionSummary> {
  const input = ZConfigureSsoInput.parse(rawInput);
  const issuer = normalizedIssuer(input.issuer, options);
  const before = await tx.ssoConnection.findUnique({ where: { tenantId }, select: SELECT });
  if (!input.clientSecret && !before) throw new AppError('BAD_REQUEST', 'Enter the client secret from your identity provider.');
  if (!input.clientSecret && before && before.issuer !== issuer) {
    throw new AppError('BAD_REQUEST', 'The issuer changed: enter the client secret again.');
  }
  if (before?.enabled && !input.enabled) await assertPasswordsStillAllowed(tx, tenantId, 'turning off SSO');
  if (input.enabled && options.verifyDiscovery !== false) await discoverSsoIssuer(issuer, options);

  const sealed = input.clientSecret ? { clientSecretSealed: sealSsoClientSecret(tenantId, input.clientSecret) } : {};
  const createdBy = actor.type === 'user' ? actor.userId : null;
  const after = await tx.ssoConnection.upsert({
    where: { tenantId },
    create: { tenantId, issuer, clientId: input.clientId, enabled: input.enabled, createdBy, clientSecretSealed: sealed.clientSecretSealed ?? '' },
    update: { issuer, clientId: input.clientId, enabled: input.enabled, updatedAt: new Date(), ...sealed },
    select: SELECT,
  });
  await record(tx, tenantId, actor, {
    action: 'sso.configure',
    targetType: 'sso_connection',
    targetId: tenantId,
    data: { before: audited(before), after: audited(after), secretReplaced: Boolean(input.clientSecret) },
  });
  return { ...after, secretSet: true };
}

/** Removes the connection; refused while password sign-in is off (that would lock everyone out). */
export async function deleteSsoConnection(tx: TenantTx, tenantId: string, actor: TActor): Promise<void> {
  const before = await tx.ssoConnection.findUnique({ where: { tenantId }, select: SELECT });
  if (!before) throw new AppError('NOT_FOUND', 'This workspace has no SSO connection.');
  await assertPasswordsStillAllowed(tx, tenantId, 'removing SSO');
  await tx.ssoConnection.delete({ where: { tenantId } });
  await record(tx, tenantId, actor, {
    action: 'sso.delete',
    targetType: 'sso_connection',
    targetId: tenantId,
    data: { before: audited(before), after: null },
  });
}

/** "Test connection": the discovery check for a typed issuer, or else the saved one. */
export async function testSsoConnection(
  tx: TenantTx,
  tenantId: string,
  rawInput: z.input<typeof ZTestSsoInput>,
  options: TSsoOptions = {},
): Promise<TSsoDiscovery> {
  const input = ZTestSsoInput.parse(rawInput);
  const issuer = input.issuer ?? (await tx.ssoConnection.findUnique({ where: { tenantId }, select: { issuer: true } }))?.issuer;
  if (!issuer) throw new AppError('BAD_REQUEST', 'Enter the issuer URL to test.');
  return discoverSsoIssuer(issuer, options);
}
