import { describe, expect, it } from 'vitest';
import { isIpAllowed, isIpInList, parseCidr, resolveClientIp } from './client-ip';

describe('IP lists', () => {
  it('matches IPv4 and IPv6 ranges and bare addresses', () => {
    expect(isIpInList('10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(isIpInList('11.1.2.3', ['10.0.0.0/8'])).toBe(false);
    expect(isIpInList('2001:db8::1', ['2001:db8::/32'])).toBe(true);
    expect(isIpInList('2001:db9::1', ['2001:db8::/32'])).toBe(false);
    expect(isIpInList('192.0.2.7', ['192.0.2.7'])).toBe(true);
    expect(isIpInList('::ffff:192.0.2.7', ['192.0.2.0/24'])).toBe(true);
    expect(isIpInList('not-an-ip', ['0.0.0.0/0'])).toBe(false);
  });

  it('rejects malformed CIDRs', () => {
    expect(() => parseCidr('10.0.0.0/33')).toThrow();
    expect(() => parseCidr('banana')).toThrow();
  });

  it('allows everything when the list is empty and nothing unknown otherwise', () => {
    expect(isIpAllowed('203.0.113.9', [])).toBe(true);
    expect(isIpAllowed(null, ['203.0.113.0/24'])).toBe(false);
  });
});

describe('client address behind proxies', () => {
  it('ignores X-Forwarded-For from an untrusted peer (spoofing)', () => {
    expect(resolveClientIp({ peerIp: '203.0.113.5', forwardedFor: '10.0.0.1', trustedProxies: ['10.0.0.0/8'] })).toBe('203.0.113.5');
  });

  it('believes hops added by trusted proxies, right to left', () => {
    expect(
      resolveClientIp({ peerIp: '10.0.0.2', forwardedFor: '1.1.1.1, 198.51.100.7, 10.0.0.9', trustedProxies: ['10.0.0.0/8'] }),
    ).toBe('198.51.100.7');
  });

  it('never trusts forwarded headers when no proxy is configured', () => {
    expect(resolveClientIp({ peerIp: '::1', forwardedFor: '198.51.100.7', trustedProxies: [] })).toBe('::1');
  });
});
