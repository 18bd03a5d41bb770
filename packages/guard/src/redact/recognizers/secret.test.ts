import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTokenTraits, readTokenTraitsReference } from './secret';

describe('SECRET token traits', () => {
  it('reads hex, digit-only and word shapes, long mixed segments and character classes as the definitions do', () => {
    const pieces = fc.constantFrom(
      'a', 'f', 'g', 'z', 'A', 'F', 'G', 'Z', '0', '9', '-', '_', '.', '+', '/', '=', '~', 'é', 'ab', '12', 'deadbeef', 'Hello', '--', '._',
      // Segments around the 16-character mark, one class or two.
      'abcdefghijklmno', 'ABCDEFGHIJKLMNOP', '123456789012345', 'aB3dE5fG7hJ9kL2', 'q9x8w7v6u5t4s3r', 'QQQQWWWWEEEERRR',
    );
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 24 }).map((p) => p.join('')), (token) => {
        expect(readTokenTraits(token), token).toBe(readTokenTraitsReference(token));
      }),
      { numRuns: 20000, seed: 20261128 },
    );
    for (const token of [
      '72e8da436943280de0ce379638576656a800d255', '1234567890', 'Screenshot_report.final', '-abc', 'abc-', 'a--b', 'a-b_c.d',
      'aB3dE5fG7hJ9kL2mN4pQ6rS8', 'B2OrTIpBjai0MF+GjewN2ZQn5Z83L5gIjDnE068emjMWx7QWi00FMfPr+ug9HB5H', 'aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaa1',
      'abcdefghijklmnop-1234567890123456', 'x/aB3dE5fG7hJ9kL2m=', 'aaaaaaaaaaaaaaa~1',
    ]) {
      expect(readTokenTraits(token), token).toBe(readTokenTraitsReference(token));
    }
  });
});
