import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { alternation, execAtStarts, findDigitRuns, toSticky, type TRecognizer } from './recognizer';

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember',
  'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
];
const MONTHS = alternation(MONTH_NAMES);
/** Lower case for ASCII and Latin-1 capitals (the letters month names are made of); others unchanged. */
const lowerLatin1 = (c: number): number => ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c | 0x20 : c);
const prefixKey = (a: number, b: number, c: number): number => (a * 0x400 + b) * 0x400 + c;
/** Every month name is at least three letters long: its lower-cased first three letters, as numbers. */
const MONTH_PREFIXES = new Set(MONTH_NAMES.map((m) => prefixKey(m.charCodeAt(0), m.charCodeAt(1), m.charCodeAt(2))));
const YEAR = String.raw`(?:19|20)\d{2}`;
const DATE = new RegExp(
  [
    String.raw`\d{1,2}[./-]\d{1,2}[./-](?:${YEAR}|\d{2})`,
    String.raw`${YEAR}[-/.]\d{1,2}[-/.]\d{1,2}`,
    String.raw`\d{1,2}(?:st|nd|rd|th|er|\.|º)?[ \t]+(?:de[ \t]+|of[ \t]+)?(?:${MONTHS})\.?,?[ \t]+(?:de[ \t]+|del[ \t]+)?${YEAR}`,
    String.raw`(?:${MONTHS})\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+${YEAR}`,
  ]
    .map((source) => `(?<![\\p{L}\\p{N}./-])(?:${source})(?![\\p{N}]|[./-]\\d)`)
    .join('|'),
  'gu',
);

const DATE_AT = toSticky(DATE);

/** Letters month names are made of (ASCII and Latin-1 letters; not × and ÷). */
const isMonthLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);

/**
 * Where a date can start: a digit run shaped like a day or a year ("3.", "12/", "1979-", "3rd ", "3 "), or the
 * month name before a day: month-first dates read `month\.?[ \t]+\d{1,2}`, so from every run of one or two
 * digits after spaces (and maybe a '.') we read back to the start of the word and keep it if its first three
 * letters begin a month name. Everything hangs off the shared digit runs: a long text is not read letter by
 * letter (that loop was the largest cost of this recogniser on a 1 MB transcript). The look-behind is left
 * to the regex.
 */
function findDateStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k++) {
    const i = runs[k]!;
    const n = lengths[k]!;
    const next = text.charCodeAt(i + n);
    if (n <= 2) {
      let j = i;
      while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
      if (j < i) {
        if (j > 0 && text.charCodeAt(j - 1) === 46) j--;
        let w = j;
        while (w > 0 && isMonthLetter(text.charCodeAt(w - 1))) w--;
        if (j - w >= 3 && MONTH_PREFIXES.has(prefixKey(lowerLatin1(text.charCodeAt(w)), lowerLatin1(text.charCodeAt(w + 1)), lowerLatin1(text.charCodeAt(w + 2))))) {
          // Runs ascend, but a month start lies before its day: keep the list sorted.
          let at = starts.length;
          while (at > 0 && starts[at - 1]! > w) at--;
          if (starts[at - 1] !== w) starts.splice(at, 0, w);
        }
      }
      // [./-], a suffix (st nd rd th er º), or white space before a month name
      if (next === 46 || next === 47 || next === 45 || next === 32 || next === 9 || next === 0xba || next === 115 || next === 110 || next === 114 || next === 116 || next === 101) starts.push(i);
    } else if (n === 4 && (next === 46 || next === 47 || next === 45)) starts.push(i);
  }
  return starts;
}

const CONTEXT = {
  positive: [
    'born', 'birth', 'birthday', 'birthdate', 'dob', 'd o b', 'date of birth', 'geboren', 'geb', 'geburtsdatum',
    'geburtstag', 'né', 'née', 'ne le', 'naissance', 'anniversaire', 'nacimiento', 'nacido', 'nacida', 'cumpleaños',
    'nato', 'nata', 'nascita', 'nací', 'naci', 'nasci', 'nascí', 'compleanno', 'nascimento', 'nascido', 'nascida', 'aniversário', 'age', 'dateofbirth',
  ],
  window: 6,
  boost: 0.6,
  negative: true,
};

// Read as context phrases (and "geboren"/"born" after the date): multi-word entries ("ne le", "d o b") gate as pairs.
registerVocabulary(VOCAB.DATE_OF_BIRTH, [...CONTEXT.positive, 'geboren', 'born'], true);

/** Dates are everywhere in support mail; only birth context makes one personal data. */
const BIRTH_HINT = /born|birth|dob|d\.o\.b|geb|naiss|né|nac[ií]|cumplea|nat[oa]|nasc|complean|anivers|age/i;
/** German puts the verb last: "Ich bin am 3. Mai 1979 geboren". */
const BIRTH_AFTER = /^[\s,.]{0,3}(?:geboren|born)\b/i;

export const dateOfBirthRecognizer: TRecognizer = {
  type: 'DATE_OF_BIRTH',
  // A date alone scores 0.2: it needs a birth word before it (context) or "geboren/born" after it.
  mayMatch: (f, threshold) => f.digitCount >= 2 && (threshold <= 0.2 || mayHaveVocabulary(f, VOCAB.DATE_OF_BIRTH)),
  detect(text) {
    // Without a birth word anywhere no date can reach the threshold: skip the date scan entirely.
    if (!BIRTH_HINT.test(text)) return [];
    return scoreDates(text, execAtStarts(DATE_AT, text, findDateStarts(text)));
  },
  detectExhaustively(text) {
    if (!BIRTH_HINT.test(text)) return [];
    const matches: RegExpExecArray[] = [];
    DATE.lastIndex = 0;
    for (let m = DATE.exec(text); m; m = DATE.exec(text)) matches.push(m);
    return scoreDates(text, matches);
  },
};

function scoreDates(text: string, matches: readonly RegExpExecArray[]): TDetection[] {
  const found: TDetection[] = [];
  for (const m of matches) {
    const end = m.index + m[0].length;
    const score = BIRTH_AFTER.test(text.slice(end, end + 16)) ? 0.8 : scoreWithContext(text, m.index, 0.2, CONTEXT);
    found.push({ type: 'DATE_OF_BIRTH', start: m.index, end, score });
  }
  return found;
}
