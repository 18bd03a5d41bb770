/**
 * Transcripts spell numbers out ("four one one one…", "double five", "oh" for zero). We rewrite such
 * runs to digits and keep a map back to the original offsets, so the numeric recognisers can run on
 * the rewritten text and still report spans in the caller's string.
 */

import { registerVocabulary, type TTextFeatures, VOCAB } from './prefilter';
import { execAtStarts } from './recognizers/recognizer';

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  // German, French, Spanish, Italian, Portuguese
  null: '0', eins: '1', zwei: '2', zwo: '2', drei: '3', vier: '4', 'fünf': '5', sechs: '6', sieben: '7', acht: '8', neun: '9',
  'zéro': '0', un: '1', deux: '2', trois: '3', quatre: '4', cinq: '5', sept: '7', huit: '8', neuf: '9',
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
  due: '2', tre: '3', quattro: '4', cinque: '5', sei: '6', sette: '7', otto: '8', nove: '9',
  um: '1', dois: '2', 'três': '3', sete: '7', oito: '8',
};

const REPEATERS: Readonly<Record<string, number>> = { double: 2, triple: 3, doppel: 2, doppio: 2, doble: 2 };

registerVocabulary(VOCAB.SPOKEN_DIGIT, [...Object.keys(DIGIT_WORDS), ...Object.keys(REPEATERS)]);

/** Prefilter gate: a spelled-out run needs at least three digit words. */
export function mayContainSpokenDigits(features: TTextFeatures): boolean {
  return features.exotic || features.spokenDigitWords >= 3;
}

const WORD_ALTERNATION = [...Object.keys(DIGIT_WORDS), ...Object.keys(REPEATERS)]
  .sort((a, b) => b.length - a.length)
  .join('|');
const TOKEN_SOURCE = `(?:${WORD_ALTERNATION}|\\d{1,4})`;
const SPOKEN_RUN = new RegExp(
  `(?<![A-Za-z\\u00C0-\\u024F0-9])${TOKEN_SOURCE}(?:[ \\t,.-]+${TOKEN_SOURCE}(?![A-Za-z\\u00C0-\\u024F0-9])){3,}`,
  'gi',
);
const SPOKEN_TOKEN = new RegExp(TOKEN_SOURCE, 'gi');
const SPOKEN_RUN_AT = new RegExp(SPOKEN_RUN.source, 'iy');

/** Word characters of the run regex ([A-Za-z\u00C0-\u024F0-9]). */
const isRunCharacter = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
/** Lower case as the case-insensitive regex sees it for digit words: ASCII and Latin-1 capitals; others unchanged. */
const lowerForWords = (c: number): number => ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c | 0x20 : c);
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const hashWord = (word: string): number => {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
};
const RUN_DIGIT = 1;
const RUN_LETTER = 2;
/** Run characters ([A-Za-z\u00C0-\u024F0-9]) by class, and their lower case as the digit-word hash reads them. */
const RUN_CLASS = new Uint8Array(0x250);
const RUN_LOWER = new Uint16Array(0x250);
for (let c = 0; c < 0x250; c++) {
  if (!isRunCharacter(c)) continue;
  RUN_CLASS[c] = c >= 48 && c <= 57 ? RUN_DIGIT : RUN_LETTER;
  RUN_LOWER[c] = lowerForWords(c);
}

const WORD_LIST = [...Object.keys(DIGIT_WORDS), ...Object.keys(REPEATERS)];
/**
 * Digit words as a bit table indexed by the low 16 bits of their hash: one typed-array read per word of the
 * text instead of a Set lookup. A collision only lets a word through to the regex, which then decides.
 */
const WORD_BITS = new Uint8Array(1 << 16);
for (const word of WORD_LIST) WORD_BITS[hashWord(word) & 0xffff] = 1;
const LONGEST_WORD = Math.max(...WORD_LIST.map((w) => w.length));
/** Lower-cased first two letters of every digit word, hashed into a small bit table (collisions only let words through). */
const pairKey = (a: number, b: number): number => (Math.imul(a, 0x9e37) ^ b) & 0xfff;
const WORD_PAIRS = new Uint8Array(0x1000);
for (const word of WORD_LIST) WORD_PAIRS[pairKey(word.charCodeAt(0), word.charCodeAt(1))] = 1;

/**
 * Where a spelled-out run can start. A run is at least four whole tokens (digit words or groups of 1–4
 * digits) joined by [ \t,.-]+, at least three of them words, so it lies inside a chain of such tokens and
 * begins at one of the chain's tokens. Words are read once, hashed while reading (no allocation), and a
 * chain's token starts are listed only when the chain is long enough and has three words: in ordinary prose
 * ("one of the…") no chain qualifies and the run regex never runs. Scanning a long transcript with the
 * case-insensitive alternation at every character was the largest single cost; a Set lookup per word was
 * the next one (profiled on 1 MB). Hand-written for speed.
 */
function findSpokenRunStarts(input: string): number[] {
  const starts: number[] = [];
  const length = input.length;
  // The current chain's token starts are pushed as read and taken back when the chain doesn't qualify.
  let chainFirst = -1; // index in `starts` of the chain's first token, -1 without a chain
  let chainWords = 0;
  let i = 0;
  while (i < length) {
    const c = input.charCodeAt(i);
    const cls = c < 0x250 ? RUN_CLASS[c]! : 0;
    if (cls === 0) {
      // Only separators may sit between two tokens of a chain.
      if (chainFirst >= 0 && !(c === 32 || c === 9 || c === 44 || c === 46 || c === 45)) {
        closeChain(starts, chainFirst, chainWords);
        chainFirst = -1;
      }
      i++;
      continue;
    }
    const start = i;
    if (cls === RUN_LETTER) {
      // Most words can't be digit words by their first two letters: skip them without hashing.
      const d = input.charCodeAt(i + 1);
      const second = d < 0x250 && i + 1 < length ? RUN_CLASS[d]! : 0;
      if (second === 0 || WORD_PAIRS[pairKey(RUN_LOWER[c]!, RUN_LOWER[d]!)] !== 1) {
        for (i += second === 0 ? 1 : 2; i < length; i++) {
          const e = input.charCodeAt(i);
          if (e >= 0x250 || RUN_CLASS[e] === 0) break;
        }
        if (chainFirst >= 0) {
          closeChain(starts, chainFirst, chainWords);
          chainFirst = -1;
        }
        continue;
      }
    }
    let hash = FNV_OFFSET;
    let classes = 0;
    for (; i < length; i++) {
      const d = input.charCodeAt(i);
      const k = d < 0x250 ? RUN_CLASS[d]! : 0;
      if (k === 0) break;
      classes |= k;
      hash = Math.imul(hash ^ RUN_LOWER[d]!, FNV_PRIME);
    }
    const wordLength = i - start;
    const digitsOnly = classes === RUN_DIGIT;
    if (digitsOnly ? wordLength > 4 : wordLength > LONGEST_WORD || WORD_BITS[hash & 0xffff] !== 1) {
      if (chainFirst >= 0) {
        closeChain(starts, chainFirst, chainWords);
        chainFirst = -1;
      }
      continue;
    }
    if (chainFirst < 0) {
      chainFirst = starts.length;
      chainWords = 0;
    }
    starts.push(start);
    if (!digitsOnly) chainWords++;
  }
  if (chainFirst >= 0) closeChain(starts, chainFirst, chainWords);
  return starts;
}

/** Keeps a chain's token starts only if it has 4+ tokens and 3+ words, minus the last three (a run needs four). */
function closeChain(starts: number[], first: number, words: number): void {
  const tokens = starts.length - first;
  starts.length = tokens >= 4 && words >= 3 ? starts.length - 3 : first;
}

export type TNormalizedText = {
  text: string;
  /**
   * Line-aligned ranges [from, to) of `text` (ascending, disjoint; `to` is a line end) outside which `text`
   * reads exactly like the input: every line holding a rewritten run, and the lines up to
   * SPOKEN_CONTEXT_REACH characters after it. A match that never crosses a line break and starts outside
   * them is found, with the same span and context score, in the input too, so the second recogniser pass
   * only needs to look inside them.
   */
  windows: readonly (readonly [number, number])[];
  /** Start offset in the original string of the source of `text[index]`; undefined outside `text`. */
  sourceStart(index: number): number | undefined;
  /** End offset in the original string of the source of `text[index]`; undefined outside `text`. */
  sourceEnd(index: number): number | undefined;
};

/**
 * How far after a rewritten run its effect on context scores can reach: context windows look back at most
 * 6 tokens × 24 characters (144) and negative context at most 80 characters (see context.ts).
 */
export const SPOKEN_CONTEXT_REACH = 160;

type TDigit = { value: string; start: number; end: number };
type TRun = { start: number; end: number; digits: TDigit[]; /** where the run's digits begin in the rewritten text */ at: number };

/** Returns null when the text contains no spelled-out digit run, which is the common, cheap case. */
export function normalizeSpokenDigits(input: string, anchored = true): TNormalizedText | null {
  const runs: TRun[] = [];
  const matches: RegExpExecArray[] = [];
  if (anchored) matches.push(...execAtStarts(SPOKEN_RUN_AT, input, findSpokenRunStarts(input)));
  else {
    SPOKEN_RUN.lastIndex = 0;
    for (let run = SPOKEN_RUN.exec(input); run; run = SPOKEN_RUN.exec(input)) matches.push(run);
  }
  for (const run of matches) {
    const wordCount = (run[0].match(/\p{L}+/gu) ?? []).length;
    if (wordCount < 3) continue;
    const digits = spellRunAsDigits(run[0], run.index);
    if (digits.length >= 7) runs.push({ start: run.index, end: run.index + run[0].length, digits, at: 0 });
  }
  if (runs.length === 0) return null;

  // The offset map is answered from the run list (binary search) instead of one entry per character:
  // on a long transcript a per-character map was the largest cost of this step (profiled on 1 MB).
  const pieces: string[] = [];
  let cursor = 0;
  let shift = 0;
  for (const run of runs) {
    pieces.push(input.slice(cursor, run.start));
    run.at = run.start + shift;
    for (const digit of run.digits) pieces.push(digit.value);
    shift += run.digits.length - (run.end - run.start);
    cursor = run.end;
  }
  pieces.push(input.slice(cursor));
  const text = pieces.join('');
  const windows: [number, number][] = [];
  for (const run of runs) {
    const from = text.lastIndexOf('\n', run.at - 1) + 1;
    const reach = run.at + run.digits.length + SPOKEN_CONTEXT_REACH;
    const newline = reach >= text.length ? -1 : text.indexOf('\n', reach);
    const to = newline < 0 ? text.length : newline;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }

  /** The source of text[index]: a spelled digit, or a plain character at a fixed shift after the run before it. */
  const locate = (index: number): TDigit | number | undefined => {
    if (!(index >= 0 && index < text.length)) return undefined;
    let low = 0;
    let high = runs.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (runs[mid]!.at <= index) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found < 0) return index;
    const run = runs[found]!;
    const inRun = index - run.at;
    if (inRun < run.digits.length) return run.digits[inRun];
    return run.end + (inRun - run.digits.length);
  };
  return {
    text,
    windows,
    sourceStart: (index) => {
      const source = locate(index);
      return typeof source === 'number' ? source : source?.start;
    },
    sourceEnd: (index) => {
      const source = locate(index);
      return typeof source === 'number' ? source + 1 : source?.end;
    },
  };
}

function spellRunAsDigits(run: string, offset: number): TDigit[] {
  const digits: TDigit[] = [];
  let repeat = 1;
  let repeatStart = -1;
  SPOKEN_TOKEN.lastIndex = 0;
  for (let token = SPOKEN_TOKEN.exec(run); token; token = SPOKEN_TOKEN.exec(run)) {
    const word = token[0].toLowerCase();
    const start = offset + token.index;
    const end = start + token[0].length;
    const repeater = REPEATERS[word];
    if (repeater !== undefined) {
      repeat = repeater;
      repeatStart = start;
      continue;
    }
    const value = DIGIT_WORDS[word] ?? (/^\d+$/.test(word) ? word : '');
    for (let r = 0; r < repeat; r++) {
      for (const ch of value) digits.push({ value: ch, start: repeatStart >= 0 ? repeatStart : start, end });
    }
    repeat = 1;
    repeatStart = -1;
  }
  return digits;
}
