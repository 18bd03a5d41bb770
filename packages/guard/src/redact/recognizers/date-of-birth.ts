import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { alternation, execAtStarts, findDigitRunStarts, measureDigitRun, toSticky, type TRecognizer } from './recognizer';

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
const MONTH_INITIAL = new Uint8Array(128);
for (const m of MONTH_NAMES) MONTH_INITIAL[m.charCodeAt(0)] = 1;
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

const isLetterOrDigitAscii = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Where a date can start: a digit run shaped like a day or a year ("3.", "12/", "1979-", "3rd ", "3 "),
 * or a word whose first three letters begin a month name. The look-behind is left to the regex.
 */
function findDateStarts(text: string): number[] {
  const starts: number[] = [];
  for (const i of findDigitRunStarts(text)) {
    const n = measureDigitRun(text, i);
    const next = text.charCodeAt(i + n);
    if (n <= 2) {
      // [./-], a suffix (st nd rd th er º), or white space before a month name
      if (next === 46 || next === 47 || next === 45 || next === 32 || next === 9 || next === 0xba || next === 115 || next === 110 || next === 114 || next === 116 || next === 101) starts.push(i);
    } else if (n === 4 && (next === 46 || next === 47 || next === 45)) starts.push(i);
  }
  const monthStarts: number[] = [];
  let before = 32;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const previous = before;
    before = c;
    if (c >= 128 || !MONTH_INITIAL[c | 0x20]) continue;
    if (previous < 128 && isLetterOrDigitAscii(previous)) continue;
    // Month letters are ASCII or Latin-1 (ä, é, û, ç), whose capitals lower-case by setting bit 5.
    if (MONTH_PREFIXES.has(prefixKey(c | 0x20, lowerLatin1(text.charCodeAt(i + 1)), lowerLatin1(text.charCodeAt(i + 2))))) monthStarts.push(i);
  }
  if (monthStarts.length === 0) return starts;
  return starts.concat(monthStarts).sort((a, b) => a - b);
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

registerVocabulary(VOCAB.DATE_OF_BIRTH, [...CONTEXT.positive, 'geboren', 'born']);

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
