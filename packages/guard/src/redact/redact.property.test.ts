import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from './redact';
import { hasKnownCardPrefix, isLuhnValid } from './validators';

function appendLuhnDigit(payload: string): string {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(payload + d)) return payload + d;
  throw new Error('unreachable');
}

const panArbitrary = fc
  .record({
    prefix: fc.constantFrom('4', '51', '55', '2221', '34', '37', '6011', '3530'),
    length: fc.constantFrom(13, 15, 16, 19),
    body: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
  })
  .map(({ prefix, length, body }) => appendLuhnDigit((prefix + body.join('')).slice(0, length - 1)));

const formatArbitrary = fc.constantFrom('plain', 'spaces', 'dashes', 'mixed');
function formatPan(pan: string, style: string): string {
  if (style === 'plain') return pan;
  const groups = pan.match(/.{1,4}/g)!;
  if (style === 'spaces') return groups.join(' ');
  if (style === 'dashes') return groups.join('-');
  return groups.map((g, i) => (i === 0 ? g : (i % 2 ? ' ' : '-') + g)).join('');
}

/** Every run of digits joined by single spaces/dashes, and every window of whole groups, checked for a PAN. */
function findReadablePans(text: string): string[] {
  const found: string[] = [];
  for (const run of text.matchAll(/\d(?:[ -]?\d)*/g)) {
    const groups = run[0].split(/[ -]/);
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        digits += groups[j];
        if (digits.length > 19) break;
        if (digits.length >= 13 && isLuhnValid(digits) && hasKnownCardPrefix(digits)) found.push(digits);
      }
    }
  }
  return found;
}

const noise = fc.string({ unit: fc.constantFrom(...'abc XYZ.,:;!?-#()\n\t€$ßé日本😀'.split('')), maxLength: 40 });

describe('redact properties', () => {
  it('never throws on arbitrary strings, including full unicode and lone surrogates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ maxLength: 300 })), (text) => {
        const result = redact(text);
        expect(typeof result.text).toBe('string');
        for (const e of result.entities) expect(e.start).toBeLessThan(e.end);
      }),
      { numRuns: 400 },
    );
  });

  it('never returns a readable Luhn-valid PAN embedded in random text', () => {
    fc.assert(
      fc.property(noise, panArbitrary, formatArbitrary, noise, fc.constantFrom(' ', '\n', ': ', ' #', '('), (before, pan, style, after, glue) => {
        const text = `${before}${glue}${formatPan(pan, style)} ${after}`;
        const output = redact(text).text;
        expect(findReadablePans(output), `input: ${JSON.stringify(text)}\noutput: ${JSON.stringify(output)}`).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('the PAN check itself catches a PAN (guards against a vacuous property)', () => {
    expect(findReadablePans('x 4111 1111 1111 1111 y')).toEqual(['4111111111111111']);
  });

  it('entity offsets always slice non-empty input text in order', () => {
    fc.assert(
      fc.property(noise, panArbitrary, noise, (a, pan, b) => {
        const text = `${a} mail x.y@example.com card ${pan} ${b}`;
        const { entities } = redact(text);
        let last = 0;
        for (const e of entities) {
          expect(e.start).toBeGreaterThanOrEqual(last);
          expect(e.end).toBeLessThanOrEqual(text.length);
          last = e.end;
        }
      }),
      { numRuns: 200 },
    );
  });
});
