import { describe, expect, it } from 'vitest';
import { extractRawNgrams, hashFeature, toFeatureIndices } from './features';

describe('hashed n-gram features', () => {
  it('ignores numbers and the percent sign of an amount, so amounts teach the model nothing', () => {
    const groups = ['words'] as const;
    const withAmounts = toFeatureIndices(extractRawNgrams('only 19% off', groups), groups, 1 << 18);
    const without = toFeatureIndices(extractRawNgrams('only 19 off', groups), groups, 1 << 18);
    expect(withAmounts).toEqual(without);
    // A percent sign that is not part of an amount stays (template placeholders, URL encodings).
    expect(toFeatureIndices(extractRawNgrams('a %s b', groups), groups, 1 << 18)).toContain(hashFeature('w:%', 1 << 18));
  });

  it('builds whole-text character 4-grams across word boundaries only when asked', () => {
    expect(extractRawNgrams('ignore all', ['words']).textChars).toHaveLength(0);
    const grams = extractRawNgrams('ignore all', ['textChars']).textChars;
    expect(grams).toContain(hashFeature('t:re a', 2 ** 32));
    expect(extractRawNgrams('ignore all', ['textChars']).words).toHaveLength(0);
  });
});
