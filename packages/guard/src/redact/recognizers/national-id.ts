import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { isSpanishDniValid } from '../validators';
import { type TDetection } from '../types';
import { findDigitRuns, isLetterOrNumberAt, isLetterOrNumberBefore, type TRecognizer } from './recognizer';

/**
 * Identifier-shaped tokens: letters and digits with at least five digits, or spaced digit groups. These four
 * regexes are the reference definitions (`detectExhaustively`); the `match…At` functions below read the same
 * matches by hand (see recognizer.ts; hand-matchers.test.ts holds them equal at every position).
 */
export const ID_TOKEN = /(?<![\p{L}\p{N}_\-/#.])(?:[A-Z]{0,3}\d[A-Z0-9]{4,16}|[A-Z]{1,2}\d{6,8}[A-Z]?|\d{1,3}(?:[ .]\d{2,3}){3,6})(?![\p{L}\p{N}_-]|[ .]\d)/gu;
export const UK_NIN = /(?<![\p{L}\p{N}])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\p{L}\p{N}])/gu;
export const ITALIAN_FISCAL_CODE = /(?<![\p{L}\p{N}])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![\p{L}\p{N}])/gu;
export const SPANISH_DNI = /(?<![\p{L}\p{N}])[XYZ]?\d{7,8}-?[A-Z](?![\p{L}\p{N}])/gu;

const PASSPORT_WORDS = ['passport', 'passport number', 'passport no', 'reisepass', 'reisepassnummer', 'pass', 'passnummer', 'pass nr', 'passeport', 'pasaporte', 'passaporto', 'passaporte'];
const NATIONAL_ID_WORDS = [
  'national id', 'national identity', 'id card', 'identity card', 'id number', 'nin', 'national insurance', 'ni number',
  'personalausweis', 'ausweis', 'ausweisnummer', 'personalausweisnummer', 'steuer id', 'steuernummer', 'steuer identifikationsnummer', 'tax id',
  'carte d identité', 'carte nationale', 'cni', 'numéro de sécurité sociale', 'sécurité sociale', 'nir', 'insee',
  'dni', 'nie', 'nif', 'documento nacional', 'cédula', 'carta d identità', 'codice fiscale', 'cf', 'cpf', 'cc',
  'cartão de cidadão', 'bsn', 'sofinummer', 'ahv', 'pesel', 'sin', 'social insurance',
];

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpperOrDigit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** Consecutive capitals, digits, or capitals and digits from `from` (one loop each: a predicate argument made every character an indirect call). */
function capitalRun(text: string, from: number): number {
  let i = from;
  while (isUpper(text.charCodeAt(i))) i++;
  return i - from;
}
function digitRun(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i - from;
}
function upperOrDigitRun(text: string, from: number): number {
  let i = from;
  while (isUpperOrDigit(text.charCodeAt(i))) i++;
  return i - from;
}

/** ID_TOKEN's look-ahead `(?![\p{L}\p{N}_-]|[ .]\d)` at `end`. */
function idTokenEndsAt(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c === 95 || c === 45 || isLetterOrNumberAt(text, end)) return false;
  return !((c === 32 || c === 46) && isDigit(text.charCodeAt(end + 1)));
}

/**
 * Where ID_TOKEN's sticky twin ends a match at `start`, or -1; hand-written for speed. Its alternatives in
 * order. Backing off any greedy part leaves a capital, digit or "[ .]digit" before the look-ahead, which fails
 * it, so each part is a whole run: `[A-Z]{0,3}\d[A-Z0-9]{4,16}` is at most three capitals, a digit and a run of
 * 4–16 capitals and digits; `[A-Z]{1,2}\d{6,8}[A-Z]?` one or two capitals, a run of 6–8 digits, maybe a capital;
 * `\d{1,3}(?:[ .]\d{2,3}){3,6}` a run of 1–3 digits and 3–6 groups of a space or dot and a run of 2–3 digits.
 */
export function matchIdTokenAt(text: string, start: number): number {
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (b === 95 || b === 45 || b === 47 || b === 35 || b === 46 || isLetterOrNumberBefore(text, start)) return -1;
  }
  const capitals = capitalRun(text, start);
  if (capitals <= 3 && isDigit(text.charCodeAt(start + capitals))) {
    const rest = upperOrDigitRun(text, start + capitals + 1);
    const end = start + capitals + 1 + rest;
    if (rest >= 4 && rest <= 16 && idTokenEndsAt(text, end)) return end;
  }
  if (capitals >= 1 && capitals <= 2) {
    const digits = digitRun(text, start + capitals);
    if (digits >= 6 && digits <= 8) {
      const end = start + capitals + digits;
      if (isUpper(text.charCodeAt(end))) {
        if (idTokenEndsAt(text, end + 1)) return end + 1;
      } else if (idTokenEndsAt(text, end)) return end;
    }
  }
  const lead = digitRun(text, start);
  if (lead < 1 || lead > 3) return -1;
  let end = start + lead;
  let groups = 0;
  while (groups < 6) {
    const c = text.charCodeAt(end);
    if ((c !== 32 && c !== 46) || !isDigit(text.charCodeAt(end + 1))) break;
    const digits = digitRun(text, end + 1);
    if (digits > 3) return -1;
    if (digits < 2) break;
    groups++;
    end += 1 + digits;
  }
  return groups >= 3 && idTokenEndsAt(text, end) ? end : -1;
}

/** `[A-CEGHJ-PR-TW-Z]` and `[A-CEGHJ-NPR-TW-Z]`, the letters a UK NIN starts with, as bit sets over A–Z. */
const NIN_FIRST = letterSet('ABCEGHJKLMNOPRSTWXYZ');
const NIN_SECOND = letterSet('ABCEGHJKLMNPRSTWXYZ');
function letterSet(letters: string): number {
  let bits = 0;
  for (const ch of letters) bits |= 1 << (ch.charCodeAt(0) - 65);
  return bits;
}
const inLetterSet = (set: number, c: number): boolean => c >= 65 && c <= 90 && ((set >> (c - 65)) & 1) === 1;

/** Where UK_NIN's sticky twin ends a match at `start`, or -1: each optional space is taken when present (a digit or A–D must follow it either way). */
export function matchNinAt(text: string, start: number): number {
  if (!inLetterSet(NIN_FIRST, text.charCodeAt(start)) || !inLetterSet(NIN_SECOND, text.charCodeAt(start + 1))) return -1;
  if (isLetterOrNumberBefore(text, start)) return -1;
  let i = start + 2;
  for (let pair = 0; pair < 3; pair++) {
    if (text.charCodeAt(i) === 32) i++;
    if (!isDigit(text.charCodeAt(i)) || !isDigit(text.charCodeAt(i + 1))) return -1;
    i += 2;
  }
  if (text.charCodeAt(i) === 32) i++;
  const suffix = text.charCodeAt(i);
  // Written so that NaN (past the end) fails too.
  if (!(suffix >= 65 && suffix <= 68)) return -1;
  return isLetterOrNumberAt(text, i + 1) ? -1 : i + 1;
}

/** `[A-EHLMPR-T]`, the month letter of a codice fiscale. */
const FISCAL_MONTH = letterSet('ABCDEHLMPRST');

/** Where ITALIAN_FISCAL_CODE's sticky twin ends a match at `start`, or -1 (a fixed 16-character shape). */
export function matchFiscalCodeAt(text: string, start: number): number {
  if (isLetterOrNumberBefore(text, start)) return -1;
  for (let k = 0; k < 6; k++) if (!isUpper(text.charCodeAt(start + k))) return -1;
  if (!isDigit(text.charCodeAt(start + 6)) || !isDigit(text.charCodeAt(start + 7)) || !inLetterSet(FISCAL_MONTH, text.charCodeAt(start + 8))) return -1;
  if (!isDigit(text.charCodeAt(start + 9)) || !isDigit(text.charCodeAt(start + 10)) || !isUpper(text.charCodeAt(start + 11))) return -1;
  for (let k = 12; k < 15; k++) if (!isDigit(text.charCodeAt(start + k))) return -1;
  if (!isUpper(text.charCodeAt(start + 15))) return -1;
  return isLetterOrNumberAt(text, start + 16) ? -1 : start + 16;
}

/**
 * Where SPANISH_DNI's sticky twin ends a match at `start`, or -1: maybe X/Y/Z, a run of exactly 7 or 8 digits
 * (a longer run leaves a digit where '-' or a capital must be), maybe '-', a capital.
 */
export function matchDniAt(text: string, start: number): number {
  if (isLetterOrNumberBefore(text, start)) return -1;
  const first = text.charCodeAt(start);
  const from = first === 88 || first === 89 || first === 90 ? start + 1 : start;
  const digits = digitRun(text, from);
  if (digits < 7 || digits > 8) return -1;
  let i = from + digits;
  if (text.charCodeAt(i) === 45 && isUpper(text.charCodeAt(i + 1))) i++;
  if (!isUpper(text.charCodeAt(i))) return -1;
  return isLetterOrNumberAt(text, i + 1) ? -1 : i + 1;
}

/** `matcher` at each of `starts` (ascending), skipping starts inside the previous match as a global scan would: [start, end] pairs. */
function matchAtStarts(text: string, starts: readonly number[], matcher: (text: string, start: number) => number): number[] {
  const spans: number[] = [];
  let covered = 0;
  for (const start of starts) {
    if (start < covered) continue;
    const end = matcher(text, start);
    if (end < 0) continue;
    spans.push(start, end);
    covered = end;
  }
  return spans;
}

/**
 * Where an id token can start: every alternative of ID_TOKEN begins `[A-Z]{0,3}\d`, and that digit has a
 * capital or a non-digit before it, so it starts a digit run; the token starts at the run or at the capitals
 * right before it. The ASCII part of the look-behind is checked here; anything else is left to the regex.
 */
function findIdTokenStarts(text: string): number[] {
  const { starts: runs } = findDigitRuns(text);
  const starts: number[] = [];
  for (const run of runs) {
    let start = run;
    while (start > 0 && run - start < 4 && isUpper(text.charCodeAt(start - 1))) start--;
    if (run - start > 3) continue;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
    if (before < 128 && (isDigit(before) || isUpper(before) || (before >= 97 && before <= 122) || before === 95 || before === 45 || before === 47 || before === 35 || before === 46)) continue;
    starts.push(start);
  }
  return starts;
}

/** Spanish DNI/NIE: a run of 7–8 digits, maybe after X/Y/Z. */
function findDniStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k++) {
    if (lengths[k]! !== 7 && lengths[k]! !== 8) continue;
    const c = text.charCodeAt(runs[k]! - 1);
    if (c === 88 || c === 89 || c === 90) starts.push(runs[k]! - 1);
    starts.push(runs[k]!);
  }
  return starts;
}

/** UK NIN: two capitals, maybe a space, then the first digit pair (which starts a run). */
function findNinStarts(text: string): number[] {
  const { starts: runs } = findDigitRuns(text);
  const starts: number[] = [];
  for (const s of runs) {
    const gap = text.charCodeAt(s - 1) === 32 ? 1 : 0;
    if (isUpper(text.charCodeAt(s - 1 - gap)) && isUpper(text.charCodeAt(s - 2 - gap))) starts.push(s - 2 - gap);
  }
  return starts;
}

/** Italian codice fiscale: six capitals right before a run of exactly two digits. */
function findFiscalCodeStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k++) {
    const s = runs[k]!;
    if (lengths[k]! !== 2 || s < 6) continue;
    let capitals = 0;
    while (capitals < 6 && isUpper(text.charCodeAt(s - 1 - capitals))) capitals++;
    if (capitals === 6) starts.push(s - 6);
  }
  return starts;
}

/** [start, end] pairs: the global scan of `regex` (the reference path), or `matcher` at `findStarts`. */
function scanOrMatch(
  regex: RegExp,
  matcher: (text: string, start: number) => number,
  text: string,
  anchored: boolean,
  findStarts: (text: string) => number[],
): number[] {
  if (anchored) return matchAtStarts(text, findStarts(text), matcher);
  const spans: number[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) spans.push(m.index, m.index + m[0].length);
  return spans;
}

type TIdToken = { start: number; end: number; value: string };
/** Passport and national-id recognisers read the same tokens: found once per text. */
let lastText: string | null = null;
let lastTokens: TIdToken[] = [];

function findIdTokens(text: string, anchored = true): TIdToken[] {
  if (anchored && text === lastText) return lastTokens;
  const tokens: TIdToken[] = [];
  if (anchored) {
    const spans = matchAtStarts(text, findIdTokenStarts(text), matchIdTokenAt);
    for (let k = 0; k < spans.length; k += 2) tokens.push({ start: spans[k]!, end: spans[k + 1]!, value: text.slice(spans[k], spans[k + 1]) });
    lastText = text;
    lastTokens = tokens;
    return tokens;
  }
  ID_TOKEN.lastIndex = 0;
  for (let m = ID_TOKEN.exec(text); m; m = ID_TOKEN.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, value: m[0] });
  return tokens;
}

/** Passport numbers have no shared format; only the word "passport" (in any language) makes a token one. */
// Both lists are only read as context phrases (scoreWithContext), so multi-word entries gate as word pairs.
registerVocabulary(VOCAB.PASSPORT, PASSPORT_WORDS, true);
registerVocabulary(VOCAB.NATIONAL_ID, NATIONAL_ID_WORDS, true);

const PASSPORT_HINT = /pass|pasaporte/i;
const NATIONAL_ID_HINT = /(?:id|nin?|ni|national|ausweis|steuer|tax|cni|carte|s[ée]curit[ée]|nir|insee|dni|nie|nif|documento|c[ée]dula|identit|codice|cf|cpf|cc|cart[ãa]o|bsn|sofi|ahv|pesel|sin|social)/i;

export const passportRecognizer: TRecognizer = {
  type: 'PASSPORT',
  // Tokens score 0.1 alone: a passport word must be present.
  mayMatch: (f, threshold) => f.digitCount >= 5 && (threshold <= 0.1 || mayHaveVocabulary(f, VOCAB.PASSPORT)),
  detect: (text) => detectPassports(text, true),
  detectExhaustively: (text) => detectPassports(text, false),
};

function detectPassports(text: string, anchored: boolean): TDetection[] {
  if (!PASSPORT_HINT.test(text)) return [];
  return findIdTokens(text, anchored)
    .filter((t) => /\d/.test(t.value) && t.value.replace(/\D/g, '').length >= 5)
    .map((t) => ({
      type: 'PASSPORT',
      start: t.start,
      end: t.end,
      score: scoreWithContext(text, t.start, 0.1, { positive: PASSPORT_WORDS, window: 6, boost: 0.75, negative: true }),
    }));
}

/** National ids: checksummed formats score on their own, anything else needs an id word nearby. */
export const nationalIdRecognizer: TRecognizer = {
  type: 'NATIONAL_ID',
  // Generic id tokens need an id word; UK NINs, codici fiscali and DNIs have a shape the prefilter reads.
  mayMatch: (f, threshold) =>
    f.idNumberEnd || f.fiscalCodeStart || (f.digitCount >= 5 && (threshold <= 0.1 || mayHaveVocabulary(f, VOCAB.NATIONAL_ID))),
  detect: (text) => detectNationalIds(text, true),
  detectExhaustively: (text) => detectNationalIds(text, false),
};

function detectNationalIds(text: string, anchored: boolean): TDetection[] {
  const rule = { positive: NATIONAL_ID_WORDS, window: 6, boost: 0.7, negative: true };
  const found: TDetection[] = (NATIONAL_ID_HINT.test(text) ? findIdTokens(text, anchored) : [])
    .filter((t) => t.value.replace(/\D/g, '').length >= 5)
    .map((t) => ({ type: 'NATIONAL_ID', start: t.start, end: t.end, score: scoreWithContext(text, t.start, 0.1, rule) }));
  const nins = scanOrMatch(UK_NIN, matchNinAt, text, anchored, findNinStarts);
  for (let k = 0; k < nins.length; k += 2) {
    found.push({ type: 'NATIONAL_ID', start: nins[k]!, end: nins[k + 1]!, score: scoreWithContext(text, nins[k]!, 0.5, rule) });
  }
  const fiscal = scanOrMatch(ITALIAN_FISCAL_CODE, matchFiscalCodeAt, text, anchored, findFiscalCodeStarts);
  for (let k = 0; k < fiscal.length; k += 2) {
    found.push({ type: 'NATIONAL_ID', start: fiscal[k]!, end: fiscal[k + 1]!, score: scoreWithContext(text, fiscal[k]!, 0.6, rule) });
  }
  const dnis = scanOrMatch(SPANISH_DNI, matchDniAt, text, anchored, findDniStarts);
  for (let k = 0; k < dnis.length; k += 2) {
    if (!isSpanishDniValid(text.slice(dnis[k], dnis[k + 1]).replace('-', ''))) continue;
    found.push({ type: 'NATIONAL_ID', start: dnis[k]!, end: dnis[k + 1]!, score: scoreWithContext(text, dnis[k]!, 0.5, rule) });
  }
  return found;
}
