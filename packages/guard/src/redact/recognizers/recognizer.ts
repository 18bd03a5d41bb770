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
   * What `detect(text)` returns that starts in [from, to), where `from` is a line start and `to` a line end
   * (or the text's end). Only for recognisers whose matches never cross a line break; the spelled-digit pass
   * uses it to look at the lines around rewritten runs only.
   */
  detectRange?(text: string, from: number, to: number): TDetection[];
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

/**
 * `text` cut at `to` for a line-local scan: `to` is a line end, so the character after it is '\n' or nothing,
 * which no look-ahead of these recognisers tells apart. Slicing is O(1) in V8, and the regex then stops at
 * the line end instead of searching the rest of a long text for its next match.
 */
export function cutAtLineEnd(text: string, to: number): string {
  return to >= text.length ? text : text.slice(0, to);
}

/**
 * The matches of a recogniser's `global` regex in text[from, to): tried only at `starts()` with its
 * sticky twin when anchored, otherwise by the plain global scan that the equivalence tests use as
 * the reference.
 */
export function matchesInRange(
  text: string,
  from: number,
  to: number,
  anchored: boolean,
  regexes: { global: RegExp; sticky: RegExp },
  starts: () => readonly number[],
): RegExpExecArray[] {
  const scanned = cutAtLineEnd(text, to);
  if (anchored) return execAtStarts(regexes.sticky, scanned, starts());
  const matches: RegExpExecArray[] = [];
  regexes.global.lastIndex = from;
  for (let m = regexes.global.exec(scanned); m; m = regexes.global.exec(scanned)) matches.push(m);
  return matches;
}

export function toSticky(regex: RegExp): RegExp {
  return new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/*
 * Hand-written matchers. SSNs and IPv4 addresses no longer run a regex on the detection path: each has a function
 * that returns where its regex's sticky twin would end a match at a given start (or -1), reading char codes, with
 * these helpers standing in for the regexes' unicode look-arounds (only a non-ASCII neighbour takes a
 * one-character regex test). Speed is the measured reason (README "Redaction benchmark", session 6: about twice
 * as fast per message where their gates open); cards, phones, IBANs and the id shapes keep their regexes, whose
 * hand-written versions measured no faster. `hand-matchers.test.ts` holds every matcher equal to its regex at
 * every position of the corpus and of random texts, and the regexes stay as the reference path
 * (`detectExhaustively`).
 */

export const isAsciiDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Whether the code point starting at `position` is a letter or number, as a u-flag look-ahead reads it (false past the end). */
export function isLetterOrNumberAt(text: string, position: number): boolean {
  if (position >= text.length) return false;
  const c = text.charCodeAt(position);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_NUMBER.test(codePointAt(text, position, c));
}

/** The code point at `position` as a string: a surrogate pair whole, a lone surrogate alone. */
function codePointAt(text: string, position: number, c: number): string {
  if (c >= 0xd800 && c <= 0xdbff && position + 1 < text.length) {
    const low = text.charCodeAt(position + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return text.slice(position, position + 2);
  }
  return text[position]!;
}

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

/**
 * Below this length the digit-shaped recognisers (cards, SSNs, phones, IBANs) scan with their plain global
 * regex: on a short message one scan costs less than finding digit runs and trying sticky twins (measured
 * on the corpus), while on long text anchoring is what keeps them fast. Both return the same matches; the
 * equivalence tests lower this to 0 so the anchored path is exercised on short texts too.
 */
let anchorMinLength = 256;

export function shouldAnchor(text: string): boolean {
  return text.length >= anchorMinLength;
}

/** For tests: the length from which the digit-shaped recognisers anchor (default 256). Returns the previous value. */
export function setAnchorMinLength(length: number): number {
  const previous = anchorMinLength;
  anchorMinLength = length;
  return previous;
}

export type TDigitRuns = { starts: readonly number[]; lengths: readonly number[] };

let digitRunText: string | null = null;
let digitRunsCache: TDigitRuns = { starts: [], lengths: [] };

/**
 * Every run of ASCII digits (start and length), computed once per text and shared by the recognisers whose
 * matches start at or just before a digit run (cards, phones, SSNs, IPv4, IBANs, ids, dates, streets). Each
 * of them tries its sticky regex (or its hand-written matcher) only at the runs that pass a cheap shape test of its own, instead of
 * scanning the whole text with a look-behind regex: on a long transcript most runs are clock times and
 * amounts, and one shared pass replaced eight regex scans (profiled on 1 MB). Hand-written for speed.
 */
export function findDigitRuns(text: string): TDigitRuns {
  if (text === digitRunText) return digitRunsCache;
  digitRunsCache = scanDigitRuns(text, 0, text.length);
  digitRunText = text;
  return digitRunsCache;
}

/**
 * The digit runs starting in [from, to) (a run may end past `to`). The whole text's runs come from the
 * shared cache; a range (the spelled-digit pass's windows) is scanned on its own, not the whole text.
 */
export function findDigitRunsIn(text: string, from: number, to: number): TDigitRuns {
  if (from === 0 && to >= text.length) return findDigitRuns(text);
  return scanDigitRuns(text, from, to);
}

function scanDigitRuns(text: string, from: number, to: number): TDigitRuns {
  const starts: number[] = [];
  const lengths: number[] = [];
  const length = text.length;
  let i = from;
  // A run cut by `from` is not a run start.
  while (i > 0 && i < length && isAsciiDigit(text.charCodeAt(i)) && isAsciiDigit(text.charCodeAt(i - 1))) i++;
  while (i < to) {
    const c = text.charCodeAt(i);
    if ((c - 48) >>> 0 > 9) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < length && (text.charCodeAt(i) - 48) >>> 0 <= 9; i++);
    starts.push(start);
    lengths.push(i - start);
  }
  return { starts, lengths };
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
