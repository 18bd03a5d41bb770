import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { findDigitRunsIn, matchesInRange, shouldAnchor, toSticky, type TRecognizer } from './recognizer';

const CANDIDATE =
  /(?<![\p{L}\p{N}_+\-/.,#@:$€£(])(?:\+[ \u00A0]?|\(\+?|00)?\d[\d \-.()/\u00A0]{5,28}\d(?![\p{L}\p{N}_\-/@]|[ .\-/\u00A0]?\d|[.,]\d)/gu;

const CANDIDATE_AT = toSticky(CANDIDATE);

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
 * Where a phone can start: a digit run (the look-behind forbids a digit before) with room for the body, or
 * the '+', '+ ', '(' or '(+' right before it. Hand-written for speed, like the other digit-run anchors.
 */
function findPhoneStarts(text: string, from: number, to: number): number[] {
  const { starts: runs } = findDigitRunsIn(text, from, to);
  const starts: number[] = [];
  for (let k = 0; k < runs.length && runs[k]! < to; k++) {
    const s = runs[k]!;
    if (!hasPhoneBody(text, s, to)) continue;
    const before = text.charCodeAt(s - 1);
    if (before === 32 || before === 0xa0) {
      if (text.charCodeAt(s - 2) === 43 && s - 2 >= from) starts.push(s - 2);
    } else if (before === 43) {
      if (text.charCodeAt(s - 2) === 40 && s - 2 >= from) starts.push(s - 2);
      if (s - 1 >= from) starts.push(s - 1);
    } else if (before === 40 && s - 1 >= from) starts.push(s - 1);
    starts.push(s);
  }
  return starts;
}

const CONTEXT = {
  positive: [
    'phone', 'tel', 'telephone', 'call', 'mobile', 'cell', 'number', 'reach', 'ring', 'whatsapp', 'sms', 'text', 'fax',
    'contact', 'handy', 'telefon', 'telefonnummer', 'rufnummer', 'anrufen', 'erreichbar', 'mobil', 'mobilnummer',
    'téléphone', 'tél', 'portable', 'appeler', 'appelez', 'numéro', 'teléfono', 'móvil', 'celular', 'llamar', 'llámame',
    'número', 'telefono', 'cellulare', 'chiamare', 'chiamami', 'numero', 'telemóvel', 'ligar', 'contacto', 'contatto',
    // Call verbs as customers write them (imperatives, plural, typos): "llámenme al …", "liguem para …", "my numbr is".
    'llámenme', 'llamen', 'llámeme', 'llame', 'llamadme', 'liguem', 'ligue', 'liga', 'telemovel', 'rufen', 'ruft',
    'nummer', 'rückruf', 'appelle', 'rappeler', 'rappelez', 'chiamate', 'chiamatemi', 'richiamare', 'numbr', 'cel', 'tlf',
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
  detect: (text) => detectPhones(text, 0, text.length, shouldAnchor(text)),
  detectRange: (text, from, to) => detectPhones(text, from, to, true),
  detectExhaustively: (text) => detectPhones(text, 0, text.length, false),
};

function detectPhones(text: string, from: number, to: number, anchored: boolean): TDetection[] {
  const found: TDetection[] = [];
  const matches = matchesInRange(text, from, to, anchored, { global: CANDIDATE, sticky: CANDIDATE_AT }, () => findPhoneStarts(text, from, to));
  for (const m of matches) {
    let raw = m[0];
    let start = m.index;
    let base = scorePhoneShape(raw);
    // "(+1 718 555 0106)": the candidate can't end on the ')', so it has an open parenthesis only; the number is inside.
    if (base === 0 && raw.charCodeAt(0) === 40 && raw.indexOf(')') < 0 && text.charCodeAt(start + raw.length) === 41) {
      raw = raw.slice(1);
      start++;
      base = scorePhoneShape(raw);
    }
    if (base === 0) continue;
    const score = scoreWithContext(text, start, base, CONTEXT);
    found.push({ type: 'PHONE', start, end: start + raw.length, score });
  }
  return found;
}

/** 0 when the shape can't be a phone number; otherwise a base score by how phone-like the layout is. */
export function scorePhoneShape(raw: string): number {
  // One pass counts digits, parentheses and separators (was three regex copies and two match() arrays per
  // candidate); the layout tests below are the same regexes as before. Hand-written for speed.
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
  const unparenthesised = opens + closes === 0 ? raw : raw.replace(/\) /g, ')').replace(/ \(/g, '(');
  if (/[ \-./\u00A0]{2}|[()][()]|\(\s/.test(unparenthesised)) return 0;
  if (opens !== closes || opens > 1) return 0;
  if (DATE_LIKE.test(raw) || DECIMAL_LIKE.test(raw) || DOTTED_QUAD.test(raw)) return 0;

  if (raw.startsWith('+') || raw.startsWith('(+')) return digits >= 8 ? 0.75 : 0;
  if (raw.startsWith('00') && digits >= 10) return hasSeparators ? 0.6 : 0.45;
  if (/^\(\d{3}\)[ \u00A0]?\d{3}[-. \u00A0]\d{4}$/.test(raw)) return 0.7;
  if (/^[2-9]\d{2}([-. ])\d{3}\1\d{4}$/.test(raw)) return 0.6;
  if (/^\(?0\d/.test(raw) && digits >= 9 && digits <= 12) return hasSeparators ? 0.55 : 0.4;
  return hasSeparators ? 0.3 : 0.2;
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
