import { type TTextFeatures } from '../prefilter';
import { type TDetection, type TEntityType } from '../types';

/*
 * Recognisers walk their module-level global regexes with `exec` (resetting `lastIndex` first) rather than
 * `matchAll`, which clones the regex and allocates an iterator on every call: measured ~2× faster on short
 * messages. No recogniser re-enters its own regex while iterating it.
 */
export type TRecognizer = {
  type: TEntityType;
  /** Also run on text where spelled-out digits were rewritten to digits (cards, phones, SSNs). */
  readsSpokenDigits?: boolean;
  detect(text: string): TDetection[];
  /**
   * Cheap gate from the single-pass prefilter: false only when `detect` cannot return a candidate
   * scoring at or above `threshold` for this text. Must never be stricter than `detect` itself.
   */
  mayMatch?(features: TTextFeatures, threshold: number, text: string): boolean;
};

/** Builds a case-insensitive source for a literal phrase without the 'i' flag, which would make \p{Lu} match lower case. */
export function caseless(phrase: string): string {
  return phrase
    .split(/(\s+)/)
    .map((part) =>
      /^\s+$/.test(part)
        ? '[ \\t]+'
        : [...part]
            .map((ch) => {
              const lower = ch.toLowerCase();
              const upper = ch.toUpperCase();
              if (lower !== upper) return `[${lower}${upper}]`;
              return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
            })
            .join(''),
    )
    .join('');
}

export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(caseless)
    .join('|');
}

/** Digits only; used for length rules and checksums. */
export function stripToDigits(value: string): string {
  return value.replace(/\D/g, '');
}
