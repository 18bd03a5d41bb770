import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePhoneShape, scorePhoneShapeReference } from './phone';

describe('PHONE shape score', () => {
  it('equals the regex definition on random phone-like strings', () => {
    const pieces = fc.constantFrom('0', '1', '2', '5', '9', '00', '+', '(', ')', '(+', ') ', ' (', ' ', '  ', '-', '.', '/', '\u00a0', '\t', '555', '0151', '2345678', '49', '30');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }).map((p) => p.join('')), (raw) => {
        expect(scorePhoneShape(raw), JSON.stringify(raw)).toBe(scorePhoneShapeReference(raw));
      }),
      { numRuns: 20000, seed: 20261128 },
    );
    for (const raw of ['+49 30 1234567', '(415) 555-0132', '415.555.0132', '0044 20 7946 0958', '0151 2345678', '12.03.1985', '192.168.0.1', '(0)30 123456', '123 (456) 7890']) {
      expect(scorePhoneShape(raw), raw).toBe(scorePhoneShapeReference(raw));
    }
  });
});
