/**
 * One cheap pass over the text that tells `detectEntities` which recognisers can possibly find
 * something, so the expensive ones (unicode regexes with look-behinds, context windows) only run on
 * messages that contain their raw material. Most support messages are short, and with ~12 recognisers
 * the fixed cost of starting every regex scan dominated: profiling showed ~30 µs per 120-byte message,
 * of which under 1 µs was the work on actual candidates.
 *
 * This is hand-written character scanning on purpose: it is the measured reason redaction runs at
 * tens of MB/s (see README, "Redaction benchmark"). Every gate must be a SUPERSET of what its
 * recogniser can report (a false "maybe" only costs time; a false "no" would lose an entity), and
 * `prefilter.test.ts` checks gated and exhaustive detection agree on the corpus and on random text.
 *
 * Word tokens are hashed (FNV-1a over lower-cased UTF-16 units) without allocating strings and looked
 * up in one map of vocabularies, using the same tokenisation as the context window (`[\p{L}\p{N}]+`).
 * Text with letters outside Latin-1/Latin Extended (or with characters whose lower case is longer or
 * context-dependent) sets `exotic`, and every vocabulary gate then answers "maybe".
 */

import { IBAN_LENGTHS } from './validators';

export const VOCAB = {
  SPOKEN_DIGIT: 1,
  PHONE: 2,
  SSN: 4,
  DATE_OF_BIRTH: 8,
  PASSPORT: 16,
  NATIONAL_ID: 32,
  STREET: 64,
  /** The last words of the name recogniser's cues ("hi", "thanks", "mr", the pair "name is"…). */
  PERSON_CUE: 128,
  /**
   * The last word of a password/key label, maybe glued to a copula ("password", "passwordis", "apikey", "contraseña"…),
   * as a whole token or a letter segment after digits. 0x100 is PHRASE_END, below.
   */
  SECRET_LABEL: 0x200,
  /**
   * Street words by the address pattern that needs one as a whole token (or a letter segment after digits); each
   * is also a STREET word: English suffixes, French street words, Spanish/Italian/Portuguese street words, German
   * street words (German compounds are read by `germanStreetNumber`).
   */
  STREET_EN: 0x400,
  STREET_FR: 0x800,
  STREET_ROMANCE: 0x1000,
  STREET_DE: 0x2000,
  /** The holder/sender labels, relatives and naming cues a name can follow (`person-lexicon.ts`; names are looked up there). */
  GIVEN_NAME: 0x4000,
  /** German street prepositions and articles ("Am", "Im", "An der") for addresses without a street word. */
  STREET_PREPOSITION: 0x8000,
} as const;

export type TTextFeatures = {
  /** OR of VOCAB bits of the word tokens present. */
  vocab: number;
  /** Tokens that are spelled-out digits or repeaters ("four", "double", "fünf"). */
  spokenDigitWords: number;
  /** Non-Latin letters or irregular lower-casing: vocabulary gates can't be trusted, they say "maybe". */
  exotic: boolean;
  hasAt: boolean;
  hasPlus: boolean;
  /** ':' or '=' (labelled passwords). */
  hasColonOrEquals: boolean;
  /** "C/" (the Spanish street abbreviation, which as a word token would be the letter "c" of every hex id). */
  hasCSlash: boolean;
  digitCount: number;
  /** Most digits in a run of ASCII digits joined by at most one of [ .-\u00A0] (cards, SSNs, ids). */
  strictRunMax: number;
  /** Same, for runs that contain at least one separator. */
  strictSeparatedRunMax: number;
  /** Most digits in a strict run that ends at an ASCII capital, maybe after one separator (DNI, UK NIN). */
  digitsThenCapitalMax: number;
  /** Most '.' separators inside one strict run (IPv4 needs three). */
  strictRunMaxDots: number;
  /**
   * A run of digit groups joined by single dots whose first four groups have one to three digits: where an IPv4
   * address (or the dotted quad ending an IPv6 one) can be. Version strings ("10.0.19045", "v3.12.9.") are not.
   */
  dottedQuad: boolean;
  /** Most digits in a run joined by any number of [ -.()/\u00A0] (phones). */
  looseRunMax: number;
  /** Same, for loose runs that contain a separator or start with 0. */
  looseShapedRunMax: number;
  /** Most ':' inside one run of [0-9A-Fa-f:] (IPv6). */
  hexColonMax: number;
  /** "::" somewhere (a valid IPv6 address has it, or eight groups: seven colons, six before a dotted quad). */
  hasDoubleColon: boolean;
  /** Longest run of [A-Za-z0-9_+/=.-] (API keys, tokens, JWTs). */
  secretRunMax: number;
  /**
   * A run of ASCII letters and digits that a random token needs: 16+ long mixing two of lower, upper and digit
   * (its long mixed segment), or 32+ hex characters (a hash, a secret only with a context word).
   */
  randomTokenSegment: boolean;
  /** Two ASCII capitals directly followed by two digits (IBAN start). */
  ibanStart: boolean;
  /**
   * Two ASCII capitals that are an IBAN country code, directly followed by two digits and not preceded by a
   * letter or number: where the IBAN recogniser's regex can start (`(?<![\p{L}\p{N}])[A-Z]{2}\d{2}`).
   */
  ibanCountryStart: boolean;
  /** Digit runs of exactly 3, 2 and 4 joined by the same '-' or ' ': the separated SSN shape. */
  ssnSeparated: boolean;
  /** A run of exactly 9 ASCII digits: the bare SSN shape. */
  nineDigitRun: boolean;
  /**
   * A phone layout that scores 0.5 or more without a context word can be present: a '+', a digit run starting
   * with '0' that has 9+ digits in its loose run from there (trunk 0 and '00'), or runs of 3, 3 and 4 digits
   * with short gaps (North-American layouts).
   */
  phoneShapeAlone: boolean;
  /** Six ASCII capitals, two digits, a capital and a digit (the start of an Italian codice fiscale). */
  fiscalCodeStart: boolean;
  /**
   * Positions i (1 ≤ i < length − 1) right after a character a name can follow (`isBeforeName`) that hold an
   * ASCII capital, one of v d l z (name particles) or any non-ASCII character: the only places the name
   * recogniser's candidate test can accept, so it tests these instead of every character. Ascending.
   */
  nameStarts: readonly number[];
  /**
   * A digit run right after a word ending in a German street suffix, maybe after spaces or tabs ("Hauptstraße 5",
   * "Berliner Str. 12"): German compounds hide the street word inside a token, where no vocabulary sees it.
   */
  germanStreetNumber: boolean;
  /**
   * The end of a Spanish DNI/NIE (a run of exactly 7 or 8 digits, maybe '-', then a capital) or of a UK NIN
   * (a strict run of 6+ digits, maybe a space, then A–D).
   */
  idNumberEnd: boolean;
};

const GERMAN_STREET_SUFFIXES = ['straße', 'strasse', 'str.', 'weg', 'allee', 'platz', 'gasse', 'ring', 'damm', 'ufer', 'chaussee', 'steig', 'pfad'];
/**
 * The suffixes by their last code unit (e, '.', g, z, m, r, d); `| 0x20` folds ASCII capitals ('.' stays '.').
 * A number after "order", "Reference" or "Bestellung" then compares one to five suffixes, not thirteen.
 */
const GERMAN_SUFFIXES_BY_LAST: (readonly string[] | undefined)[] = new Array<readonly string[] | undefined>(128).fill(undefined);
for (const suffix of GERMAN_STREET_SUFFIXES) {
  const last = suffix.charCodeAt(suffix.length - 1);
  GERMAN_SUFFIXES_BY_LAST[last] = [...(GERMAN_SUFFIXES_BY_LAST[last] ?? []), suffix];
}

/**
 * Whether a German street suffix ends the text before the digit run starting at `run`, case-insensitively,
 * after skipping spaces and tabs. ASCII (and ß) is compared by code unit without a lower-cased copy; any other
 * character in reach takes the slice path, whose lower-casing can change lengths. Called by the scan at each
 * digit run's start (it was a separate pass over the shared digit runs, a measured cost of every message with
 * a number). Hand-written for speed.
 */
function endsWithGermanStreetSuffix(text: string, run: number): boolean {
  let end = run;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end === 0) return false;
  const last = text.charCodeAt(end - 1) | 0x20;
  const candidates = last < 128 ? GERMAN_SUFFIXES_BY_LAST[last] : undefined;
  if (candidates === undefined) return false;
  const from = Math.max(0, end - 12);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xdf) {
      const word = text.slice(from, end).toLowerCase();
      return GERMAN_STREET_SUFFIXES.some((suffix) => word.endsWith(suffix));
    }
  }
  for (const suffix of candidates) {
    if (suffix.length > end - from) continue;
    let k = 1;
    while (k <= suffix.length) {
      const c = text.charCodeAt(end - k);
      if ((c >= 65 && c <= 90 ? c | 0x20 : c) !== suffix.charCodeAt(suffix.length - k)) break;
      k++;
    }
    if (k > suffix.length) return true;
  }
  return false;
}

/** ' ', '\t', '\n', ',', ':', '-', '–', '—', '~': what every name rule lets come right before a name. */
export const isBeforeName = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 44 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014 || c === 126;

const NO_POSITIONS: readonly number[] = Object.freeze([]);

/** IBAN country codes as (first - 65) * 26 + (second - 65). */
const IBAN_COUNTRY = new Uint8Array(26 * 26);
for (const code of Object.keys(IBAN_LENGTHS)) IBAN_COUNTRY[(code.charCodeAt(0) - 65) * 26 + code.charCodeAt(1) - 65] = 1;

/** Hashes stay int32 throughout (`| 0`, an Int32Array of keys): as uint32 (`>>> 0`) half of them were doubles. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** Character classes for code units below 128. */
const C_DIGIT = 1;
const C_UPPER = 2;
const C_LOWER = 4;
const C_SECRET = 8; // [A-Za-z0-9_+/=.-]
const C_HEX = 16;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let cls = 0;
  if (c >= 48 && c <= 57) cls |= C_DIGIT;
  if (c >= 65 && c <= 90) cls |= C_UPPER;
  if (c >= 97 && c <= 122) cls |= C_LOWER;
  if (/[A-Za-z0-9_+/=.-]/.test(ch)) cls |= C_SECRET;
  if (/[0-9A-Fa-f]/.test(ch)) cls |= C_HEX;
  ASCII[c] = cls;
}

/** For code units 0x80–0x24F: 0 = not a word character, -1 = exotic, otherwise the lower-case unit. */
export const LATIN = new Int32Array(0x250);
for (let c = 0x80; c < 0x250; c++) {
  const ch = String.fromCharCode(c);
  if (!/[\p{L}\p{N}]/u.test(ch)) {
    // The spoken-digit regex treats U+00C0–U+024F as word characters even where Unicode does not (×, ÷).
    LATIN[c] = c >= 0xc0 ? -1 : 0;
    continue;
  }
  const lower = ch.toLowerCase();
  LATIN[c] = c >= 0xc0 && lower.length === 1 ? lower.charCodeAt(0) : -1;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** FNV-1a of the UTF-16 units, int32: the hash the scan, the context reader and the name triggers compute in place. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/**
 * Word hash → VOCAB bits, as an open-addressing table in typed arrays: one probe per word token instead of
 * a Map lookup (the scan runs on every message; Map.get per word showed in profiles of short messages).
 * Keys are full 32-bit hashes, so a lookup answers exactly what the Map did.
 */
const VOCAB_SLOTS = 1 << 12;
const vocabularyKeys = new Int32Array(VOCAB_SLOTS);
const vocabularyBits = new Uint16Array(VOCAB_SLOTS); // 0 = empty slot (every registered word has a bit)

function slotOf(hash: number): number {
  let slot = (hash ^ (hash >>> 12)) & (VOCAB_SLOTS - 1);
  while (vocabularyBits[slot] !== 0 && vocabularyKeys[slot] !== hash) slot = (slot + 1) & (VOCAB_SLOTS - 1);
  return slot;
}

function lookupVocabulary(hash: number): number {
  return vocabularyBits[slotOf(hash)]!;
}

let vocabularySize = 0;

/**
 * Marks the last word of a multi-word entry registered with `phrases`: only after such a word is the pair
 * (word before, word) looked up, so the common case stays one probe per word. Not a VOCAB bit.
 */
const PHRASE_END = 0x100;

/** Key of two consecutive word tokens (their hashes mixed); shares the table with single words. */
function pairKey(before: number, word: number): number {
  return Math.imul(before ^ (before >>> 15), 0x2c1b3c6d) ^ word;
}

function addKey(key: number, bit: number): void {
  const slot = slotOf(key);
  if (vocabularyBits[slot] === 0) {
    if (++vocabularySize > VOCAB_SLOTS / 2) throw new Error('prefilter vocabulary table is full');
    vocabularyKeys[slot] = key;
  }
  vocabularyBits[slot] = vocabularyBits[slot]! | bit;
}


const RUN_NINE_DIGITS = 1;
const RUN_ENDS_SEPARATED_SSN = 2;
const RUN_ENDS_PHONE_3_3_4 = 4;

/**
 * The shapes a digit run completes with the two runs before it (starts, lengths, the separator
 * before each): nine digits alone, 3-2-4 with one separator (45 '-' or 32 ' ') as an SSN is
 * written, 3-3-4 with one-character gaps as a phone number is. Called where a run ends: inside
 * the scan and at the end of the text.
 */
function digitRunShape(
  runLength: number,
  runStart: number,
  lastRunLength: number,
  lastRunStart: number,
  lastRunSep: number,
  prevRunLength: number,
  prevRunStart: number,
  prevRunSep: number,
): number {
  if (runLength === 9) return RUN_NINE_DIGITS;
  if (runLength !== 4 || prevRunLength !== 3) return 0;
  let shape = 0;
  if (lastRunLength === 2 && lastRunStart + 3 === runStart && (lastRunSep === 45 || lastRunSep === 32) && prevRunStart + 4 === lastRunStart && prevRunSep === lastRunSep) {
    shape |= RUN_ENDS_SEPARATED_SSN;
  }
  if (lastRunLength === 3 && lastRunStart + 4 === runStart && (prevRunStart + 4 === lastRunStart || prevRunStart + 5 === lastRunStart)) shape |= RUN_ENDS_PHONE_3_3_4;
  return shape;
}

/**
 * Registers whole-token words. For a multi-word context entry the last word is registered on its own by
 * default; with `phrases`, the last two words are registered as a pair instead (for recognisers whose
 * vocabulary is only ever read as context phrases over `[\p{L}\p{N}]+` tokens, where "id card" needs "id"
 * right before "card": a lone "card" or "number" no longer opens the national-id gate).
 */
export function registerVocabulary(bit: number, entries: readonly string[], phrases = false): void {
  for (const entry of entries) {
    const tokens = entry.toLowerCase().match(/[\p{L}\p{N}]+/gu);
    const last = tokens?.[tokens.length - 1];
    if (!last) continue;
    if (phrases && tokens.length >= 2) {
      addKey(hashWord(last), PHRASE_END);
      addKey(pairKey(hashWord(tokens[tokens.length - 2]!), hashWord(last)), bit);
    } else addKey(hashWord(last), bit);
  }
}

/**
 * The tight loops below (runs of lower-case letters, single spaces between them, runs of digits) are shortcuts
 * of the general per-character path. Tests switch them off to check both read the same features.
 */
let tightLoops = true;

/** For tests: turns the scan's tight loops off (true) or on; returns the previous setting. */
export function setScanTightLoopsOff(off: boolean): boolean {
  const previous = !tightLoops;
  tightLoops = !off;
  return previous;
}

export function scanText(text: string): TTextFeatures {
  let vocab = 0;
  let spokenDigitWords = 0;
  let exotic = false;
  let hasAt = false;
  let hasPlus = false;
  let hasColonOrEquals = false;
  let hasCSlash = false;
  let hasDoubleColon = false;
  let digitCount = 0;

  let hash = FNV_OFFSET;
  // Restarts at every letter/digit boundary, so "1979born" and "plz1979" also yield "born" and "plz".
  let tailHash = FNV_OFFSET;
  let previousWasDigit = false;
  let inWord = false;
  // The hash of the last whole word token, for the pair lookups of phrase vocabularies (0: none yet).
  let previousWordHash = 0;
  let previousTailHash = 0;

  let strictDigits = 0;
  let strictSeps = 0;
  let strictDots = 0;
  let strictGap = 0; // separators since the last digit
  let strictRunMax = 0;
  let strictSeparatedRunMax = 0;
  let strictRunMaxDots = 0;
  let digitsThenCapitalMax = 0;

  let looseDigits = 0;
  let looseShaped = false;
  let looseGap = false;
  let looseRunMax = 0;
  let looseShapedRunMax = 0;

  let hexColons = 0;
  let hexColonMax = 0;
  let secretRun = 0;
  let secretRunMax = 0;
  // The current run of ASCII letters and digits: length, classes seen (C_DIGIT | C_UPPER | C_LOWER), all hex.
  let alnumRun = 0;
  let alnumClasses = 0;
  let alnumHex = true;
  let randomTokenSegment = false;
  let upperRun = 0;
  let ibanStart = false;
  let ibanCountryStart = false;
  let fiscalCodeStart = false;
  let idNumberEnd = false;
  let germanStreetNumber = false;
  let nameStarts: number[] | null = null;
  // The current run of dot-joined digit groups: finished groups, digits of the open group, first four groups short.
  let quadGroups = 0;
  let quadDigits = 0;
  let quadShort = true;
  let dottedQuad = false;

  // The last two finished runs of ASCII digits (length, start, the character after them) and the current one.
  let runStart = -1;
  let lastRunLength = 0;
  let lastRunStart = -2;
  let lastRunSep = 0;
  let prevRunLength = 0;
  let prevRunStart = -2;
  let prevRunSep = 0;
  // The digit-run shapes seen at run ends (digitRunShape's bits, or-ed).
  let runShapes = 0;
  // Loose-run digits counted before the first digit run starting with '0' in the current loose run (-1: none).
  let zeroRunDigits = -1;
  let phoneShapeAlone = false;

  const length = text.length;
  // One step past the end reads a NUL, a character of no class, which ends every open word and run exactly as
  // the text's end must: the end takes the loop's own code instead of a copy of it after the loop.
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 0;
    const cls = c < 128 ? ASCII[c]! : 0;

    // Name starts: a capital, a particle's first letter or a non-ASCII character after a name boundary.
    if ((cls & C_UPPER || c >= 128 || c === 118 || c === 100 || c === 108 || c === 122) && i >= 1 && i < length - 1 && isBeforeName(text.charCodeAt(i - 1))) {
      (nameStarts ??= []).push(i);
    }

    // Word tokens ([\p{L}\p{N}]+, lower-cased) for the vocabularies.
    let lower = -2;
    if (c < 128) {
      if (cls & (C_DIGIT | C_LOWER)) lower = c;
      else if (cls & C_UPPER) lower = c | 0x20;
    } else if (c < 0x250) {
      const l = LATIN[c]!;
      if (l === -1) exotic = true;
      else if (l > 0) lower = l;
    } else if (!exotic && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x20a0 && c <= 0x20cf) && ((c >= 0xd800 && c <= 0xdfff) || WORD_CHARACTER.test(text[i]!))) {
      // Dashes, quotes and currency signs (General Punctuation, Currency Symbols: no letter or number) skip the
      // regex test; they are common in support messages.
      exotic = true;
    }
    if (lower >= 0) {
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      const isDigit = lower <= 57;
      if (inWord && isDigit !== previousWasDigit) {
        // A letter/digit boundary inside a token: the finished segment is looked up on its own too.
        vocab |= lookupVocabulary(tailHash | 0);
        tailHash = FNV_OFFSET;
      }
      tailHash = Math.imul(tailHash ^ lower, FNV_PRIME);
      previousWasDigit = isDigit;
      inWord = true;
    } else {
      previousWasDigit = false;
      if (inWord) {
        const bits = lookupVocabulary(hash | 0);
        vocab |= bits;
        if (bits & VOCAB.SPOKEN_DIGIT) spokenDigitWords++;
        if (bits & PHRASE_END) {
          vocab |= lookupVocabulary(pairKey(previousWordHash, hash | 0));
          // "2name is": the word before may end a token that starts with digits; its last segment counts too.
          if (previousTailHash !== previousWordHash) vocab |= lookupVocabulary(pairKey(previousTailHash, hash | 0));
        }
        previousWordHash = hash | 0;
        previousTailHash = tailHash | 0;
        if (tailHash !== hash) vocab |= lookupVocabulary(tailHash | 0);
        hash = FNV_OFFSET;
        tailHash = FNV_OFFSET;
        inWord = false;
      }
    }

    // Digit runs.
    if (cls & C_DIGIT) {
      if (runStart < 0) {
        runStart = i;
        if (c === 48 && zeroRunDigits < 0) zeroRunDigits = looseDigits;
        if (!germanStreetNumber && i > 0 && endsWithGermanStreetSuffix(text, i)) germanStreetNumber = true;
      }
      digitCount++;
      strictDigits++;
      strictGap = 0;
      if (looseDigits === 0 && c === 48) looseShaped = true;
      if (looseGap) looseShaped = true;
      looseGap = false;
      looseDigits++;
    } else {
      if (runStart >= 0) {
        const runLength = i - runStart;
        runShapes |= digitRunShape(runLength, runStart, lastRunLength, lastRunStart, lastRunSep, prevRunLength, prevRunStart, prevRunSep);
        prevRunLength = lastRunLength;
        prevRunStart = lastRunStart;
        prevRunSep = lastRunSep;
        if (!idNumberEnd) {
          const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
          // DNI/NIE: a run of 7–8 digits, maybe '-', then a capital.
          if ((runLength === 7 || runLength === 8) && ((c >= 65 && c <= 90) || (c === 45 && next >= 65 && next <= 90))) idNumberEnd = true;
        }
        lastRunLength = runLength;
        lastRunStart = runStart;
        lastRunSep = c;
        runStart = -1;
      }
      if (strictDigits > 0) {
        if ((c === 32 || c === 46 || c === 45 || c === 0xa0) && strictGap === 0) {
          strictGap = 1;
          strictSeps++;
          if (c === 46) strictDots++;
        } else {
          if (cls & C_UPPER && strictDigits > digitsThenCapitalMax) digitsThenCapitalMax = strictDigits;
          // UK NIN: six digits (pairs joined by single spaces, a strict run), maybe a space, then A–D.
          if (c >= 65 && c <= 68 && strictDigits >= 6) idNumberEnd = true;
          if (strictDigits > strictRunMax) strictRunMax = strictDigits;
          if (strictSeps > 0 && strictDigits > strictSeparatedRunMax) strictSeparatedRunMax = strictDigits;
          if (strictDots > strictRunMaxDots) strictRunMaxDots = strictDots;
          strictDigits = 0;
          strictSeps = 0;
          strictDots = 0;
          strictGap = 0;
        }
      }
      if (looseDigits > 0) {
        if (c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 0xa0) looseGap = true;
        else {
          if (looseDigits > looseRunMax) looseRunMax = looseDigits;
          if (looseShaped && looseDigits > looseShapedRunMax) looseShapedRunMax = looseDigits;
          if (zeroRunDigits >= 0 && looseDigits - zeroRunDigits >= 9) phoneShapeAlone = true;
          zeroRunDigits = -1;
          looseDigits = 0;
          looseShaped = false;
          looseGap = false;
        }
      }
    }
    // Dotted quads: a group ends at any non-digit; only a '.' right after digits continues the run.
    if (cls & C_DIGIT) quadDigits++;
    else {
      if (quadDigits > 0) {
        if (quadDigits > 3 && quadGroups < 4) quadShort = false;
        if (++quadGroups === 4 && quadShort) dottedQuad = true;
      }
      if (c !== 46 || quadDigits === 0) {
        quadGroups = 0;
        quadShort = true;
      }
      quadDigits = 0;
    }

    if (c === 64) hasAt = true;
    else if (c === 43) hasPlus = true;
    else if (c === 58 || c === 61) {
      hasColonOrEquals = true;
      if (c === 58 && i > 0 && text.charCodeAt(i - 1) === 58) hasDoubleColon = true;
    }
    else if (c === 47 && i > 0 && text.charCodeAt(i - 1) === 67) hasCSlash = true;

    if (cls & C_HEX || c === 58) {
      if (c === 58 && ++hexColons > hexColonMax) hexColonMax = hexColons;
    } else hexColons = 0;

    if (cls & C_SECRET) {
      if (++secretRun > secretRunMax) secretRunMax = secretRun;
    } else secretRun = 0;

    if (cls & (C_DIGIT | C_UPPER | C_LOWER)) {
      alnumRun++;
      alnumClasses |= cls & (C_DIGIT | C_UPPER | C_LOWER);
      if (!(cls & C_HEX)) alnumHex = false;
    } else if (alnumRun > 0) {
      if ((alnumRun >= 16 && (alnumClasses & (alnumClasses - 1)) !== 0) || (alnumRun >= 32 && alnumHex)) randomTokenSegment = true;
      alnumRun = 0;
      alnumClasses = 0;
      alnumHex = true;
    }

    if (cls & C_UPPER) upperRun++;
    else {
      if (cls & C_DIGIT) {
        const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (upperRun >= 2 && next >= 48 && next <= 57) {
          ibanStart = true;
          if (IBAN_COUNTRY[(text.charCodeAt(i - 2) - 65) * 26 + text.charCodeAt(i - 1) - 65] === 1 && !isLetterOrNumberAt(text, i - 3)) {
            ibanCountryStart = true;
          }
        }
        if (upperRun >= 6 && i + 3 < length) {
          const second = text.charCodeAt(i + 1);
          const letter = text.charCodeAt(i + 2);
          const third = text.charCodeAt(i + 3);
          if (second >= 48 && second <= 57 && letter >= 65 && letter <= 90 && third >= 48 && third <= 57) fiscalCodeStart = true;
        }
      }
      upperRun = 0;
    }

    if (cls & C_DIGIT && tightLoops) {
      // The rest of a run of ASCII digits (a fifth of a PII-dense message), likewise: after one digit only the
      // word hashes, the digit and dotted-quad counts and the token runs move (no separator gap is open, no
      // capital precedes, the run has started). Hand-written for speed.
      let next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      while (next >= 48 && next <= 57) {
        hash = Math.imul(hash ^ next, FNV_PRIME);
        tailHash = Math.imul(tailHash ^ next, FNV_PRIME);
        digitCount++;
        strictDigits++;
        looseDigits++;
        quadDigits++;
        secretRun++;
        alnumRun++;
        i++;
        next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      }
      if (secretRun > secretRunMax) secretRunMax = secretRun;
    } else if (cls & C_LOWER && tightLoops) {
      // The rest of a run of lower-case ASCII letters, most of any text, in a tight loop: after one such
      // letter every other state above is settled (digit runs closed, no letter/digit boundary, no capitals),
      // so only the word hashes and the hex and token runs move. Hand-written for speed (the scan runs on
      // every message).
      // A single space between two such runs ("the order was") stays in this loop too: the space only ends the
      // word (the same lookups as below at a non-word character) and the token runs, and the letter after it
      // starts a word with every other state still settled. `prefilter.test.ts` checks the scan reads the same
      // features when those spaces are tabs, which take the general path.
      let next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      for (;;) {
        if (next >= 97 && next <= 122) {
          hash = Math.imul(hash ^ next, FNV_PRIME);
          tailHash = Math.imul(tailHash ^ next, FNV_PRIME);
          if (next > 102) {
            hexColons = 0;
            alnumHex = false;
          }
          secretRun++;
          alnumRun++;
          i++;
          next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
          continue;
        }
        if (next !== 32 || i + 2 >= length) break;
        const first = text.charCodeAt(i + 2);
        if (first < 97 || first > 122) break;
        // A particle's first letter after the space is a name start (see the general path).
        if ((first === 118 || first === 100 || first === 108 || first === 122) && i + 2 < length - 1) (nameStarts ??= []).push(i + 2);
        // The word ends at the space.
        const bits = lookupVocabulary(hash | 0);
        vocab |= bits;
        if (bits & VOCAB.SPOKEN_DIGIT) spokenDigitWords++;
        if (bits & PHRASE_END) {
          vocab |= lookupVocabulary(pairKey(previousWordHash, hash | 0));
          if (previousTailHash !== previousWordHash) vocab |= lookupVocabulary(pairKey(previousTailHash, hash | 0));
        }
        previousWordHash = hash | 0;
        previousTailHash = tailHash | 0;
        if (tailHash !== hash) vocab |= lookupVocabulary(tailHash | 0);
        // The space ends the token and letter runs.
        if (secretRun > secretRunMax) secretRunMax = secretRun;
        if ((alnumRun >= 16 && (alnumClasses & (alnumClasses - 1)) !== 0) || (alnumRun >= 32 && alnumHex)) randomTokenSegment = true;
        hexColons = 0;
        // The letter after it starts the next word and runs.
        hash = Math.imul(FNV_OFFSET ^ first, FNV_PRIME);
        tailHash = hash;
        alnumRun = 1;
        alnumClasses = C_LOWER;
        alnumHex = first <= 102;
        secretRun = 1;
        i += 2;
        next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      }
      if (secretRun > secretRunMax) secretRunMax = secretRun;
    }
  }
  if (hasPlus) phoneShapeAlone = true;

  return {
    vocab,
    spokenDigitWords,
    exotic,
    hasAt,
    hasPlus,
    hasColonOrEquals,
    hasCSlash,
    digitCount,
    strictRunMax,
    strictSeparatedRunMax,
    strictRunMaxDots,
    dottedQuad,
    digitsThenCapitalMax,
    looseRunMax,
    looseShapedRunMax,
    hexColonMax,
    hasDoubleColon,
    secretRunMax,
    randomTokenSegment,
    ibanStart,
    ibanCountryStart,
    ssnSeparated: (runShapes & RUN_ENDS_SEPARATED_SSN) !== 0,
    nineDigitRun: (runShapes & RUN_NINE_DIGITS) !== 0,
    phoneShapeAlone: phoneShapeAlone || (runShapes & RUN_ENDS_PHONE_3_3_4) !== 0,
    fiscalCodeStart,
    germanStreetNumber,
    nameStarts: nameStarts ?? NO_POSITIONS,
    idNumberEnd,
  };
}

/** Whether text[index] (or the code point ending there) is a letter or number, as `[\p{L}\p{N}]` reads it. */
function isLetterOrNumberAt(text: string, index: number): boolean {
  if (index < 0) return false;
  const c = text.charCodeAt(index);
  if (c < 128) return (ASCII[c]! & (C_DIGIT | C_UPPER | C_LOWER)) !== 0;
  if (c >= 0xdc00 && c <= 0xdfff && index >= 1) return LETTER_OR_NUMBER_PAIR.test(text.slice(index - 1, index + 1));
  return WORD_CHARACTER.test(text[index]!);
}
const LETTER_OR_NUMBER_PAIR = /^[\p{L}\p{N}]+$/u;

/** True when a word of `bit`'s vocabulary occurs (or the text is exotic, so we can't tell). */
export function mayHaveVocabulary(features: TTextFeatures, bit: number): boolean {
  return features.exotic || (features.vocab & bit) !== 0;
}
