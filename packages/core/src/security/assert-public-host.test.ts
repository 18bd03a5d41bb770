import { describe, expect, it } from 'vitest';
import { assertPublicHost } from './assert-public-host';

describe('assertPublicHost (SSRF guard for crawl URLs and SSO issuers)', () => {
  it('refuses private, link-local (cloud metadata) and loopback addresses', async () => {
    for (const url of ['http://10.0.0.1/', 'http://192.168.1.10/', 'http://169.254.169.254/latest/meta-data', 'http://127.0.0.1:5432/', 'http://[::1]/', 'http://[fd00::1]/']) {
      await expect(assertPublicHost(new URL(url)), url).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('admits public addresses, loopback only when asked, everything when explicitly allowed', async () => {
    await expect(assertPublicHost(new URL('https://8.8.8.8/'))).resolves.toBeUndefined();
    await expect(assertPublicHost(new URL('http://127.0.0.1:3990/'), { allowLoopback: true })).resolves.toBeUndefined();
    await expect(assertPublicHost(new URL('http://10.0.0.1/'), { allowLoopback: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(assertPublicHost(new URL('http://10.0.0.1/'), { allowPrivate: true })).resolves.toBeUndefined();
  });
});
