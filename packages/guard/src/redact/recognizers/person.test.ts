import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTriggerBefore, hasTriggerBeforeReference } from './person';

describe('PERSON trigger lookup', () => {
  it('answers as the string definition (previous word, lower-cased, in the trigger tails) at every position', () => {
    const pieces = fc.constantFrom(
      'Hi', 'HI', 'hi', 'Dear', 'Mr.', 'MR', 'Mme', 'Sig.ra', 'dott.ssa', "I'm", 'I’m', 'i’M', "je m'appelle", 'm’appelle', 'chamo-me', 'Name:', 'NAME',
      'Grüße', 'GRÜSSE', 'grüße', 'Señora', 'SEÑORA', 'Olá', 'OLÁ', 'Chère', 'cara', 'is', 'this is', 'it’s', 'Thanks,', 'Merci', 'Anna', 'Ünal', 'van',
      ' ', '  ', '\t', '\n', ',', '.', ':', '-', '—', '~', '!', '12', 'ª', 'µ', 'İ', 'ß', 'ẞ', 'Σ', 'Ω', 'ﬁ', '😀', 'x', 'é', 'É', "'", '’',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')), (text) => {
        for (let position = 0; position <= text.length; position++) {
          expect(hasTriggerBefore(text, position), JSON.stringify([text, position])).toBe(hasTriggerBeforeReference(text, position));
        }
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    expect(hasTriggerBefore('Hi Anna', 3)).toBe(true);
    expect(hasTriggerBefore('Sehr geehrte FRAU Müller', 18)).toBe(true);
    expect(hasTriggerBefore('Viele GRÜSSE,\nAnna', 14)).toBe(true);
    expect(hasTriggerBefore('the Anna', 4)).toBe(false);
  });
});
