import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTranscript } from '../../../bench/redaction/transcript';
import { detectPersonsByPlainTokens, lexiconTokensForTest, personLexiconRecognizer } from './person-lexicon';

/**
 * The fast tokeniser (table per code unit, hashing only tokens whose length and first two letters are those of a
 * flagged word) against the plain per-token definition: the same tokens, flags, marked tokens and detections.
 */
const WORDS = [
  // names in every case, ambiguous names, cues, anchors, relatives, their near shapes, filler and place words
  'mark', 'Mark', 'MARK', 'mann', 'mama', 'nora', 'Nora', 'nome', 'nom', 'not', 'now', 'name', 'named', 'its', 'is', 'in', 'im',
  'it', 'm', "I'm", 'i’m', '9im', 'called', 'caller', 'Caller:', 'cardholder:', 'Cardholder', 'wife', 'will', 'Will', 'with',
  'my', 'My', 'sister', 'son', 'sun', 'mom', 'Dana', 'dana', 'jordan', 'Jordan', 'JORDAN', 'mcleod', 'McLeod', 'O’Brien',
  'Smith-Jones', 'smith-jones', 'Grace', 'grace', 'Hughes', 'Road', 'Via', 'Dante', 'the', 'and', 'refund', 'Thanks', 'ok',
  'Émile', 'émile', 'Zoë', 'mãe', 'Mãe', 'irmã', 'hermana', 'Ich', 'heiße', 'Klaus', 'İrem', 'Ölçek', 'Иван', 'ivan',
  'on behalf of', 'intestato a', 'mi', 'marido', 'llamo', 'chamo', 'Meine', 'Tochter', 'x', 'Q', '42', 'a1b2',
];
const GAPS = [' ', ' ', ' ', '  ', ', ', '. ', '\n', ': ', '-', "'", '’', ' — ', '!', '\t', '@', '/', '😀', '“', ''];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS), fc.option(fc.string({ maxLength: 3 }), { freq: 8 })), { maxLength: 400 })
  .map((parts) => parts.map(([word, gap, noise]) => word + gap + (noise ?? '')).join(''));

function expectSame(text: string): void {
  expect(lexiconTokensForTest(text, false)).toEqual(lexiconTokensForTest(text, true));
  expect(personLexiconRecognizer.detect(text)).toEqual(detectPersonsByPlainTokens(text));
}

describe('person lexicon fast tokeniser', () => {
  it('equals the plain per-token definition on random texts of names, cues, capitals and lower case', () => {
    fc.assert(fc.property(textArb, (text) => expectSame(text)), { numRuns: Number(process.env.LEXICON_TOKENIZE_RUNS ?? 2000) });
  });

  it('equals the plain definition on long texts (a joined random text and the bench transcript)', () => {
    const pieces = fc.sample(textArb, { numRuns: 60, seed: 7 });
    expectSame(pieces.join('\n'));
    const { text } = generateTranscript(200_000);
    const fast = personLexiconRecognizer.detect(text);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(detectPersonsByPlainTokens(text));
    expectSame(text);
  });
});
