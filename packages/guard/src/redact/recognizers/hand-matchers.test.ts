import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIpv4Valid } from '../validators';
import { IPV4, isIpv4ValidAt, matchIpv4At } from './ip-address';
import { matchSsnAt, SSN_PATTERN } from './us-ssn';

/**
 * The hand-written matchers against the regexes they replace: at every position of every corpus text and of
 * random texts built from the characters those regexes look at (digits, every separator, the look-arounds'
 * punctuation, capitals, non-ASCII letters and numbers, surrogate pairs, CR/LF), a matcher returns exactly
 * where the regex's sticky twin ends its match there, or -1 where it has none. Starting positions are the
 * recognisers' business (prefilter.test.ts checks detect = the global-regex reference path).
 */

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '../../../corpora/pii');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(corpusDir, f), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { text: string }).text);

type TMatcher = (text: string, start: number) => number;

const sticky = (regex: RegExp): RegExp => new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);

/** Positions where the regex disagrees with the matcher (none expected), as [position, regex end, matcher end]. */
function disagreements(text: string, regex: RegExp, matcher: TMatcher): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    // A u-flag regex does not start inside a surrogate pair; no recogniser starts there either.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
    regex.lastIndex = i;
    const m = regex.exec(text);
    const expected = m ? m.index + m[0].length : -1;
    const actual = matcher(text, i);
    if (actual !== expected) out.push([i, expected, actual]);
  }
  return out;
}

/** The pieces the digit-shaped regexes react to, and their look-arounds' neighbours. */
const PIECES = [
  '0', '1', '2', '4', '5', '9', '00', '12', '123', '255', '256', '666', '900', '0000', '1234', '12345', '123456789', '4111',
  ' ', ' ', '-', '.', ',', '/', '(', ')', '+', '\u00A0', '_', '#', '@', ':', '$', '€', '£', '\n', '\r\n', '\t', '%',
  'a', 'x', 'Z', 'DE', 'GB', 'AB', 'IT', 'DE89', 'é', 'ß', 'α', '²', '٣', '𝟙', '𝐀', '😀', '\uD800', '\uDC00', 'Ⅻ',
  '123-45-6789', '123 45 6789', '078-05-1120', '192.168.0.1', '10.0.0', '.1', '4111 1111 1111 1111', '4111-1111-1111-1111',
  '+49 ', '+1 (415) 555-0132', '(030) ', '0044 ', '555-0132', '212.555.0199', '00 ', '(+',
  'DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'GB82WEST12345698765432', ' 00', ' 0',
  // Ids: NIN letters (allowed and not), codice fiscale, DNI/NIE, id tokens and spaced groups.
  'QQ', 'AB', 'DQ', 'ZO', 'AO', 'U', 'X', 'Y', 'C', 'D', 'E', 'O', 'RSSMRA', '85', 'T', '10', 'A562S', 'RSSMRA85T10A562S', '12345678Z', 'X1234567L',
  '1234567-X', 'QQ 12 34 56 C', 'QQ123456C', 'AB1234567', 'ABC12345', 'ABCD1234', '12 345 678 901', '1.234.567.890', '12345678901234567',
];

const textArbitrary = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

function expectMatcherEqualsRegex(regex: RegExp, matcher: TMatcher, runs = 3000): void {
  const at = sticky(regex);
  for (const text of corpus) expect(disagreements(text, at, matcher), JSON.stringify(text)).toEqual([]);
  fc.assert(
    fc.property(textArbitrary, (text) => {
      expect(disagreements(text, at, matcher), JSON.stringify(text)).toEqual([]);
    }),
    { numRuns: runs, seed: 20261128 },
  );
}

/**
 * Every prefix of `text` (so each shape is also cut at every point, where the text's end stands in for the next
 * character: a matcher reading past the end gets NaN, which must fail like a non-matching character), and the
 * text followed by a space and by a letter.
 */
function expectPrefixesAgree(text: string, regex: RegExp, matcher: TMatcher): void {
  const at = sticky(regex);
  for (let n = 1; n <= text.length; n++) expect(disagreements(text.slice(0, n), at, matcher), text.slice(0, n)).toEqual([]);
  for (const variant of [`${text} `, `${text}x`, `x ${text}`]) expect(disagreements(variant, at, matcher), variant).toEqual([]);
}

describe('hand-written matchers equal their regexes at every position', () => {
  it('US SSN', { timeout: 60_000 }, () => {
    expectMatcherEqualsRegex(SSN_PATTERN, matchSsnAt);
    // Shapes one by one: each look-around and the repeated separator.
    for (const text of ['123-45-6789', '123 45 6789', '123456789', '123-45 6789', '123-45-67890', '123-45-6789-', '123-45-6789 1', '123-45-6789.1', '123-45-6789,1', 'a123-45-6789', '#123-45-6789', '1234-56-7890', '123-45-6789²', '123-45-6789𝐀', '𝟙123-45-6789']) {
      expectPrefixesAgree(text, SSN_PATTERN, matchSsnAt);
    }
  });

  it('IPv4, and its validity read in place', { timeout: 60_000 }, () => {
    expectMatcherEqualsRegex(IPV4, matchIpv4At);
    for (const text of ['1.2.3.4', '1.2.3.4567', '1234.1.1.1', '1.2.3.4.5', '1.2.3.4.', '1.2.3.4-', '1.2.3.4_', '1.2.3.4a', '1.2.3.4²', '-1.2.3.4', '.1.2.3.4', '1.2.3', '01.2.3.4']) {
      expectPrefixesAgree(text, IPV4, matchIpv4At);
    }
    const group = fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('0', '00', '01', '000', '010', '255', '256', '099'));
    fc.assert(
      fc.property(fc.tuple(group, group, group, group), fc.constantFrom('', 'ip ', 'x '), (groups, before) => {
        const quad = groups.join('.');
        expect(isIpv4ValidAt(before + quad, before.length, before.length + quad.length), quad).toBe(isIpv4Valid(quad));
      }),
      { numRuns: 20_000, seed: 20261128 },
    );
  });
});
