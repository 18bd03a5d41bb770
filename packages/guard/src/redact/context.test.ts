import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasContextWord, hasContextWordBefore, NEGATIVE_CONTEXT, readContextWindow, scoreWithContext } from './context';

/** The plain definition the fast backward reader must agree with. */
function referenceWindow(text: string, position: number, count: number): string {
  const tokens = text.slice(Math.max(0, position - count * 24), position).toLowerCase().match(/[\p{L}\p{N}]+|#/gu) ?? [];
  return ` ${tokens.slice(-count).join(' ')} `;
}

const pieces = fc.constantFrom('order', 'Card', ' ', '  ', '#', '##', '12', 'x9', '.', '. ', '\n', '-', 'É', 'ß', 'İ', 'café', 'DOB', ':', 'ref#4');

describe('context windows', () => {
  it('reads the same tokens as the regex definition', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), fc.nat(), fc.integer({ min: 1, max: 6 }), (text, at, count) => {
        const position = text.length === 0 ? 0 : at % (text.length + 1);
        expect(readContextWindow(text, position, count)).toBe(referenceWindow(text, position, count));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds single words and phrases as the plain window search does', () => {
    const words = ['ssn', 'social security number', 'security number', 'id card', 'carte d identité'];
    const words2 = fc.constantFrom('my', 'social', 'security', 'number', 'id', 'card', 'carte', "d'", 'identité', 'SSN', 'ssn2', '#');
    fc.assert(
      fc.property(fc.array(words2, { maxLength: 8 }).map((p) => p.join(' ')), (text) => {
        expect(hasContextWordBefore(text, text.length, 5, words)).toBe(hasContextWord(readContextWindow(text, text.length, 5), words));
      }),
      { numRuns: 1000 },
    );
    expect(hasContextWordBefore('my social security number', 25, 5, words)).toBe(true);
    expect(hasContextWordBefore('my security social number', 25, 5, words)).toBe(false);
    expect(hasContextWordBefore("Carte d'identité", 16, 5, words)).toBe(true);
  });

  it('answers as the plain window search at any position, window and floor (the in-place reader)', () => {
    // Real lists (with '#', phrases, non-ASCII words) and a list whose words hash alike or end phrases.
    const lists = [
      NEGATIVE_CONTEXT,
      ['phone', 'tel', 'número', 'téléphone', 'call me', 'reach', 'straße'],
      ['ssn', 'social security number', 'security number', 'number', 'carte d identité'],
      ['#', 'no', 'order no', 'référence'],
    ];
    const tokens = fc.constantFrom('Order', 'ORDER', 'order', 'ord', 'orders', 'no', 'No.', 'number', 'Security', 'social', 'SSN', 'ssn1', '#', '##', 'ref#', 'Tel',
      'tel:', 'phone', 'Phone', 'call', 'me', 'reach', 'v', 'V2', 'número', 'NÚMERO', 'Téléphone', 'TÉLÉPHONE', 'STRASSE', 'Straße', 'référence', 'Référence',
      'carte', "d'", 'identité', 'IDENTITÉ', 'x', '12', ' ', '  ', '.', '. ', '\n', '-', ',', ':', '–', '—', '’', '€', '°', '×', 'ª', '²', 'İ', 'ß', 'ẞ', 'Σ',
      'ς', 'ﬁ', '😀', 'Ǆ', 'µ', '\u00a0', '\u2028');
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 14 }).map((p) => p.join(' ')), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.nat(3), (text, at, low, count, which) => {
        const position = at % (text.length + 1);
        const floor = low % (position + 1);
        const words = lists[which]!;
        const window = text.slice(Math.max(0, floor, position - count * 24), position).toLowerCase().match(/[\p{L}\p{N}]+|#/gu) ?? [];
        const expected = hasContextWord(` ${window.slice(-count).join(' ')} `, words);
        expect(hasContextWordBefore(text, position, count, words, floor), JSON.stringify([text, position, count, floor, which])).toBe(expected);
      }),
      { numRuns: 4000, seed: 20261128 },
    );
  });

  it('binds negative words to their own sentence', () => {
    const rule = { negative: true };
    expect(scoreWithContext('order 0151 2345678', 6, 0.6, rule)).toBe(0.15);
    expect(scoreWithContext('Order 123. Tel 0151 2345678', 15, 0.6, rule)).toBe(0.6);
    expect(scoreWithContext('Order 123\nTel 0151 2345678', 14, 0.6, rule)).toBe(0.6);
  });
});
