import { hasContextWordBefore } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

/**
 * National ids with a format of their own, beyond the generic id tokens of `national-id.ts`: Brazilian CPF,
 * French NIR (numéro de sécurité sociale), German Steuer-ID, Sozialversicherungsnummer and Personalausweis,
 * French and Italian identity cards, Portuguese NIF and Cartão de Cidadão, Spanish social security number,
 * Indian PAN. Each needs its id word among the five tokens before it, except the checksummed CPF (dotted), which
 * also scores alone when its check digits hold. Scores beat a passport word nearby (0.85), so a
 * "Steuer-ID" after "Reisepass …" is an id, not a passport.
 */

type TFormat = {
  regex: RegExp;
  /** Context phrases (lower-case tokens joined by single spaces). */
  words: readonly string[];
  /** Check digits; formats without one rely on their words. */
  valid?: (value: string) => boolean;
  /** Score when the check digits hold but no word is near (only for long checksummed shapes)… */
  alone?: number;
  /** …and the value has this shape (the dotted CPF: what the gate reads). */
  aloneShape?: RegExp;
  /** When the value also needs a shape test beyond the regex (letters and digits mixed). */
  shape?: (value: string) => boolean;
};

const digitsOf = (value: string): number[] => [...value.replace(/\D/g, '')].map(Number);

/** Brazilian CPF: two mod-11 check digits over the first nine; all-equal digits are invalid. */
export function isCpfValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d.every((x) => x === d[0])) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i]! * (n + 1 - i);
    if (((sum * 10) % 11) % 10 !== d[n]) return false;
  }
  return true;
}

/** French NIR: key = 97 − (13-digit number mod 97); Corsica's 2A/2B count as 19/18. */
export function isNirValid(value: string): boolean {
  const compact = value.replace(/[ .]/g, '').toUpperCase();
  if (compact.length !== 15) return false;
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(body)) return false;
  let rest = 0;
  for (const ch of body) rest = (rest * 10 + Number(ch)) % 97;
  return 97 - rest === Number(compact.slice(13));
}

/** Portuguese NIF: mod-11 check digit over weights 9..2. */
export function isPortugueseNifValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || !'1235689'.includes(String(d[0])) && !(d[0] === 4 && d[1] === 5) && d[0] !== 7) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += d[i]! * (9 - i);
  const rest = sum % 11;
  return (rest < 2 ? 0 : 11 - rest) === d[8];
}

const hasLetterAndDigit = (value: string): boolean => /[A-Z]/.test(value) && /\d/.test(value);

const FORMATS: TFormat[] = [
  {
    regex: /(?<![\p{L}\p{N}.-])(?:\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11})(?![\p{L}\p{N}]|[.-]\d)/gu,
    words: ['cpf'],
    valid: isCpfValid,
    alone: 0.85,
    aloneShape: /^\d{3}\.\d{3}\.\d{3}-\d{2}$/,
  },
  {
    regex: /(?<![\p{L}\p{N}])[12][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\p{L}\p{N}]|[ .]\d)/gu,
    words: ['sécu', 'secu', 'sécurité sociale', 'securite sociale', 'nir', 'insee', 'carte vitale', 'numéro de sécurité sociale'],
    valid: isNirValid,
  },
  {
    regex: /(?<![\p{L}\p{N}])[1-9]\d[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}(?![\p{L}\p{N}]|[ .]\d)/gu,
    words: ['steuer id', 'steueridentifikationsnummer', 'steuer identifikationsnummer', 'identifikationsnummer', 'idnr', 'steuerid'],
  },
  {
    regex: /(?<![\p{L}\p{N}])\d{2}[ ]?\d{6}[ ]?[A-Z][ ]?\d{3}(?![\p{L}\p{N}])/gu,
    words: ['sozialversicherungsnummer', 'sv nummer', 'svnr', 'rentenversicherungsnummer', 'versicherungsnummer'],
  },
  {
    // German Personalausweis and the French CNI (2021): nine capitals and digits, both present.
    regex: /(?<![\p{L}\p{N}])[A-Z0-9]{9}(?![\p{L}\p{N}])/gu,
    words: ['personalausweis', 'personalausweisnummer', 'ausweis', 'ausweisnummer', 'ausweis nr', 'carte d identité', 'carte d identite', 'cni', 'carte nationale', 'identity card', 'id card'],
    shape: hasLetterAndDigit,
  },
  {
    // Italian carta d'identità elettronica.
    regex: /(?<![\p{L}\p{N}])C[A-Z]\d{5}[A-Z]{2}(?![\p{L}\p{N}])/gu,
    words: ['carta d identità', 'carta di identità', 'carta d identita', 'carta di identita', 'cie', 'identity card', 'id card'],
  },
  {
    regex: /(?<![\p{L}\p{N}])\d{9}(?![\p{L}\p{N}])/gu,
    words: ['nif', 'contribuinte', 'número de contribuinte', 'numero de contribuinte', 'nipc'],
    valid: isPortugueseNifValid,
  },
  {
    // Portuguese Cartão de Cidadão: 8 digits, a check digit, two letters and a digit.
    regex: /(?<![\p{L}\p{N}])\d{8}[ ]?\d[ ]?[A-Z]{2}\d(?![\p{L}\p{N}])/gu,
    words: ['cartão de cidadão', 'cartao de cidadao', 'cartão cidadão', 'cc'],
  },
  {
    // Spanish número de la Seguridad Social (NSS / NAF).
    regex: /(?<![\p{L}\p{N}])\d{2}[ /-]?\d{8}[ /-]?\d{2}(?![\p{L}\p{N}])/gu,
    words: ['seguridad social', 'nss', 'naf', 'afiliación', 'afiliacion'],
  },
  {
    // Indian PAN: five letters (the fourth the holder type), four digits, a letter.
    regex: /(?<![\p{L}\p{N}])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![\p{L}\p{N}])/gu,
    words: ['pan', 'pan card', 'permanent account number'],
  },
];

registerVocabulary(VOCAB.NATIONAL_ID, FORMATS.flatMap((f) => f.words), true);

/** Score with the id word near; the checksummed shapes alone score `alone`. */
const WITH_WORD = 0.9;
const WITH_WORD_VALID = 0.95;

/** Whether one of the hints is a substring of the lower-cased text (a plain loop: no closure per call). */
function hasHint(lower: string, hints: readonly string[]): boolean {
  for (const hint of hints) if (lower.includes(hint)) return true;
  return false;
}

/** The formats with their word near (`worded`), or the checksummed shapes alone (`!worded`). */
function detectFormats(text: string, worded: boolean): TDetection[] {
  const found: TDetection[] = [];
  // A format's word must be in the text for its worded detections: one lower-cased copy, a substring test per
  // format, and only the formats whose word is there run their regex (ten look-behind scans cost more).
  const lower = worded ? text.toLowerCase() : '';
  for (const format of worded ? FORMATS : ALONE_FORMATS) {
    if (worded && !hasHint(lower, HINTS.get(format)!)) continue;
    format.regex.lastIndex = 0;
    for (let m = format.regex.exec(text); m; m = format.regex.exec(text)) {
      const value = m[0];
      if (format.shape && !format.shape(value)) continue;
      const valid = format.valid ? format.valid(value) : false;
      if (format.valid && !valid) continue;
      if (worded) {
        if (hasContextWordBefore(text, m.index, 5, format.words)) found.push({ type: 'NATIONAL_ID', start: m.index, end: m.index + value.length, score: format.valid ? WITH_WORD_VALID : WITH_WORD });
      } else if (format.aloneShape?.test(value)) found.push({ type: 'NATIONAL_ID', start: m.index, end: m.index + value.length, score: format.alone! });
    }
  }
  return found;
}

const ALONE_FORMATS = FORMATS.filter((f) => f.alone !== undefined);
/** Each format's words by their last token: a context word before a value contains it as a substring. */
const HINTS = new Map(FORMATS.map((f) => [f, [...new Set(f.words.map((w) => w.split(' ').pop()!))]]));

export const nationalIdFormatsRecognizer: TRecognizer = {
  type: 'NATIONAL_ID',
  // Every format needs its id word (registered as NATIONAL_ID vocabulary) here.
  mayMatch: (f) => f.digitCount >= 1 && mayHaveVocabulary(f, VOCAB.NATIONAL_ID),
  detect: (text) => detectFormats(text, true),
};

/**
 * The checksummed CPF (dotted) without a word: a lower score, and a gate on its digit run (eleven digits, two
 * dots), so card and phone numbers don't open it (a NIR alone was measured as too costly a gate: every card). Where the word is also
 * there, the worded detection of the same span scores higher and wins the overlap.
 */
export const nationalIdChecksumRecognizer: TRecognizer = {
  type: 'NATIONAL_ID',
  mayMatch: (f) => f.strictRunMaxDots >= 2 && f.strictSeparatedRunMax >= 11,
  detect: (text) => detectFormats(text, false),
};
