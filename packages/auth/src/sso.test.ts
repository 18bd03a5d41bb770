import { describe, expect, it } from 'vitest';
import { checkIssuerUrl, createSsoProvider, idpAssertedMfa, ssoAllowsLoopbackHttp, tenantSlugOfSsoProvider } from './sso';

describe('checkIssuerUrl', () => {
  const local = { allowLoopbackHttp: true };
  const deployed = { allowLoopbackHttp: false };

  it('accepts https and normalises the trailing slash', () => {
    expect(checkIssuerUrl('https://login.example.com/tenant/', deployed)).toEqual({ ok: true, issuer: 'https://login.example.com/tenant' });
  });

  it('accepts plain http on loopback only, and only for a loopback console', () => {
    expect(checkIssuerUrl('http://127.0.0.1:3990', local)).toEqual({ ok: true, issuer: 'http://127.0.0.1:3990' });
    expect(checkIssuerUrl('http://localhost:3990', local).ok).toBe(true);
    expect(checkIssuerUrl('http://127.0.0.1:3990', deployed).ok).toBe(false);
    expect(checkIssuerUrl('http://10.0.0.5', local).ok).toBe(false);
    expect(checkIssuerUrl('http://127.0.0.1.evil.example', local).ok).toBe(false);
  });

  it('refuses other schemes, credentials, queries and fragments', () => {
    for (const bad of ['ftp://idp.example', 'javascript:alert(1)', 'https://u:p@idp.example', 'https://idp.example/?x=1', 'https://idp.example/#f', 'not a url']) {
      expect(checkIssuerUrl(bad, local).ok, bad).toBe(false);
    }
  });

  it('judges the console by NEXTAUTH_URL', () => {
    expect(ssoAllowsLoopbackHttp('http://localhost:3000')).toBe(true);
    expect(ssoAllowsLoopbackHttp('https://console.example.com')).toBe(false);
    expect(ssoAllowsLoopbackHttp('')).toBe(false);
    expect(ssoAllowsLoopbackHttp('not a url')).toBe(false);
  });
});

describe('idpAssertedMfa', () => {
  it('counts mfa, otp and hardware keys, nothing else', () => {
    expect(idpAssertedMfa(['pwd', 'otp'])).toBe(true);
    expect(idpAssertedMfa(['mfa'])).toBe(true);
    expect(idpAssertedMfa(['hwk'])).toBe(true);
    expect(idpAssertedMfa(['pwd'])).toBe(false);
    expect(idpAssertedMfa('mfa')).toBe(false);
    expect(idpAssertedMfa(undefined)).toBe(false);
  });
});

describe('SSO provider ids', () => {
  it('maps sso-<slug> to the slug and refuses anything else', () => {
    expect(tenantSlugOfSsoProvider('sso-acme')).toBe('acme');
    expect(tenantSlugOfSsoProvider('credentials')).toBeNull();
    expect(tenantSlugOfSsoProvider('sso-../x')).toBeNull();
    expect(tenantSlugOfSsoProvider('sso-ACME')).toBeNull();
  });

  it('runs the code flow with PKCE, state and nonce and reads the ID token', () => {
    const provider = createSsoProvider({ tenantId: 't', tenantSlug: 'acme', issuer: 'https://idp.example', clientId: 'c', clientSecret: 's' });
    expect(provider).toMatchObject({ id: 'sso-acme', type: 'oauth', idToken: true, checks: ['pkce', 'state', 'nonce'], wellKnown: 'https://idp.example/.well-known/openid-configuration' });
  });
});
