import { hasContextWordBefore } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

/**
 * Birth dates said in words, as callers do and agents transcribe them: "fourth of June, nineteen eighty-eight",
 * "dritter April neunzehnhundertachtzig", "le douze juillet mille neuf cent quatre-vingt-un", "el cinco de marzo
 * de mil novecientos noventa", "sette agosto millenovecentottantatré", "quinze de maio de mil novecentos e oitenta e
 * sete". A day word (or two), a month name, and a year in words that starts with its century (nineteen…, mille neuf
 * cent…); a birth word must come before the month (within ten tokens), as for dates in digits.
 */
const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember',
  'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
];
const CENTURIES = ['nineteen', 'twenty', 'two thousand', 'neunzehnhundert', 'zweitausend', 'mille neuf cent', 'deux mille', 'mil novecientos', 'dos mil', 'millenovecento', 'duemila', 'mil novecentos', 'dois mil'];
/** Number-word parts a year in words is made of (hyphenated and glued words are split on these). */
const NUMBER_PART = new RegExp(
  '^(?:' +
    [
      'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
      'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
      'hundred', 'thousand', 'oh', 'and', 'ein', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf',
      'zwölf', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig', 'hundert', 'tausend', 'und',
      'un', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze',
      'seize', 'vingt', 'vingts', 'trente', 'quarante', 'cinquante', 'soixante', 'cent', 'cents', 'mille', 'et',
      'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince',
      'dieciséis', 'dieciseis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veinti', 'treinta', 'cuarenta', 'cincuenta', 'sesenta',
      'setenta', 'ochenta', 'noventa', 'cien', 'ciento', 'novecientos', 'mil', 'y',
      'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'venti', 'vent', 'trenta', 'trent', 'quaranta', 'quarant',
      'cinquanta', 'cinquant', 'sessanta', 'sessant', 'settanta', 'settant', 'ottanta', 'ottant', 'novanta', 'novant', 'cento', 'mille', 'tré',
      'um', 'dois', 'três', 'quatro', 'sete', 'oito', 'dez', 'vinte', 'trinta', 'quarenta', 'cinquenta', 'sessenta', 'oitenta',
      'novecentos', 'e',
    ].join('|') +
    ')+$',
);
const WORD = String.raw`[\p{L}]+(?:-[\p{L}]+)*`;
const ARTICLE = String.raw`(?:the|le|el|il|o|a|am|on|der|den)`;
const SPELLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${ARTICLE}[ \t]+)?(?:${WORD}[ \t]+){0,1}${WORD}[ \t]+(?:of[ \t]+|de[ \t]+)?(?<month>${MONTHS.join('|')})[ \t]*,?[ \t]+(?:de[ \t]+|del[ \t]+)?(?<year>(?:${CENTURIES.join('|').replace(/ /g, '[ \\t]+')})[\p{L}]*(?:[ \t-]+${WORD}){0,6})`,
  'gu',
);
const BIRTH_WORDS = [
  'born', 'birth', 'birthday', 'birthdate', 'dob', 'date of birth', 'geboren', 'geburtsdatum', 'geburtstag', 'né', 'née', 'naissance',
  'nacimiento', 'nacido', 'nacida', 'nací', 'naci', 'nato', 'nata', 'nascita', 'nasci', 'nascido', 'nascida', 'nascimento',
];
registerVocabulary(VOCAB.DATE_OF_BIRTH, BIRTH_WORDS, true);

const CONNECTORS = new Set(['and', 'und', 'et', 'y', 'e']);

/** The year's words while they are number words ("nineteen eighty-eight", not "… and my postcode"). */
function yearLength(year: string): number {
  const parts = year.split(/([ \t-]+)/);
  let length = parts[0]!.length;
  let last = 0;
  for (let k = 1; k + 1 < parts.length; k += 2) {
    if (!NUMBER_PART.test(parts[k + 1]!)) break;
    // A connector ("and", "e", "y", "et", "und") only counts with a number word after it.
    if (!CONNECTORS.has(parts[k + 1]!)) last = length + parts[k]!.length + parts[k + 1]!.length;
    length += parts[k]!.length + parts[k + 1]!.length;
  }
  return Math.max(last, parts[0]!.length);
}

/** The century words, found case-insensitively in the text itself (all ASCII): the rare anchor of a spelled date. */
const CENTURY_HINT = new RegExp(CENTURIES.map((c) => c.replace(/ /g, '[ \\t]+')).join('|'), 'gi');
/** A spelled date starts at most this far before its year (article, day words, month, "de"), and ends this far after. */
const BEFORE_YEAR = 64;
const AFTER_YEAR = 96;

/**
 * Only around century words (rare), each window lower-cased on its own and scanned from one character before it
 * (the look-behind): a global scan of a long transcript cost ~90 ms a MB.
 */
function detectSpelled(text: string): TDetection[] {
  const found: TDetection[] = [];
  let scannedTo = 0;
  CENTURY_HINT.lastIndex = 0;
  for (let h = CENTURY_HINT.exec(text); h; h = CENTURY_HINT.exec(text)) {
    const from = Math.max(scannedTo, h.index - BEFORE_YEAR);
    const sliceFrom = Math.max(0, from - 1);
    const raw = text.slice(sliceFrom, Math.min(text.length, h.index + AFTER_YEAR));
    const lower = raw.toLowerCase();
    // Lower-casing must keep positions (it does for the six languages' letters); anything else is left alone.
    if (lower.length !== raw.length) continue;
    SPELLED.lastIndex = from - sliceFrom;
    for (let m = SPELLED.exec(lower); m; m = SPELLED.exec(lower)) {
      const year = m.groups!.year!;
      const yearStart = sliceFrom + m.index + m[0].length - year.length;
      const monthStart = sliceFrom + lower.lastIndexOf(m.groups!.month!, yearStart - sliceFrom);
      scannedTo = yearStart + year.length;
      if (!hasContextWordBefore(text, monthStart, 10, BIRTH_WORDS)) continue;
      // The day part starts after a birth word the leading words may have taken ("né le douze").
      let start = sliceFrom + m.index;
      const lead = /^(?:[\p{L}-]+[ \t]+)*?(?:né|née|nata|nato|nací|nasci|born|geboren)[ \t]+/u.exec(m[0]);
      if (lead) start += lead[0].length;
      found.push({ type: 'DATE_OF_BIRTH', start, end: yearStart + yearLength(year), score: 0.8 });
    }
    if (CENTURY_HINT.lastIndex < scannedTo) CENTURY_HINT.lastIndex = scannedTo;
  }
  return found;
}

export const dateOfBirthSpelledRecognizer: TRecognizer = {
  type: 'DATE_OF_BIRTH',
  mayMatch: (f) => mayHaveVocabulary(f, VOCAB.DATE_OF_BIRTH),
  detect: detectSpelled,
};
