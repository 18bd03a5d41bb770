import { mayHaveVocabulary, registerVocabulary, type TTextFeatures, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { alternation, execAtStarts, findDigitRuns, toSticky, type TRecognizer } from './recognizer';

/**
 * Street addresses need a street word (Street, Straße, Rue, Calle, Via, Rua…) next to a house number;
 * a trailing postal code and city are taken into the span. Postal codes alone need a label ("ZIP", "PLZ").
 */

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const POSTAL = String.raw`(?:\d{5}(?:-\d{4})?|\d{4}(?:-\d{3})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)`;
const CITY_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
const CITY = String.raw`${CITY_WORD}(?:[ \t-]${CITY_WORD}){0,2}`;
/** ", 10115 Berlin" / ", Springfield, IL 62704" / ", London SW1A 1AA" */
const TAIL = String.raw`(?:,?[ \t]+${POSTAL}[ \t]+${CITY}|,[ \t]*${CITY},?[ \t]+(?:[A-Z]{2}[ \t]+)?${POSTAL}|,[ \t]*${POSTAL}[ \t]+${CITY})?`;
const UNIT = String.raw`(?:,?[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|#)\.?[ \t]*[\p{L}\p{N}-]{1,6})?`;

const EN_SUFFIX = String.raw`(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Parkway|Pkwy|Highway|Hwy|Square|Sq|Gardens|Row|Mews|Hill)\.?`;
const DE_SUFFIX = String.raw`(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad)`;
const DE_WORD = String.raw`(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee)`;
const FR_WORD = alternation(['rue', 'avenue', 'av.', 'boulevard', 'bd', 'allée', 'chemin', 'place', 'impasse', 'quai', 'route', 'cours']);
const FR_LINK = String.raw`(?:(?:de la|de l'|de l’|du|des|de|d'|d’|la|le|l'|l’)[ \t]*)?`;
const ES_WORD = String.raw`(?:Calle|calle|C\/|Avenida|avenida|Avda\.|Paseo|paseo|Plaza|plaza|Camino|Carrer|Ronda|Travesía)`;
const IT_WORD = String.raw`(?:Via|Viale|viale|Piazza|piazza|Corso|corso|Vicolo|Largo|Piazzale|Lungomare)`;
const PT_WORD = String.raw`(?:Rua|rua|Avenida|Av\.|Travessa|travessa|Praça|praça|Largo|Estrada|Alameda)`;
const ROMANCE_LINK = String.raw`(?:(?:de la|de los|de las|del|de|dei|della|delle|degli|di|da|do|das|dos|d'|d’)[ \t]+)?`;
const ROMANCE_NAME = String.raw`${CITY_WORD}(?:[ \t]+(?:(?:de|del|di|da|do|dos|das|della)[ \t]+)?${CITY_WORD}){0,3}`;
const NUMBER_MARK = String.raw`(?:n\.?[ºo°][ \t]*|nr\.?[ \t]*|n\.[ \t]*)?`;

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** "221B Baker…": a run of at most five digits, maybe one letter, then a space or tab. */
function findEnglishStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k++) {
    const i = runs[k]!;
    const n = lengths[k]!;
    if (n > 5) continue;
    const next = text.charCodeAt(i + n);
    if (isSpaceOrTab(next) || (isAsciiLetter(next) && isSpaceOrTab(text.charCodeAt(i + n + 1)))) starts.push(i);
  }
  return starts;
}

/** "12 rue…", "12bis, rue…": a run of at most four digits, then a space, tab, ',' or "bis"/"ter". */
function findFrenchStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k++) {
    const i = runs[k]!;
    const n = lengths[k]!;
    if (n > 4) continue;
    const next = text.charCodeAt(i + n);
    if (isSpaceOrTab(next) || next === 44 || next === 98 || next === 116) starts.push(i);
  }
  return starts;
}

const isTokenBreak = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Every position from the start of the token before `anchor` (tokens split at space, tab and line breaks)
 * up to `anchor`, not already listed (`floor`), that isn't a space or tab or right after an ASCII letter
 * (the patterns' look-behind forbids a letter). Used for patterns whose start is at most one word before
 * their anchor word; the regex then decides.
 */
function pushStartsBefore(text: string, anchor: number, floor: number, starts: number[]): void {
  let from = anchor;
  while (from > floor && !isTokenBreak(text.charCodeAt(from - 1))) from--;
  while (from > floor && isSpaceOrTab(text.charCodeAt(from - 1))) from--;
  while (from > floor && !isTokenBreak(text.charCodeAt(from - 1))) from--;
  for (let i = from; i <= anchor; i++) {
    if (isSpaceOrTab(text.charCodeAt(i)) || (i > 0 && isAsciiLetter(text.charCodeAt(i - 1)))) continue;
    starts.push(i);
  }
}

/**
 * The start of the `tokens`-th token (tokens split at space, tab and line breaks) ending at or before `end`,
 * not crossing a line break.
 */
function startOfTokensBack(text: string, end: number, tokens: number): number {
  let i = end;
  for (let t = 0; ; t++) {
    while (i > 0 && !isTokenBreak(text.charCodeAt(i - 1))) i--;
    if (t === tokens - 1) return i;
    let k = i;
    while (k > 0 && isSpaceOrTab(text.charCodeAt(k - 1))) k--;
    if (k === i || k === 0 || isTokenBreak(text.charCodeAt(k - 1))) return i;
    i = k;
  }
}

/** Characters a German street part can end in right before its number: letters, marks, ' ’ . - */
const canEndStreetWord = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80 || c === 46 || c === 39 || c === 45;

/**
 * German streets: every match contains a street word or suffix (the hint) in its last or only word, or
 * starts with one ("Platz der Republik 1"), and starts at most one word before it. Its number is a run of at
 * most four digits after that part and [ \t]*, so the hint lies in the three tokens before such a run: only
 * those windows are searched for hints (a whole-text hint scan was a measured cost on long text).
 */
const GERMAN_ANCHOR = /stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad/gi;
function findGermanStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  let scannedTo = 0;
  for (let k = 0; k < runs.length; k++) {
    if (lengths[k]! > 4) continue;
    let end = runs[k]!;
    while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    if (end === 0 || !canEndStreetWord(text.charCodeAt(end - 1))) continue;
    const from = Math.max(scannedTo, startOfTokensBack(text, end, 3));
    if (from >= end) continue;
    const window = text.slice(from, end);
    GERMAN_ANCHOR.lastIndex = 0;
    for (let m = GERMAN_ANCHOR.exec(window); m; m = GERMAN_ANCHOR.exec(window)) {
      const floor = starts.length > 0 ? starts[starts.length - 1]! + 1 : 0;
      pushStartsBefore(text, from + m.index, floor, starts);
    }
    scannedTo = end;
  }
  return starts;
}

/** Characters between a Spanish/Italian/Portuguese street word and its number: letters, marks, ' ’ - . / , º ° */
const isRomanceStreetCharacter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x80 && c !== 0xa0) || c === 39 || c === 45 || c === 46 || c === 47 || c === 44;

/** Street word, up to two link words, a name of up to seven tokens and a number mark: at most 11 gaps. */
const ROMANCE_MAX_GAPS = 12;

/**
 * Spanish, Italian and Portuguese streets start with the street word itself, and a street word can't start
 * inside another one's match (it needs a non-letter before it), so the hint's matches list every start.
 * The number (a run of at most four digits) follows within a dozen tokens of name characters on the same
 * line, so hints are searched only in the stretch of such characters before each short digit run.
 */
const ROMANCE_ANCHOR =
  /Calle|calle|C\/|Avenida|avenida|Avda|Paseo|paseo|Plaza|plaza|Camino|Carrer|Ronda|Traves|Via|Viale|viale|Piazza|piazza|Corso|corso|Vicolo|Largo|Lungomare|Rua|rua|Av\.|Travessa|travessa|Praça|praça|Estrada|Alameda/g;
function findRomanceStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  let scannedTo = 0;
  for (let k = 0; k < runs.length; k++) {
    if (lengths[k]! > 4) continue;
    const end = runs[k]!;
    let from = end;
    let gaps = 0;
    while (from > scannedTo) {
      const c = text.charCodeAt(from - 1);
      if (isSpaceOrTab(c)) {
        if (from === end || !isSpaceOrTab(text.charCodeAt(from))) if (++gaps > ROMANCE_MAX_GAPS) break;
      } else if (!isRomanceStreetCharacter(c)) break;
      from--;
    }
    if (end - from < 3) continue;
    const window = text.slice(from, end);
    ROMANCE_ANCHOR.lastIndex = 0;
    for (let m = ROMANCE_ANCHOR.exec(window); m; m = ROMANCE_ANCHOR.exec(window)) starts.push(from + m.index);
    scannedTo = end;
  }
  return starts;
}

type TPattern = { regex: RegExp; score: number; hint: RegExp; sticky?: RegExp; findStarts?: (text: string) => number[]; vocabulary?: number };

const PATTERNS: TPattern[] = [
  // 221B Baker Street, 1600 Pennsylvania Avenue NW, Apt 4
  {
    regex: new RegExp(String.raw`(?<![\p{L}\p{N}#.,/-])\d{1,5}[A-Za-z]?[ \t]+(?:${WORD}|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+${WORD}){0,3}?[ \t]+${EN_SUFFIX}(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W))?(?![\p{L}])${UNIT}${TAIL}`, 'gu'),
    score: 0.75,
    findStarts: findEnglishStarts,
    vocabulary: VOCAB.STREET_EN,
    hint: /\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Parkway|Pkwy|Highway|Hwy|Square|Sq|Gardens|Row|Mews|Hill)\b/,
  },
  // Hauptstraße 5, Berliner Straße 12a, Am Wall 3 is out of reach without a street word
  {
    regex: new RegExp(String.raw`(?<![\p{L}])(?:(?:${WORD}[ \t-])?\p{Lu}[\p{Ll}\p{M}-]*${DE_SUFFIX}|${WORD}[ \t]+${DE_WORD}|${DE_WORD}[ \t]+(?:des|der)[ \t]+${WORD})[ \t]*\d{1,4}[ \t]?[a-zA-Z]?(?![\p{L}\p{N}])${TAIL}`, 'gu'),
    score: 0.75,
    findStarts: findGermanStarts,
    vocabulary: VOCAB.STREET_DE,
    hint: /stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad/i,
  },
  // 12 rue de la Paix, 75002 Paris
  {
    regex: new RegExp(String.raw`(?<![\p{L}\p{N}#.,/-])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:${FR_WORD})[ \t]+${FR_LINK}${WORD}(?:[ \t]+(?:(?:de|du|des|la|le)[ \t]+)?${WORD}){0,2}${TAIL}`, 'gu'),
    score: 0.75,
    findStarts: findFrenchStarts,
    vocabulary: VOCAB.STREET_FR,
    hint: /\b(?:rue|avenue|av\.|boulevard|bd|all[ée]e|chemin|place|impasse|quai|route|cours)\b/i,
  },
  // Calle Mayor 10 / Via Roma, 12 / Rua Augusta, n.º 45
  {
    regex: new RegExp(String.raw`(?<![\p{L}])(?:${ES_WORD}|${IT_WORD}|${PT_WORD})[ \t]+${ROMANCE_LINK}${ROMANCE_NAME},?[ \t]*${NUMBER_MARK}\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}])${TAIL}`, 'gu'),
    score: 0.7,
    findStarts: findRomanceStarts,
    vocabulary: VOCAB.STREET_ROMANCE,
    hint: /(?:Calle|calle|C\/|Avenida|avenida|Avda|Paseo|paseo|Plaza|plaza|Camino|Carrer|Ronda|Traves|Via|Viale|viale|Piazza|piazza|Corso|corso|Vicolo|Largo|Lungomare|Rua|rua|Av\.|Travessa|travessa|Praça|praça|Estrada|Alameda)/,
  },
  // PO Box 1234
  { regex: /(?<![\p{L}])P\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6}/gu, score: 0.7, hint: /Box/ },
];

for (const pattern of PATTERNS) if (pattern.findStarts) pattern.sticky = toSticky(pattern.regex);

const POSTAL_LABEL = alternation([
  'zip', 'zip code', 'zipcode', 'postcode', 'post code', 'postal code', 'plz', 'postleitzahl', 'code postal', 'cp',
  'código postal', 'codigo postal', 'cap', 'c.a.p.',
]);
const POSTAL_HINT = /zip|post|plz|cp|c[óo]digo|cap|c\.a\.p/i;

/** POSTAL_HINT for the text the gate and `detect` both ask about, in a row: tested once. */
let postalHintText: string | null = null;
let postalHintResult = false;
function hasPostalHint(text: string): boolean {
  if (text !== postalHintText) {
    postalHintResult = POSTAL_HINT.test(text);
    postalHintText = text;
  }
  return postalHintResult;
}
const LABELLED_POSTAL = new RegExp(String.raw`(?<![\p{L}])(?:${POSTAL_LABEL})[ \t]*(?:is|ist|est|es|è|é)?[ \t]*:?[ \t]*(?<code>${POSTAL})(?![\p{L}\p{N}])`, 'gu');

const LABELLED_POSTAL_AT = toSticky(LABELLED_POSTAL);
/** A label, a copula and a ':' take at most four tokens before the code ("código postal es : 28013"). */
const POSTAL_LABEL_TOKENS = 5;

/**
 * Where a labelled postal code can start. Every code begins at a run of 4–5 digits or one or two capitals
 * before a digit run, and its label (starting with z, p or c, after a non-letter) lies in the few tokens
 * before it on the same line: only those positions are tried, instead of a whole-text scan of the label
 * regex (a measured cost on long text). Hand-written for speed.
 */
function findPostalLabelStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  let scannedTo = 0;
  for (let k = 0; k < runs.length; k++) {
    const s = runs[k]!;
    // The code starts at this run (4–5 digits) or at the capitals right before it; its label before that.
    if (!isUpperAscii(text.charCodeAt(s - 1)) && lengths[k]! !== 4 && lengths[k]! !== 5) continue;
    const from = Math.max(scannedTo, startOfTokensBack(text, s, POSTAL_LABEL_TOKENS));
    for (let p = from; p < s; p++) {
      const c = text.charCodeAt(p) | 0x20;
      if (c !== 122 && c !== 112 && c !== 99) continue;
      if (p > 0 && isAsciiLetter(text.charCodeAt(p - 1))) continue;
      starts.push(p);
    }
    scannedTo = Math.max(scannedTo, s);
  }
  return starts;
}

const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;

// Street words that stand alone as tokens (EN suffixes, FR/ES/IT/PT street words, PO Box). Postal-code
// labels can glue to a copula ("PLZé0044"), so they keep their substring hint below. Each pattern's words also
// carry its own bit: every match holds one as a token (preceded by a space or tab, or a non-letter, and followed
// by a space, tab, '.' or a non-letter), so `detect` skips a pattern whose words the scan did not see.
const EN_WORDS = ['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'way', 'court', 'ct', 'place', 'pl',
  'terrace', 'close', 'crescent', 'parkway', 'pkwy', 'highway', 'hwy', 'square', 'sq', 'gardens', 'row', 'mews', 'hill'];
const DE_WORDS = ['straße', 'strasse', 'str', 'weg', 'allee', 'platz', 'gasse', 'ring', 'damm', 'ufer', 'chaussee'];
const FR_WORDS = ['rue', 'avenue', 'av', 'boulevard', 'bd', 'allée', 'chemin', 'place', 'impasse', 'quai', 'route', 'cours'];
const ROMANCE_WORDS = [
  'calle', 'avenida', 'avda', 'paseo', 'plaza', 'camino', 'carrer', 'ronda', 'travesía',
  'via', 'viale', 'piazza', 'corso', 'vicolo', 'largo', 'piazzale', 'lungomare',
  'rua', 'av', 'travessa', 'praça', 'estrada', 'alameda',
];
registerVocabulary(VOCAB.STREET, [...EN_WORDS, ...DE_WORDS, ...FR_WORDS, ...ROMANCE_WORDS]);
registerVocabulary(VOCAB.STREET_EN, EN_WORDS);
registerVocabulary(VOCAB.STREET_DE, DE_WORDS);
registerVocabulary(VOCAB.STREET_FR, FR_WORDS);
registerVocabulary(VOCAB.STREET_ROMANCE, ROMANCE_WORDS);
// "PO Box", "P.O. Box": the pair before "box" ("the box was empty" opens nothing); "C/" is read by the scan itself.
registerVocabulary(VOCAB.STREET, ['po box', 'p o box'], true);

/** The features the gate was last asked about, for `detect` on the same text right after (see `patternMayMatch`). */
let gateText: string | null = null;
let gateFeatures: TTextFeatures | null = null;

/**
 * Whether the scan saw what a pattern's every match holds: its street words as a token (exotic text: maybe), for
 * German also a number right after a word ending in a street suffix, for Spanish also "C/". The patterns'
 * whole-text hint regexes were most of this recogniser's cost; a pattern the scan rules out skips its hint.
 */
function patternMayMatch(f: TTextFeatures, bit: number): boolean {
  if (mayHaveVocabulary(f, bit)) return true;
  if (bit === VOCAB.STREET_DE) return f.germanStreetNumber;
  if (bit === VOCAB.STREET_ROMANCE) return f.hasCSlash;
  return false;
}

export const streetAddressRecognizer: TRecognizer = {
  type: 'STREET_ADDRESS',
  // Every pattern needs a number and a street word, a "PO Box" or a postal-code label.
  mayMatch(f, _threshold, text) {
    gateText = text;
    gateFeatures = f;
    return f.digitCount > 0 && (mayHaveVocabulary(f, VOCAB.STREET) || f.hasCSlash || f.germanStreetNumber || hasPostalHint(text));
  },
  detect: (text) => detectAddresses(text, true),
  detectExhaustively: (text) => detectAddresses(text, false),
};

function pushAddress(found: TDetection[], m: RegExpExecArray, score: number): void {
  const end = m.index + m[0].replace(/[ \t,]+$/, '').length;
  found.push({ type: 'STREET_ADDRESS', start: m.index, end, score });
}

function detectAddresses(text: string, anchored: boolean): TDetection[] {
  const found: TDetection[] = [];
  // The reference path always asks the hints.
  const features = anchored && text === gateText ? gateFeatures : null;
  for (const { regex, score, hint, sticky, findStarts, vocabulary } of PATTERNS) {
    if (features && vocabulary !== undefined && !patternMayMatch(features, vocabulary)) continue;
    if (!hint.test(text)) continue;
    // No per-call closure: tsx (the bench's loader) wraps each in a defineProperty call (`__name`).
    if (anchored && sticky && findStarts) {
      for (const m of execAtStarts(sticky, text, findStarts(text))) pushAddress(found, m, score);
      continue;
    }
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) pushAddress(found, m, score);
  }
  if (!hasPostalHint(text)) return found;
  const labelled: RegExpExecArray[] = [];
  if (anchored) labelled.push(...execAtStarts(LABELLED_POSTAL_AT, text, findPostalLabelStarts(text)));
  else {
    LABELLED_POSTAL.lastIndex = 0;
    for (let m = LABELLED_POSTAL.exec(text); m; m = LABELLED_POSTAL.exec(text)) labelled.push(m);
  }
  for (const m of labelled) {
    // The code group ends the match (only a look-ahead follows it): no 'd' flag, as in the secret recogniser.
    const code = m.groups?.code;
    if (code) {
      const end = m.index + m[0].length;
      found.push({ type: 'STREET_ADDRESS', start: end - code.length, end, score: 0.7 });
    }
  }
  return found;
}
