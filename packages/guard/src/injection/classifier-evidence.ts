import { wordWeight } from './classifier';

/** The words that pushed the classifier towards "injection" most: a readable hint for reviewers. */
export function extractTopSignalWords(scanText: string, limit = 3): string[] {
  const words = new Set(scanText.match(/[\p{L}\p{N}']+/gu) ?? []);
  return [...words]
    .map((word) => ({ word, weight: wordWeight(word) }))
    .filter((entry) => entry.weight > 0)
    .sort((left, right) => right.weight - left.weight || left.word.localeCompare(right.word))
    .slice(0, limit)
    .map((entry) => entry.word);
}
