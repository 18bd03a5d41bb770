import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasKnownCardPrefix, isIbanValid, isIpv4Valid, isIpv6Valid, isLuhnValid, isSpanishDniValid, isUsSsnValid, measureShannonEntropy } from './validators';

describe('isLuhnValid', () => {
  it.each(['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '4000056655665556'])('accepts test PAN %s', (pan) => {
    expect(isLuhnValid(pan)).toBe(true);
  });
  it.each(['4111111111111112', '1234567812345678', '0000000000000001', '41111111111111a1'])('rejects %s', (pan) => {
    expect(isLuhnValid(pan)).toBe(false);
  });
  it('knows issuer prefixes', () => {
    expect(hasKnownCardPrefix('4111111111111111')).toBe(true);
    expect(hasKnownCardPrefix('2221000000000009')).toBe(true);
    expect(hasKnownCardPrefix('9400100000000000')).toBe(false);
  });
});

describe('isIbanValid', () => {
  it.each(['DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'ES9121000418450200051332'])('accepts %s', (iban) => {
    expect(isIbanValid(iban)).toBe(true);
  });
  it.each(['DE89370400440532013001', 'DE8937040044053201300', 'XX89370400440532013000', 'GB82WEST1234569876543'])('rejects %s', (iban) => {
    expect(isIbanValid(iban)).toBe(false);
  });
});

describe('isUsSsnValid', () => {
  it('applies SSA ranges', () => {
    expect(isUsSsnValid('123', '45', '6789')).toBe(true);
    expect(isUsSsnValid('000', '45', '6789')).toBe(false);
    expect(isUsSsnValid('666', '45', '6789')).toBe(false);
    expect(isUsSsnValid('912', '45', '6789')).toBe(false);
    expect(isUsSsnValid('123', '00', '6789')).toBe(false);
    expect(isUsSsnValid('123', '45', '0000')).toBe(false);
  });
});

describe('IP validators', () => {
  it('validates IPv4', () => {
    expect(isIpv4Valid('192.168.1.1')).toBe(true);
    expect(isIpv4Valid('256.1.1.1')).toBe(false);
    expect(isIpv4Valid('01.2.3.4')).toBe(false);
  });
  it('validates IPv6 incl. compression and embedded IPv4', () => {
    expect(isIpv6Valid('2001:db8::1')).toBe(true);
    expect(isIpv6Valid('fe80:0:0:0:200:f8ff:fe21:67cf')).toBe(true);
    expect(isIpv6Valid('::ffff:192.0.2.128')).toBe(true);
    expect(isIpv6Valid('12:30:45')).toBe(false);
    expect(isIpv6Valid('1::2::3')).toBe(false);
  });
});

describe('other validators', () => {
  it('checks the Spanish DNI letter', () => {
    expect(isSpanishDniValid('12345678Z')).toBe(true);
    expect(isSpanishDniValid('12345678A')).toBe(false);
  });
  it('measures entropy', () => {
    expect(measureShannonEntropy('aaaaaaaa')).toBe(0);
    expect(measureShannonEntropy('Zx8Kq2Lm9Pw4Rt7Yv1Bn3Hj6')).toBeGreaterThan(4);
  });
  it('measures ASCII text exactly like the per-character Map sum (the fast path)', () => {
    const reference = (value: string): number => {
      const counts = new Map<string, number>();
      for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      let entropy = 0;
      for (const count of counts.values()) entropy -= (count / value.length) * Math.log2(count / value.length);
      return entropy;
    };
    const text = fc.array(fc.constantFrom('a', 'B', '7', '+', '_', '=', '.', 'é', '😀', 'Zq9Xw8'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(measureShannonEntropy(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
    // Counts past the memo of per-count terms (64) and long key-block lines.
    for (const value of ['a'.repeat(100) + 'b'.repeat(70) + 'c', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'.repeat(7), 'Zq9Xw8'.repeat(40) + '+/=']) {
      expect(measureShannonEntropy(value), value).toBe(reference(value));
    }
  });
});
