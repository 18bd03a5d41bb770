/**
 * Hashed n-gram features shared by the runtime classifier and `scripts/train-injection.ts`;
 * both sides must produce identical indices, so this file is the single definition.
 */

/** FNV-1a, 32-bit: tiny, deterministic and good enough for feature hashing. */
export function hashFeatureRaw(feature: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < feature.length; index += 1) {
    hash ^= feature.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const MAX_WORD_LENGTH_FOR_CHAR_GRAMS = 24;
const CHAR_GRAM_SIZES = [3, 4, 5] as const;

/** The kinds of n-grams a model can use (`model.json` names the ones it was trained with). */
export type TNgramGroup = 'words' | 'wordChars' | 'textChars';

/** Raw 32-bit hashes of one text's n-grams per group (training caches these; the runtime maps them into the model's space). */
export type TRawNgrams = Record<TNgramGroup, Uint32Array>;

/**
 * - `words`: word unigrams and bigrams (phrasing);
 * - `wordChars`: character 3–5-grams inside words (morphology, inflections, typos);
 * - `textChars`: character 4-grams over the whole text with spaces collapsed and letters only
 *   (language independent, crosses word boundaries: "yourrules", "ignoreall").
 * Numbers (amounts, order ids, percentages) say nothing about intent and only teach the model coincidences.
 */
export function extractRawNgrams(scanText: string, groups: readonly TNgramGroup[] = ['words', 'wordChars']): TRawNgrams {
  const words = scanText.match(/[\p{L}\p{N}']+|[<>[\]{}|#=+$%]/gu) ?? [];
  const wordSet = new Set<number>();
  const charSet = new Set<number>();
  const textSet = new Set<number>();
  const wantWords = groups.includes('words');
  const wantChars = groups.includes('wordChars');
  for (let position = 0; position < words.length; position += 1) {
    const word = words[position] ?? '';
    if (/^\d+$/.test(word)) continue;
    // "19%" is an amount like "19": its sign says nothing about intent either.
    if (word === '%' && /^\d+$/.test(words[position - 1] ?? '')) continue;
    if (wantWords) {
      wordSet.add(hashFeatureRaw(`w:${word}`));
      const next = words[position + 1];
      if (next !== undefined) wordSet.add(hashFeatureRaw(`b:${word} ${next}`));
    }
    if (!wantChars || word.length > MAX_WORD_LENGTH_FOR_CHAR_GRAMS) continue;
    const padded = ` ${word} `;
    for (const size of CHAR_GRAM_SIZES) {
      for (let start = 0; start + size <= padded.length; start += 1) charSet.add(hashFeatureRaw(`c:${padded.slice(start, start + size)}`));
    }
  }
  if (groups.includes('textChars')) {
    const letters = scanText.replace(/[^\p{L}]+/gu, ' ').trim();
    for (let start = 0; start + 4 <= letters.length; start += 1) textSet.add(hashFeatureRaw(`t:${letters.slice(start, start + 4)}`));
  }
  return { words: Uint32Array.from(wordSet), wordChars: Uint32Array.from(charSet), textChars: Uint32Array.from(textSet) };
}

/** Sorted unique feature indices in a space of `dimensions` buckets. */
export function toFeatureIndices(raw: TRawNgrams, groups: readonly TNgramGroup[], dimensions: number): number[] {
  const indices = new Set<number>();
  for (const group of groups) for (const hash of raw[group]) indices.add(hash % dimensions);
  return [...indices].sort((left, right) => left - right);
}

/** Feature index of a named feature (`w:word`) in a space of `dimensions` buckets. */
export function hashFeature(feature: string, dimensions: number): number {
  return hashFeatureRaw(feature) % dimensions;
}
