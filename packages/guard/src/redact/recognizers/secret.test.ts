import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTokenShape, readTokenShapeReference } from './secret';

describe('SECRET token shape', () => {
  it('reads hex, digit-only and word shapes as the regex definitions do', () => {
    const pieces = fc.constantFrom('a', 'f', 'g', 'z', 'A', 'F', 'G', 'Z', '0', '9', '-', '_', '.', '+', '/', '=', 'ab', '12', 'deadbeef', 'Hello', '--', '._');
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 20 }).map((p) => p.join('')), (token) => {
        expect(readTokenShape(token), token).toBe(readTokenShapeReference(token));
      }),
      { numRuns: 20000, seed: 20261128 },
    );
    for (const token of ['72e8da436943280de0ce379638576656a800d255', '1234567890', 'Screenshot_report.final', '-abc', 'abc-', 'a--b', 'a-b_c.d', 'aB3dE5fG7hJ9kL2mN4pQ6rS8']) {
      expect(readTokenShape(token), token).toBe(readTokenShapeReference(token));
    }
  });
});
