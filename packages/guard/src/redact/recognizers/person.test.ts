import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanText } from '../prefilter';
import { findNameCandidates, findNameCandidatesAt, hasTriggerBefore, hasTriggerBeforeReference, personRecognizer } from './person';

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

  it('finds the same name candidates at the scan\'s name starts as at every position', () => {
    const pieces = fc.constantFrom(
      'Hi', 'hi', 'Dear', 'Mr.', 'Mme', 'Sig.ra', "I'm", 'I’m', 'my name is', 'Name:', 'Thanks,', 'Merci', 'Grüße', 'Anna', 'Ünal', 'Éva', 'Łukasz', 'Ωmega',
      'van', 'de', 'la', 'zu', 'Dyke', 'der', 'delivered', 'lol', ' ', '  ', '\t', '\n', ',', ', ', ':', '-', '—', '–', '~', '.', '!', '12', 'x', 'é', '😀', '𝐀bc',
      'İpek', 'ß', 'the', 'order', 'A', 'Z', 'v', 'd',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }).map((p) => p.join('')), (text) => {
        expect(findNameCandidatesAt(text, scanText(text).nameStarts), JSON.stringify(text)).toEqual(findNameCandidates(text));
      }),
      { numRuns: 4000, seed: 20261128 },
    );
  });

  it('finds the same names on the fast path as on the reference path when tabs and particles join the words', () => {
    const texts = ['Hi\tAnna,', 'Dear\tMr.\tSmith,', 'Thanks,\nAnna\tMaria Schmidt', 'my name is\tAnna van\tDyke', 'Hi van\t Dyke,', 'Name:\tJosé\t\tda Silva'];
    for (const text of texts) {
      const fast = personRecognizer.detect(text);
      expect(fast, text).toEqual(personRecognizer.detectExhaustively!(text));
      expect(fast.length, text).toBeGreaterThan(0);
    }
  });
});
