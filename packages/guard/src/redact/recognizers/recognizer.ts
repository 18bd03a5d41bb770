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
   * The plain global-regex scan, where `detect` tries its regexes only at candidate starts. Must return
   * exactly what `detect` returns; `prefilter: false` (the tests' reference path) uses it.
   */
  detectExhaustively?(text: string): TDetection[];
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

/**
 * Candidate-anchored matching. `sticky` is the 'y' twin of a global regex; it is tried only at `starts`
 * (ascending), skipping starts inside the previous match, which yields exactly the matches a global scan
 * finds, provided `starts` contains every position where the regex can match. Recognisers derive the
 * starts from a cheap hand-written scan (an '@', a ':', a digit-run start), so on long, mostly benign
 * text the unicode regex with its look-behind runs at a handful of places instead of at every character:
 * that was the measured cost on a 1 MB transcript. Hand-written scanning is deliberate, for speed.
 */
export function execAtStarts(sticky: RegExp, text: string, starts: readonly number[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    matches.push(m);
    end = m.index + Math.max(1, m[0].length);
  }
  return matches;
}

export function toSticky(regex: RegExp): RegExp {
  return new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Whether the code point ending just before `position` is a letter or number (reads a surrogate pair whole). */
export function isLetterOrNumberBefore(text: string, position: number): boolean {
  if (position <= 0) return false;
  const c = text.charCodeAt(position - 1);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xdc00 && c <= 0xdfff && position >= 2) {
    const high = text.charCodeAt(position - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER_OR_NUMBER.test(text.slice(position - 2, position));
  }
  return LETTER_OR_NUMBER.test(text[position - 1]!);
}

let digitRunText: string | null = null;
let digitRunStartsCache: number[] = [];

/**
 * Start of every run of ASCII digits (a digit not preceded by a digit). Dates, street numbers and other
 * number-first patterns can only start there; shared by those recognisers, computed once per text.
 */
export function findDigitRunStarts(text: string): readonly number[] {
  if (text === digitRunText) return digitRunStartsCache;
  const starts: number[] = [];
  let previousIsDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    if (isDigit && !previousIsDigit) starts.push(i);
    previousIsDigit = isDigit;
  }
  digitRunText = text;
  digitRunStartsCache = starts;
  return starts;
}

/** Length of the run of ASCII digits at `start`. */
export function measureDigitRun(text: string, start: number): number {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c < 48 || c > 57) break;
    end++;
  }
  return end - start;
}
