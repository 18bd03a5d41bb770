/**
 * Transcripts spell numbers out ("four one one one…", "double five", "oh" for zero). We rewrite such
 * runs to digits and keep a map back to the original offsets, so the numeric recognisers can run on
 * the rewritten text and still report spans in the caller's string.
 */

import { registerVocabulary, type TTextFeatures, VOCAB } from './prefilter';

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

export type TNormalizedText = {
  text: string;
  /** For each character of `text`, the start offset of its source in the original string. */
  startOf: Int32Array;
  /** For each character of `text`, the end offset of its source in the original string. */
  endOf: Int32Array;
};

/** Returns null when the text contains no spelled-out digit run, which is the common, cheap case. */
export function normalizeSpokenDigits(input: string): TNormalizedText | null {
  SPOKEN_RUN.lastIndex = 0;
  const runs: { start: number; end: number; digits: { value: string; start: number; end: number }[] }[] = [];
  SPOKEN_RUN.lastIndex = 0;
  for (let run = SPOKEN_RUN.exec(input); run; run = SPOKEN_RUN.exec(input)) {
    const digits = spellRunAsDigits(run[0], run.index);
    const wordCount = (run[0].match(/\p{L}+/gu) ?? []).length;
    if (wordCount >= 3 && digits.length >= 7) runs.push({ start: run.index, end: run.index + run[0].length, digits });
  }
  if (runs.length === 0) return null;

  // Built from slices and typed arrays: on a long transcript this map has one entry per character, and
  // appending character by character to a string and two arrays was the largest cost (profiled on 1 MB).
  let length = input.length;
  for (const run of runs) length += run.digits.length - (run.end - run.start);
  const pieces: string[] = [];
  const startOf = new Int32Array(length);
  const endOf = new Int32Array(length);
  let cursor = 0;
  let out = 0;
  const copyPlain = (to: number): void => {
    pieces.push(input.slice(cursor, to));
    for (let i = cursor; i < to; i++, out++) {
      startOf[out] = i;
      endOf[out] = i + 1;
    }
  };
  for (const run of runs) {
    copyPlain(run.start);
    for (const digit of run.digits) {
      pieces.push(digit.value);
      startOf[out] = digit.start;
      endOf[out] = digit.end;
      out++;
    }
    cursor = run.end;
  }
  copyPlain(input.length);
  return { text: pieces.join(''), startOf, endOf };
}

function spellRunAsDigits(run: string, offset: number): { value: string; start: number; end: number }[] {
  const digits: { value: string; start: number; end: number }[] = [];
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
