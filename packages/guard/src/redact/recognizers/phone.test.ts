import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEntities, planDetection } from '../detect';
import { scorePhoneShape, scorePhoneShapeReference } from './phone';

describe('PHONE shape score', () => {
  it('equals the regex definition on random phone-like strings', () => {
    const pieces = fc.constantFrom('0', '1', '2', '5', '9', '00', '+', '(', ')', '(+', ') ', ' (', ' ', '  ', '-', '.', '/', '\u00a0', '\t', '555', '0151', '2345678', '49', '30', ',', '\u2003', '\n', '2024', '12', '3', '0132', '415', '1234');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }).map((p) => p.join('')), (raw) => {
        expect(scorePhoneShape(raw), JSON.stringify(raw)).toBe(scorePhoneShapeReference(raw));
      }),
      { numRuns: 20000, seed: 20261128 },
    );
    for (const raw of ['+49 30 1234567', '(415) 555-0132', '415.555.0132', '0044 20 7946 0958', '0151 2345678', '12.03.1985', '192.168.0.1', '(0)30 123456', '123 (456) 7890',
      '415-555-0132', '415 555 0132', '415.555.0132', '415.555-0132', '115-555-0132', '415-555-01321', '(415)555-0132', '(415)\u00a0555\u00a00132',
      '(415) 555 0132', '(415)  555-0132', '(415) 555-013', '(415) 555-01325', '(415)555-01325', '0151-234567', '(0151) 234567', '(01512345678', '12,5', '1234567,89', '1.2.3.4',
      '1.2.3.4567', '1/2/2024', '2024-03-12', '12.3.45', '12345.06.2024', '+1 415 555 0132', '(+49) 30 123456', '00 49 30 1234567',
      '0049301234567', '( 1234567', '(\u20031234567', '1234567 (', '12-- 34567', '12 34 56 78 90 12 34 56']) {
      expect(scorePhoneShape(raw), raw).toBe(scorePhoneShapeReference(raw));
    }
    // '(' before every code point up to U+3000 and U+FEFF (white space or not).
    for (let c = 0; c <= 0x3000; c++) {
      const raw = `(${String.fromCharCode(c)}1234567)`;
      expect(scorePhoneShape(raw), JSON.stringify(raw)).toBe(scorePhoneShapeReference(raw));
    }
    expect(scorePhoneShape('(\ufeff1234567)')).toBe(scorePhoneShapeReference('(\ufeff1234567)'));
  });
});

describe('PHONE call verbs and parenthesised numbers', () => {
  const phones = (text: string): string[] =>
    detectEntities(text, planDetection({}))
      .filter((d) => d.type === 'PHONE')
      .map((d) => text.slice(d.start, d.end));

  it.each([
    ['Por favor, llámenme al 912 345 678 esta tarde.', '912 345 678'],
    ['Liguem-me para 213 456 789 depois das 18h.', '213 456 789'],
    ['Bitte rufen Sie 030 1234 567 an.', '030 1234 567'],
    ['Reach me any time (+44 20 7946 0321), thanks.', '+44 20 7946 0321'],
    ['my numbr is 07911 223344', '07911 223344'],
    ['Meine neue Nummer ist 89 12 34 56.', '89 12 34 56'],
  ])('finds the number in %j', (text, expected) => {
    expect(phones(text)).toEqual([expected]);
  });

  it.each(['Bestellung Nr. 302-5581920 ist nicht da.', 'Bestellung Nummer 89 12 34 56 fehlt.', 'Pedido 912 345 678 enviado ayer.', 'La versión (1.2.3) llame a soporte.'])(
    'leaves %j without a phone',
    (text) => {
      expect(phones(text)).toEqual([]);
    },
  );
});
