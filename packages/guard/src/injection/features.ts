/**
 * Hashed n-gram features shared by the runtime classifier and `scripts/train-injection.ts`;
 * both sides must produce identical indices, so this file is the single definition.
 */

/** 2^16 buckets: collisions cost a little accuracy, but keep `model.json` small. */
export const FEATURE_DIMENSIONS = 1 << 16;

const MAX_WORD_LENGTH_FOR_CHAR_GRAMS = 24;
const CHAR_GRAM_SIZES = [3, 4, 5] as const;

/** FNV-1a, 32-bit: tiny, deterministic and good enough for feature hashing. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < feature.length; index += 1) {
    hash ^= feature.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % FEATURE_DIMENSIONS;
}

/**
 * Sorted unique feature indices of a scan copy: word unigrams and bigrams for phrasing,
 * character 3–5-grams inside words for morphology (other languages, inflections, typos).
 */
export function extractFeatureIndices(scanText: string): number[] {
  const words = scanText.match(/[\p{L}\p{N}']+|[<>[\]{}|#=+$%]/gu) ?? [];
  const indices = new Set<number>();
  for (let position = 0; position < words.length; position += 1) {
    const word = words[position] ?? '';
    // Numbers (amounts, order ids) say nothing about intent and only teach the model coincidences.
    if (/^\d+$/.test(word)) continue;
    indices.add(hashFeature(`w:${word}`));
    const next = words[position + 1];
    if (next !== undefined) indices.add(hashFeature(`b:${word} ${next}`));
    if (word.length > MAX_WORD_LENGTH_FOR_CHAR_GRAMS) continue;
    const padded = ` ${word} `;
    for (const size of CHAR_GRAM_SIZES) {
      for (let start = 0; start + size <= padded.length; start += 1) indices.add(hashFeature(`c:${padded.slice(start, start + size)}`));
    }
  }
  return [...indices].sort((left, right) => left - right);
}
