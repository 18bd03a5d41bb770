import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { isSpanishDniValid } from '../validators';
import { type TDetection } from '../types';
import { execAtStarts, findDigitRuns, toSticky, type TRecognizer } from './recognizer';

/** Identifier-shaped tokens: letters and digits with at least five digits, or spaced digit groups. */
const ID_TOKEN = /(?<![\p{L}\p{N}_\-/#.])(?:[A-Z]{0,3}\d[A-Z0-9]{4,16}|[A-Z]{1,2}\d{6,8}[A-Z]?|\d{1,3}(?:[ .]\d{2,3}){3,6})(?![\p{L}\p{N}_-]|[ .]\d)/gu;
const UK_NIN = /(?<![\p{L}\p{N}])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\p{L}\p{N}])/gu;
const ITALIAN_FISCAL_CODE = /(?<![\p{L}\p{N}])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![\p{L}\p{N}])/gu;
const SPANISH_DNI = /(?<![\p{L}\p{N}])[XYZ]?\d{7,8}-?[A-Z](?![\p{L}\p{N}])/gu;

const PASSPORT_WORDS = ['passport', 'passport number', 'passport no', 'reisepass', 'reisepassnummer', 'pass', 'passnummer', 'pass nr', 'passeport', 'pasaporte', 'passaporto', 'passaporte'];
const NATIONAL_ID_WORDS = [
  'national id', 'national identity', 'id card', 'identity card', 'id number', 'nin', 'national insurance', 'ni number',
  'personalausweis', 'ausweis', 'ausweisnummer', 'personalausweisnummer', 'steuer id', 'steuernummer', 'steuer identifikationsnummer', 'tax id',
  'carte d identité', 'carte nationale', 'cni', 'numéro de sécurité sociale', 'sécurité sociale', 'nir', 'insee',
  'dni', 'nie', 'nif', 'documento nacional', 'cédula', 'carta d identità', 'codice fiscale', 'cf', 'cpf', 'cc',
  'cartão de cidadão', 'bsn', 'sofinummer', 'ahv', 'pesel', 'sin', 'social insurance',
];

const ID_TOKEN_AT = toSticky(ID_TOKEN);

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

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

/** The global scan of `regex` (the reference path) or its sticky twin at `starts`. */
function scanOrAnchor(regex: RegExp, sticky: RegExp, text: string, anchored: boolean, findStarts: (text: string) => number[]): RegExpExecArray[] {
  if (anchored) return execAtStarts(sticky, text, findStarts(text));
  const matches: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) matches.push(m);
  return matches;
}

const UK_NIN_AT = toSticky(UK_NIN);
const ITALIAN_FISCAL_CODE_AT = toSticky(ITALIAN_FISCAL_CODE);
const SPANISH_DNI_AT = toSticky(SPANISH_DNI);

type TIdToken = { start: number; end: number; value: string };
/** Passport and national-id recognisers read the same tokens: found once per text. */
let lastText: string | null = null;
let lastTokens: TIdToken[] = [];

function findIdTokens(text: string, anchored = true): TIdToken[] {
  if (anchored && text === lastText) return lastTokens;
  const tokens: TIdToken[] = [];
  if (anchored) {
    for (const m of execAtStarts(ID_TOKEN_AT, text, findIdTokenStarts(text))) tokens.push({ start: m.index, end: m.index + m[0].length, value: m[0] });
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
  for (const m of scanOrAnchor(UK_NIN, UK_NIN_AT, text, anchored, findNinStarts)) {
    found.push({ type: 'NATIONAL_ID', start: m.index, end: m.index + m[0].length, score: scoreWithContext(text, m.index, 0.5, rule) });
  }
  for (const m of scanOrAnchor(ITALIAN_FISCAL_CODE, ITALIAN_FISCAL_CODE_AT, text, anchored, findFiscalCodeStarts)) {
    found.push({ type: 'NATIONAL_ID', start: m.index, end: m.index + m[0].length, score: scoreWithContext(text, m.index, 0.6, rule) });
  }
  for (const m of scanOrAnchor(SPANISH_DNI, SPANISH_DNI_AT, text, anchored, findDniStarts)) {
    if (!isSpanishDniValid(m[0].replace('-', ''))) continue;
    found.push({ type: 'NATIONAL_ID', start: m.index, end: m.index + m[0].length, score: scoreWithContext(text, m.index, 0.5, rule) });
  }
  return found;
}
