import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { cutAtLineEnd, findDigitRunsIn, isAsciiDigitCode as isDigit, isLetterOrNumberAt, isLetterOrNumberBefore, type TRecognizer } from './recognizer';

/** The reference definition (`detectExhaustively`); `matchPhoneAt` reads the same matches by hand. */
export const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}_+\-/.,#@:$€£(])(?:\+[ \u00A0]?|\(\+?|00)?\d[\d \-.()/\u00A0]{5,28}\d(?![\p{L}\p{N}_\-/@]|[ .\-/\u00A0]?\d|[.,]\d)/gu;

const isBodyCharacter = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 0xa0;

/**
 * Where the body `\d[\d \-.()/\u00A0]{5,28}\d` and the look-ahead match from `from`, or -1: the regex's greedy
 * class run backs off one character at a time until a digit ends it and the look-ahead holds, so the longest
 * such end wins.
 */
function matchPhoneBody(text: string, from: number): number {
  if (!isDigit(text.charCodeAt(from))) return -1;
  let end = from + 1;
  const cap = from + 30;
  while (end < cap && isBodyCharacter(text.charCodeAt(end))) end++;
  for (; end >= from + 7; end--) {
    if (!isDigit(text.charCodeAt(end - 1))) continue;
    // (?![\p{L}\p{N}_\-/@]|[ .\-/\u00A0]?\d|[.,]\d)
    const after = text.charCodeAt(end);
    if (after === 95 || after === 45 || after === 47 || after === 64 || isLetterOrNumberAt(text, end)) continue;
    if ((after === 32 || after === 46 || after === 45 || after === 47 || after === 0xa0 || after === 44) && isDigit(text.charCodeAt(end + 1))) continue;
    return end;
  }
  return -1;
}

/**
 * Where PHONE_CANDIDATE's sticky twin ends a match starting at `start`, or -1; hand-written for speed (see
 * recognizer.ts). The optional prefix's alternatives in the regex's order ('+ ', '+', '(+', '(', '00', none),
 * the first whose body matches wins.
 */
export function matchPhoneAt(text: string, start: number): number {
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    // [_+\-/.,#@:$€£(]
    if (b === 95 || b === 43 || b === 45 || b === 47 || b === 46 || b === 44 || b === 35 || b === 64 || b === 58 || b === 36 || b === 0x20ac || b === 0xa3 || b === 40) return -1;
    if (isLetterOrNumberBefore(text, start)) return -1;
  }
  const c = text.charCodeAt(start);
  if (c === 43) {
    const next = text.charCodeAt(start + 1);
    if (next === 32 || next === 0xa0) {
      const end = matchPhoneBody(text, start + 2);
      if (end >= 0) return end;
    }
    return matchPhoneBody(text, start + 1);
  }
  if (c === 40) {
    if (text.charCodeAt(start + 1) === 43) {
      const end = matchPhoneBody(text, start + 2);
      if (end >= 0) return end;
    }
    return matchPhoneBody(text, start + 1);
  }
  if (c === 48 && text.charCodeAt(start + 1) === 48) {
    const end = matchPhoneBody(text, start + 2);
    if (end >= 0) return end;
  }
  return matchPhoneBody(text, start);
}

/** Whether the phone body `\d[\d \-.()/\u00A0]{5,28}\d` has room at `start`: seven characters of its class. */
function hasPhoneBody(text: string, start: number, end: number): boolean {
  if (start + 7 > end) return false;
  for (let i = start; i < start + 7; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 0xa0)) return false;
  }
  return true;
}

/**
 * Phones starting in [from, to) (`to` a line end or the text's end). A phone starts at a digit run (the
 * look-behind forbids a digit before) with room for the body, or at the '+', '+ ', '(' or '(+' right before it;
 * those starts are tried in order by `matchPhoneAt`, skipping starts inside the previous match as a global scan
 * would. Hand-written for speed, like the other digit-run anchors.
 */
function detectPhones(text: string, from: number, to: number): TDetection[] {
  const found: TDetection[] = [];
  const { starts: runs } = findDigitRunsIn(text, from, to);
  const scanned = cutAtLineEnd(text, to);
  let covered = 0;
  for (let k = 0; k < runs.length; k++) {
    const s = runs[k]!;
    if (s >= to) break;
    if (!hasPhoneBody(text, s, to)) continue;
    const before = text.charCodeAt(s - 1);
    if (before === 32 || before === 0xa0) {
      if (text.charCodeAt(s - 2) === 43 && s - 2 >= from) covered = tryPhoneAt(text, scanned, s - 2, covered, found);
    } else if (before === 43) {
      if (text.charCodeAt(s - 2) === 40 && s - 2 >= from) covered = tryPhoneAt(text, scanned, s - 2, covered, found);
      if (s - 1 >= from) covered = tryPhoneAt(text, scanned, s - 1, covered, found);
    } else if (before === 40 && s - 1 >= from) covered = tryPhoneAt(text, scanned, s - 1, covered, found);
    covered = tryPhoneAt(text, scanned, s, covered, found);
  }
  return found;
}

/** `matchPhoneAt` at `start` unless a previous match covers it; scores a match. Returns the new covered end. */
function tryPhoneAt(text: string, scanned: string, start: number, covered: number, found: TDetection[]): number {
  if (start < covered) return covered;
  const end = matchPhoneAt(scanned, start);
  if (end < 0) return covered;
  pushPhone(text, start, scanned.slice(start, end), found);
  return end;
}

function pushPhone(text: string, start: number, raw: string, found: TDetection[]): void {
  const base = scorePhoneShape(raw);
  if (base === 0) return;
  const score = scoreWithContext(text, start, base, CONTEXT);
  found.push({ type: 'PHONE', start, end: start + raw.length, score });
}

const CONTEXT = {
  positive: [
    'phone', 'tel', 'telephone', 'call', 'mobile', 'cell', 'number', 'reach', 'ring', 'whatsapp', 'sms', 'text', 'fax',
    'contact', 'handy', 'telefon', 'telefonnummer', 'rufnummer', 'anrufen', 'erreichbar', 'mobil', 'mobilnummer',
    'téléphone', 'tél', 'portable', 'appeler', 'appelez', 'numéro', 'teléfono', 'móvil', 'celular', 'llamar', 'llámame',
    'número', 'telefono', 'cellulare', 'chiamare', 'chiamami', 'numero', 'telemóvel', 'ligar', 'contacto', 'contatto',
  ],
  negative: true,
};

registerVocabulary(VOCAB.PHONE, CONTEXT.positive);

const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/;
const DECIMAL_LIKE = /^\d+[.,]\d+$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * International (+ / 00) numbers, North-American layouts and national numbers with a trunk 0.
 * Bare digit strings need context ("call me on…") because order and ticket numbers look the same.
 */
export const phoneRecognizer: TRecognizer = {
  type: 'PHONE',
  readsSpokenDigits: true,
  // Shapes scoring above 0.45 alone start with '+' / '(+', '00' or a trunk 0 (9+ digits), or are North-American
  // 3-3-4 layouts (`phoneShapeAlone`); any other shape needs a context word (boost 0.35).
  mayMatch: (f, threshold) =>
    f.looseRunMax >= 7 && (threshold <= 0.45 || f.phoneShapeAlone || mayHaveVocabulary(f, VOCAB.PHONE)),
  detect: (text) => detectPhones(text, 0, text.length),
  detectRange: (text, from, to) => detectPhones(text, from, to),
  detectExhaustively(text) {
    const found: TDetection[] = [];
    PHONE_CANDIDATE.lastIndex = 0;
    for (let m = PHONE_CANDIDATE.exec(text); m; m = PHONE_CANDIDATE.exec(text)) pushPhone(text, m.index, m[0], found);
    return found;
  },
};

/** 0 when the shape can't be a phone number; otherwise a base score by how phone-like the layout is. */
export function scorePhoneShape(raw: string): number {
  // One pass counts digits, parentheses and separators; the shape and layout tests are hand-written too (they were
  // seven regex tests per candidate). Hand-written for speed; `scorePhoneShapeReference` is the regex definition
  // (phone.test.ts holds them equal).
  let digits = 0;
  let opens = 0;
  let closes = 0;
  let hasSeparators = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 40) opens++;
    else if (c === 41) closes++;
    if (c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || c === 0xa0) hasSeparators = true;
  }
  if (digits < 7 || digits > 15) return 0;
  // Separators only count doubled once ") " and " (" are read as a bare parenthesis.
  const unparenthesised = opens + closes === 0 ? raw : raw.replace(/\) /g, ')').replace(/ \(/g, '(');
  if (hasDoubledSeparator(unparenthesised)) return 0;
  if (opens !== closes || opens > 1) return 0;
  if (isDateDecimalOrQuad(raw)) return 0;

  const first = raw.charCodeAt(0);
  if (first === 43 || (first === 40 && raw.charCodeAt(1) === 43)) return digits >= 8 ? 0.75 : 0;
  if (first === 48 && raw.charCodeAt(1) === 48 && digits >= 10) return hasSeparators ? 0.6 : 0.45;
  if (isParenthesisedNorthAmerican(raw)) return 0.7;
  if (isSeparatedNorthAmerican(raw)) return 0.6;
  const zero = first === 40 ? 1 : 0;
  if (raw.charCodeAt(zero) === 48 && isAsciiDigit(raw.charCodeAt(zero + 1)) && digits >= 9 && digits <= 12) return hasSeparators ? 0.55 : 0.4;
  return hasSeparators ? 0.3 : 0.2;
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `[ \-./\u00A0]` */
const isLayoutSeparator = (c: number): boolean => c === 32 || c === 45 || c === 46 || c === 47 || c === 0xa0;
/** JavaScript's `\s`. */
const isWhiteSpace = (c: number): boolean =>
  (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** `/[ \-./\u00A0]{2}|[()][()]|\(\s/.test(text)` */
function hasDoubledSeparator(text: string): boolean {
  for (let k = 0; k + 1 < text.length; k++) {
    const c = text.charCodeAt(k);
    const next = text.charCodeAt(k + 1);
    if (isLayoutSeparator(c) && isLayoutSeparator(next)) return true;
    if ((c === 40 || c === 41) && (next === 40 || next === 41)) return true;
    if (c === 40 && isWhiteSpace(next)) return true;
  }
  return false;
}

const groupLengths = new Int32Array(4);
const groupSeparators = new Int32Array(3);

/**
 * DATE_LIKE `^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$`, DECIMAL_LIKE `^\d+[.,]\d+$` or DOTTED_QUAD `^\d{1,3}(?:\.\d{1,3}){3}$`:
 * all are two to four digit runs joined by single characters, read once.
 */
function isDateDecimalOrQuad(raw: string): boolean {
  let groups = 0;
  let i = 0;
  for (;;) {
    const from = i;
    while (i < raw.length && isAsciiDigit(raw.charCodeAt(i))) i++;
    if (i === from || groups === 4) return false;
    groupLengths[groups++] = i - from;
    if (i === raw.length) break;
    if (groups === 4) return false;
    groupSeparators[groups - 1] = raw.charCodeAt(i++);
  }
  if (groups === 3) return inRange(0, 1, 4) && inRange(1, 1, 2) && inRange(2, 2, 4) && isDateSeparator(groupSeparators[0]!) && isDateSeparator(groupSeparators[1]!);
  if (groups === 2) return groupSeparators[0] === 46 || groupSeparators[0] === 44;
  if (groups === 4) return inRange(0, 1, 3) && inRange(1, 1, 3) && inRange(2, 1, 3) && inRange(3, 1, 3) && groupSeparators[0] === 46 && groupSeparators[1] === 46 && groupSeparators[2] === 46;
  return false;
}

const inRange = (k: number, min: number, max: number): boolean => groupLengths[k]! >= min && groupLengths[k]! <= max;
const isDateSeparator = (c: number): boolean => c === 46 || c === 47 || c === 45;

/** `^\(\d{3}\)[ \u00A0]?\d{3}[-. \u00A0]\d{4}$` */
function isParenthesisedNorthAmerican(raw: string): boolean {
  if (raw.charCodeAt(0) !== 40 || !areDigits(raw, 1, 3) || raw.charCodeAt(4) !== 41) return false;
  let i = 5;
  const space = raw.charCodeAt(i);
  if (space === 32 || space === 0xa0) i++;
  if (!areDigits(raw, i, 3)) return false;
  const separator = raw.charCodeAt(i + 3);
  if (!(separator === 45 || separator === 46 || separator === 32 || separator === 0xa0)) return false;
  return areDigits(raw, i + 4, 4) && raw.length === i + 8;
}

/** `^[2-9]\d{2}([-. ])\d{3}\1\d{4}$` */
function isSeparatedNorthAmerican(raw: string): boolean {
  if (raw.length !== 12) return false;
  const first = raw.charCodeAt(0);
  const separator = raw.charCodeAt(3);
  if (!(first >= 50 && first <= 57) || !areDigits(raw, 1, 2) || !(separator === 45 || separator === 46 || separator === 32)) return false;
  return areDigits(raw, 4, 3) && raw.charCodeAt(7) === separator && areDigits(raw, 8, 4);
}

function areDigits(text: string, from: number, count: number): boolean {
  for (let k = from; k < from + count; k++) if (!isAsciiDigit(text.charCodeAt(k))) return false;
  return true;
}

/** For tests: the regex-only definition `scorePhoneShape` must agree with. */
export function scorePhoneShapeReference(raw: string): number {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return 0;
  if (/[ \-./\u00A0]{2}|[()][()]|\(\s/.test(raw.replace(/\) /g, ')').replace(/ \(/g, '('))) return 0;
  const opens = (raw.match(/\(/g) ?? []).length;
  const closes = (raw.match(/\)/g) ?? []).length;
  if (opens !== closes || opens > 1) return 0;
  if (DATE_LIKE.test(raw) || DECIMAL_LIKE.test(raw) || DOTTED_QUAD.test(raw)) return 0;
  const hasSeparators = /[ \-./()\u00A0]/.test(raw);
  if (raw.startsWith('+') || raw.startsWith('(+')) return digits.length >= 8 ? 0.75 : 0;
  if (raw.startsWith('00') && digits.length >= 10) return hasSeparators ? 0.6 : 0.45;
  if (/^\(\d{3}\)[ \u00A0]?\d{3}[-. \u00A0]\d{4}$/.test(raw)) return 0.7;
  if (/^[2-9]\d{2}([-. ])\d{3}\1\d{4}$/.test(raw)) return 0.6;
  if (/^\(?0\d/.test(raw) && digits.length >= 9 && digits.length <= 12) return hasSeparators ? 0.55 : 0.4;
  return hasSeparators ? 0.3 : 0.2;
}
