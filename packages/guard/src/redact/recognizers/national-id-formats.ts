import { hasContextWordBefore } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { isCpfValid, isNirValid, isPortugueseNifValid } from '../validators';
import { findDigitRuns, type TRecognizer } from './recognizer';

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
    words: ['sozialversicherungsnummer', 'svnr', 'rentenversicherungsnummer', 'versicherungsnummer'],
  },
  {
    // German Personalausweis and the French CNI (2021): nine capitals and digits, both present.
    regex: /(?<![\p{L}\p{N}])[A-Z0-9]{9}(?![\p{L}\p{N}])/gu,
    words: ['personalausweis', 'personalausweisnummer', 'ausweis', 'ausweisnummer', 'carte d identité', 'carte d identite', 'cni', 'carte nationale'],
    shape: hasLetterAndDigit,
  },
  {
    // Italian carta d'identità elettronica.
    regex: /(?<![\p{L}\p{N}])C[A-Z]\d{5}[A-Z]{2}(?![\p{L}\p{N}])/gu,
    words: ['carta d identità', 'carta di identità', 'carta d identita', 'carta di identita', 'cie'],
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
    words: ['pan', 'permanent account number'],
  },
];

registerVocabulary(VOCAB.NATIONAL_ID, FORMATS.flatMap((f) => f.words), true);

/** Score with the id word near; the checksummed shapes alone score `alone`. */
const WITH_WORD = 0.9;
const WITH_WORD_VALID = 0.95;

/** The formats with their word near (`worded`), or the checksummed shapes alone (`!worded`). */
/** How far after a hint's start a worded value can start: five context tokens of up to 24 characters, plus the phrase. */
const WORD_REACH = 5 * 24 + 120;

function pushMatch(found: TDetection[], text: string, format: TFormat, m: RegExpExecArray, worded: boolean): void {
  const value = m[0];
  if (format.shape && !format.shape(value)) return;
  const valid = format.valid ? format.valid(value) : false;
  if (format.valid && !valid) return;
  if (worded) {
    if (hasContextWordBefore(text, m.index, 5, format.words)) found.push({ type: 'NATIONAL_ID', start: m.index, end: m.index + value.length, score: format.valid ? WITH_WORD_VALID : WITH_WORD });
  } else if (format.aloneShape?.test(value)) found.push({ type: 'NATIONAL_ID', start: m.index, end: m.index + value.length, score: format.alone! });
}

function detectFormats(text: string, worded: boolean): TDetection[] {
  const found: TDetection[] = [];
  if (!worded) {
    // The dotted CPF starts a digit run of three followed by '.': tried there only (the runs are shared and cached).
    const { starts, lengths } = findDigitRuns(text);
    const cpf = FORMATS[0]!;
    for (let k = 0; k < starts.length; k++) {
      if (lengths[k] !== 3 || text.charCodeAt(starts[k]! + 3) !== 46) continue;
      DOTTED_CPF_AT.lastIndex = starts[k]!;
      const m = DOTTED_CPF_AT.exec(text);
      if (m) pushMatch(found, text, cpf, m, false);
    }
    return found;
  }
  // A worded value starts within WORD_REACH of one of its format's words, and each format's regex runs only in
  // the windows after its words (ten look-behind scans of a long transcript cost 30 ms a MB). One case-insensitive
  // (non-Unicode: simple case mapping, fast) pass over the text finds every hint at token edges, as positions by
  // format (a substring search per hint and format was ~20 ms a MB, a lower-cased copy ~2 ms, the 'iu' flags ~9 ms).
  // The windows only seed the regexes: the context reader decides.
  const positions: number[][] = FORMATS.map(() => []);
  ALL_HINTS.lastIndex = 0;
  for (let m = ALL_HINTS.exec(text); m; m = ALL_HINTS.exec(text)) {
    if (!isTokenEdge(text, m.index - 1) || !isTokenEdge(text, m.index + m[0].length)) {
      ALL_HINTS.lastIndex = m.index + 1;
      continue;
    }
    const formats = FORMATS_BY_HINT.get(m[0].toLowerCase());
    if (formats !== undefined) for (const f of formats) positions[f]!.push(m.index);
  }
  for (let f = 0; f < FORMATS.length; f++) {
    const format = FORMATS[f]!;
    if (positions[f]!.length === 0) continue;
    // Each window is scanned in a slice one character wider on the left (the look-behind) and SLICE_TAIL on the
    // right (a value starting in the window ends inside it): a regex started at a window would otherwise run on
    // to the next match, whole text away.
    const windows = hintWindows(positions[f]!, text.length);
    for (let w = 0; w < windows.length; w += 2) {
      const from = Math.max(0, windows[w]! - 1);
      const to = windows[w + 1]!;
      const slice = text.slice(from, Math.min(text.length, to + SLICE_TAIL));
      format.regex.lastIndex = windows[w]! - from;
      for (let m = format.regex.exec(slice); m && from + m.index < to; m = format.regex.exec(slice)) {
        m.index += from;
        pushMatch(found, text, format, m, true);
      }
    }
  }
  return found;
}

/** A value is at most ~25 characters, and the look-ahead reads one more. */
const SLICE_TAIL = 48;
const TOKEN_UNIT = /[\p{L}\p{N}]/u;

/** Whether position `i` of the text is outside a token (or outside the text). */
function isTokenEdge(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c < 128) return !((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90));
  return !TOKEN_UNIT.test(text[i]!);
}

/** Ascending, merged [from, to) windows after the hint positions where a value can start (flat pairs). */
function hintWindows(starts: number[], length: number): number[] {
  starts.sort((a, b) => a - b);
  const windows: number[] = [];
  for (const p of starts) {
    const to = Math.min(length, p + WORD_REACH);
    if (windows.length > 0 && p <= windows[windows.length - 1]!) windows[windows.length - 1] = Math.max(windows[windows.length - 1]!, to);
    else windows.push(p, to);
  }
  return windows;
}

/** Each format's words by their longest token (the rarest: "seguridad", not "social"), a substring of the text where the word is. */
const FORMATS_BY_HINT = new Map<string, number[]>();
FORMATS.forEach((format, f) => {
  for (const word of format.words) {
    const hint = word.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
    const list = FORMATS_BY_HINT.get(hint) ?? [];
    if (!list.includes(f)) list.push(f);
    FORMATS_BY_HINT.set(hint, list);
  }
});
const ALL_HINTS = new RegExp([...FORMATS_BY_HINT.keys()].sort((a, b) => b.length - a.length).join('|'), 'gi');
const DOTTED_CPF_AT = /(?<![\p{L}\p{N}.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\p{L}\p{N}]|[.-]\d)/uy;

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
