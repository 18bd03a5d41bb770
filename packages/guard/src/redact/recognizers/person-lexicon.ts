import { FNV_OFFSET, FNV_PRIME, hashWord, LATIN, mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { GIVEN_NAMES } from './given-names';
import { type TRecognizer } from './recognizer';

/**
 * Names the trigger phrases of `person.ts` do not announce: "Customer Isla Doyle called", "Cardholder: Dev Reyes",
 * "my wife Joanne", "name on it jordan mcleod". Three paths, each anchored on one word token looked up by hash: the
 * labels, relatives and naming cues are prefilter vocabulary (bit GIVEN_NAME), a capitalised known name is found by
 * `hasCapitalisedName`; the gate stays closed on text with neither:
 *  - lexicon: a capitalised known given name (see `given-names.ts`), with up to two capitalised surname words after
 *    it; not after a street or place word ("Via Dante", "boulevard Victor Hugo", "Santa Catarina") nor before one
 *    ("Florence Road", "Stanley Hotel");
 *  - lower or upper case: a known given name in one case ("jordan mcleod", "GERALD FITZPATRICK") only right after
 *    a naming cue ("name", "its", "I'm", "called", "my name is");
 *  - context: any capitalised run after a holder or sender label ("Cardholder:", "Titular:", "Absender:") or a
 *    relative ("my sister Dana", "mi marido Andrés Gil", "Mein Mann Klaus Becker").
 * Scores stay below the trigger rules and street addresses, which win an overlap.
 */

const LEXICON = new Set(GIVEN_NAMES.map((name) => name.split('-')[0]!));
/**
 * Given names that are also words or places ("Grace", "Will", "Rosa", "Carolina"; months never): a name only
 * with a capitalised surname after it and not at a sentence start ("forward this to Grace Hughes", not "Will
 * Support reply?", "Grace period").
 */
const AMBIGUOUS = new Set(
  (
    'grace will mark bill frank rose rosa hope faith joy ivy hazel daisy lily violet ruby amber jade pearl olive ' +
    'dawn summer autumn holly heather iris jack max dean miles grant chase hunter mason carter austin jordan georgia carolina ' +
    'victoria florence sydney madison pilar dolores mercedes gloria aurora marina luz paz sol alba vera serena felice mia ella lee ' +
    'kai ernst otto noël pascal'
  ).split(' '),
);

/** Words that end a holder/sender label ("Cardholder:", "Kontoinhaber:"); the label needs a colon after it. */
const LABEL_WORDS = [
  'cardholder', 'holder', 'titular', 'titulaire', 'titolare', 'intestatario', 'intestataria', 'karteninhaber', 'kontoinhaber',
  'inhaber', 'inhaberin', 'absender', 'absenderin', 'expéditeur', 'expéditrice', 'remitente', 'mittente', 'remetente', 'applicant',
  'caller', 'sender', 'recipient', 'beneficiary', 'beneficiario', 'beneficiaria', 'bénéficiaire', 'beneficiário', 'empfänger',
  'empfängerin', 'destinatario', 'destinataria', 'destinatário', 'destinataire', 'passenger', 'patient', 'employee',
];
/** "intestato a Marco Bellini", "account holder Katrin Vogel": no colon needed after these phrases. */
const LABEL_PHRASES = ['intestato a', 'intestata a', 'account holder', 'on behalf of', 'au nom de', 'a nombre de', 'a nome di', 'em nome de', 'im namen von'];
const RELATIVES = [
  'wife', 'husband', 'son', 'daughter', 'mom', 'mum', 'mother', 'dad', 'father', 'sister', 'brother', 'partner', 'fiancé', 'fiancée',
  'girlfriend', 'boyfriend', 'grandson', 'granddaughter', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'aunt', 'uncle', 'niece',
  'nephew', 'cousin', 'colleague', 'assistant', 'mann', 'frau', 'ehemann', 'ehefrau', 'sohn', 'tochter', 'mutter', 'vater', 'schwester',
  'bruder', 'femme', 'mari', 'fils', 'fille', 'mère', 'père', 'sœur', 'soeur', 'frère', 'marido', 'mujer', 'esposa', 'esposo', 'hijo',
  'hija', 'madre', 'padre', 'hermana', 'hermano', 'marito', 'moglie', 'figlio', 'figlia', 'sorella', 'fratello', 'mulher', 'filho',
  'filha', 'mãe', 'pai', 'irmã', 'irmão',
];
const POSSESSIVES = ['my', 'mein', 'meine', 'meinem', 'meiner', 'ma', 'mon', 'mi', 'mio', 'mia', 'meu', 'minha', 'our', 'unser', 'unsere'];
/** Cues a lower- or upper-case name may follow: one of the five words before it in its clause (or "I'm" right before). */
const CASELESS_CUE_LIST = ['name', 'named', 'called', 'its', 'im', 'heiße', 'heisse', 'appelle', 'llamo', 'chiamo', 'chamo', 'nome', 'nombre', 'nom'];
const CASELESS_CUES = new Set(CASELESS_CUE_LIST);

/** Words before a capitalised word that make it part of a place ("Via Dante", "Rua de Santa Catarina", "St. Louis"). */
const PLACE_BEFORE = new Set(
  (
    'via viale piazza piazzale corso largo vicolo calle avenida av avda paseo plaza carrer rua travessa praça praca alameda rue avenue ' +
    'boulevard bd bld allée allee impasse chemin place quai square cours route san santa santo são sao saint sainte st ste sankt dom ' +
    'mount mt lake port fort cape isla ilha île ile hospital hôpital ospedale hospital clínica clinica escola école ecole scuola colegio ' +
    'colégio collège college lycée liceo universidad universidade università université university stazione estação gare aeroporto ' +
    'aeropuerto aéroport airport hotel hôtel villa casa maison haus schloss parque parco parc park queen king prince princess lord lady ' +
    'boulangerie pharmacie restaurant café cafe bar garage bäckerei apotheke farmacia panadería panaderia ristorante pizzeria loja ' +
    'pastelaria tienda negozio shop store north south east west new'
  ).split(' '),
);
/** Words after a name that make it a place or organisation ("Florence Road", "Victoria Station", "Morgan Ltd"). */
const PLACE_AFTER = new Set(
  (
    'street st road rd lane ln avenue ave drive dr way court ct place pl close crescent terrace tce boulevard blvd square sq park ' +
    'gardens grove hill row walk mews view parade circus wharf quay bridge station airport hospital clinic school college university ' +
    'academy institute museum church cathedral chapel hotel inn centre center tower house hall building estate farm street ' +
    'inc ltd llc plc gmbh ag sa sas sarl srl spa bv co company corp corporation group bank foundation trust fund airlines ' +
    'straße strasse str weg allee platz gasse ring damm ufer chaussee florist florists bakery salon studio studios cafe café shop ' +
    'store stores boutique restaurant bistro pub bar kitchen deli market pharmacy clinic dental motors garage'
  ).split(' '),
);
/** Capitalised words that never start or continue a name here. */
const NOT_NAME = new Set(
  (
    'i a an the and or but of in on at to for from with by de la le el il lo los las les das der die den dem des du di da do dos ' +
    'team support customer customers care service services billing sales admin account order refund invoice hello hi hey dear thanks ' +
    'thank please regards cheers best kind sir madam monday tuesday wednesday thursday friday saturday sunday january february march ' +
    'april may june july august september october november december iban ssn dob email phone mobile tel fax card visa mastercard amex ' +
    'paypal apple google amazon microsoft android iphone ios windows mac linux chrome firefox safari it yes no sure ok okay well ' +
    'great done sorry fine good'
  ).split(' '),
);
/** Lower-case words that can't be a surname after a caseless name ("danny again", "GERALD AND"). */
const NOT_SURNAME = new Set(
  (
    'a an the and or but of in on at to for from with by is am are was were be been here there again again too also please thanks ' +
    'thank lol ok okay hi hello hey yes no not my your our his her their this that it its and und et y e ed o ou oder og ' +
    'can could would will should may might must do does did have has had want need just still sorry so very from via ' +
    'der die das den dem des le la les el los las il lo gli de di da do du dos das'
  ).split(' '),
);

// The phrases' anchor words ("intestato a" → "intestato"): a registered last word "a" would open the gate everywhere.
const PHRASE_ANCHORS = ['intestato', 'intestata', 'holder', 'behalf', 'nom', 'nombre', 'nome', 'namen'];
/*
 * The gate: the labels, relatives and naming cues are GIVEN_NAME vocabulary of the prefilter's shared table ("m" is
 * the tail of "I'm"); the ~1,400 names are not (the table would double and fall out of the L1 cache: measured
 * ~10 % on the whole redact loop). A capitalised known name is found by `hasCapitalisedName` instead.
 */
registerVocabulary(VOCAB.GIVEN_NAME, [...LABEL_WORDS, ...RELATIVES, ...PHRASE_ANCHORS, ...CASELESS_CUE_LIST, 'm']);
/** Tokens one of which must be among the three before a name for the label and relative regexes to be asked. */
const CONTEXT_ANCHORS = new Set([...LABEL_WORDS, ...RELATIVES, ...PHRASE_ANCHORS]);

const WORD_UNIT = /[\p{L}\p{N}]/u;
/** Word units among code units 0x80–0x24F (the rest of the BMP is asked of the regex; surrogates end a token). */
const LATIN_WORD = new Uint8Array(0x250).map((_, c) => (c >= 0x80 && WORD_UNIT.test(String.fromCharCode(c)) ? 1 : 0));

/** Word-unit answers for the rest of the BMP, filled on first sight (0 unknown, 1 word, 2 not): dashes and quotes
 * recur in long text, and a regex test with a one-character string per occurrence showed in profiles. */
const BMP_WORD = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0x250) return LATIN_WORD[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = BMP_WORD[c]!;
  if (known === 0) {
    known = WORD_UNIT.test(String.fromCharCode(c)) ? 1 : 2;
    BMP_WORD[c] = known;
  }
  return known === 1;
}

const FLAG_NAME = 1;
const FLAG_ANCHOR = 2;
const FLAG_AMBIGUOUS = 4;
/** A naming cue ("name", "its", "im", "m" of "I'm"…): lower-case names are looked for in the five tokens after it. */
const FLAG_CUE = 8;
const CUE_REACH = 5;
/** Flags by the FNV-1a hash of the lower-cased word (the prefilter's hash): a known name, a context anchor. */
/** Open addressing in typed arrays (a Map lookup per token showed on long transcripts); 0 flags = empty slot. */
const FLAG_SLOTS = 1 << 12;
const flagKeys = new Int32Array(FLAG_SLOTS);
const flagBits = new Uint8Array(FLAG_SLOTS);

function flagSlot(hash: number): number {
  let slot = (hash ^ (hash >>> 12)) & (FLAG_SLOTS - 1);
  while (flagBits[slot] !== 0 && flagKeys[slot] !== hash) slot = (slot + 1) & (FLAG_SLOTS - 1);
  return slot;
}

function flagsOf(hash: number): number {
  return flagBits[flagSlot(hash)]!;
}

function addFlag(word: string, flag: number): void {
  const hash = hashWord(word);
  const slot = flagSlot(hash);
  flagKeys[slot] = hash;
  flagBits[slot] = flagBits[slot]! | flag;
}

for (const name of LEXICON) addFlag(name, FLAG_NAME);
for (const anchor of CONTEXT_ANCHORS) addFlag(anchor, FLAG_ANCHOR);
for (const name of AMBIGUOUS) addFlag(name, FLAG_AMBIGUOUS);
for (const cue of [...CASELESS_CUE_LIST, 'm']) addFlag(cue, FLAG_CUE);

/**
 * Lower-case tokens matter only as context anchors or naming cues (or as names shortly after a cue): the lengths
 * and first letters of those words, so that other lower-case tokens are not hashed at all (most of a long text).
 */
const SHAPES = new Uint8Array(32 * 32);
const shapeOf = (length: number, first: number): number => Math.min(length, 31) * 32 + (first >= 97 && first <= 122 ? first - 97 : 26);
for (const word of [...CONTEXT_ANCHORS, ...CASELESS_CUE_LIST, 'm']) SHAPES[shapeOf(word.length, word.charCodeAt(0))] = 1;
if (LEXICON.size + CONTEXT_ANCHORS.size + AMBIGUOUS.size + CASELESS_CUE_LIST.length + 1 > FLAG_SLOTS / 2) throw new Error('person lexicon flag table too small');

/**
 * The text's word tokens (runs of letters and digits, as the prefilter reads them outside surrogate pairs), by a
 * character loop that hashes each token lower-cased in place and looks its flags up: no string per token. Only
 * tokens near a flagged one are read as strings (`tok`). One regex `exec` and one string per token cost more than
 * the rest of the recogniser on short messages.
 */
let tokenCount = 0;
let tokenStarts = new Int32Array(256);
let tokenEnds = new Int32Array(256);
let tokenFlags = new Uint8Array(256);
let tokenCache: (TToken | undefined)[] = [];
let tokenText = '';
/** Indices of the tokens the detection loop looks at: flagged ones and the three after a context anchor. */
let interesting: number[] = [];

/** A copy of the array at twice its length (the token arrays grow by doubling). */
function doubled(a: Int32Array): Int32Array<ArrayBuffer>;
function doubled(a: Uint8Array): Uint8Array<ArrayBuffer>;
function doubled(a: Int32Array | Uint8Array): Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> {
  const b = a instanceof Int32Array ? new Int32Array(a.length * 2) : new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

function pushToken(start: number, end: number, flags: number): void {
  if (tokenCount === tokenStarts.length) {
    tokenStarts = doubled(tokenStarts);
    tokenEnds = doubled(tokenEnds);
    tokenFlags = doubled(tokenFlags);
  }
  tokenStarts[tokenCount] = start;
  tokenEnds[tokenCount] = end;
  tokenFlags[tokenCount] = flags;
  tokenCount++;
}

/** ASCII word units by their lower-cased unit (0: not a word unit). */
const ASCII_LOWER = new Uint8Array(128).map((_, c) => ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c | 0x20 : 0));

/** The flags of the token [start, end): its lower-cased units hashed in place (the string path beyond Latin Extended). */
function flagsAt(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    let lower: number;
    if (c < 128) lower = ASCII_LOWER[c]!;
    else if (c < 0x250 && LATIN[c]! > 0) lower = LATIN[c]!;
    else return flagsOf(hashWord(text.slice(start, end).toLowerCase()));
    hash = Math.imul(hash ^ lower, FNV_PRIME);
  }
  return flagsOf(hash | 0);
}

/**
 * Splits the text into tokens and flags them (the same tokens, flags and marks as `tokenizePlain`, tested for
 * equality on random texts). A token is hashed only where its flags can matter: it starts with a capital (a name),
 * has the length and first letter of an anchor or cue, or lies within CUE_REACH tokens after a cue (a lower-case
 * name); every other token gets no flags without being hashed. One table lookup per code unit below 0x250 (word
 * unit, capital) and the token arrays held in locals: the character loop is most of the cost on a long transcript.
 */
function tokenize(text: string): void {
  tokenCache = [];
  tokenText = text;
  const marked: number[] = [];
  let starts = tokenStarts;
  let ends = tokenEnds;
  let flagged = tokenFlags;
  let count = 0;
  const length = text.length;
  let cueUntil = -1;
  let anchorUntil = -1;
  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    const kind = first < 0x250 ? KIND[first]! : isWordUnit(first) ? KIND_CAPITAL : 0;
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      if (++i >= length) break;
      const c = text.charCodeAt(i);
      if (c < 0x250 ? KIND[c] === 0 : !isWordUnit(c)) break;
    }
    const size = i - start;
    const flags =
      kind === KIND_CAPITAL ||
      count <= cueUntil ||
      SHAPES_FINE[((size < 31 ? size : 31) * 27 + SHAPE_FIRST[first]!) * 27 + (size > 1 ? secondColumn(text.charCodeAt(start + 1)) : 26)] === 1
        ? flagsAt(text, start, i)
        : 0;
    if (flags & FLAG_CUE) cueUntil = count + CUE_REACH;
    if (flags !== 0 || count <= anchorUntil) marked.push(count);
    if (flags & FLAG_ANCHOR) anchorUntil = count + 3;
    if (count === starts.length) {
      starts = doubled(starts);
      ends = doubled(ends);
      flagged = doubled(flagged);
    }
    starts[count] = start;
    ends[count] = i;
    flagged[count] = flags;
    count++;
  }
  tokenStarts = starts;
  tokenEnds = ends;
  tokenFlags = flagged;
  tokenCount = count;
  interesting = marked;
}

/**
 * The plain per-token definition `tokenize` must equal (kept as the reference of the equivalence test): splits the
 * text into tokens and flags them. A token is hashed only where its flags can matter: it starts with a
 * capital (a name), has the length and first letter of an anchor or cue, or lies within CUE_REACH tokens after a
 * cue (a lower-case name); every other token gets no flags without being hashed.
 */
function tokenizePlain(text: string): void {
  tokenCount = 0;
  tokenCache = [];
  tokenText = text;
  const length = text.length;
  let cueUntil = -1;
  let anchorUntil = -1;
  interesting = [];
  let i = 0;
  while (i < length) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_LOWER[c] === 0 : !isWordUnit(c)) {
      i++;
      continue;
    }
    const start = i;
    const first = c;
    for (;;) {
      if (++i >= length) break;
      c = text.charCodeAt(i);
      if (c < 128 ? ASCII_LOWER[c] === 0 : !isWordUnit(c)) break;
    }
    const capital = first < 128 ? first >= 65 && first <= 90 : first < 0x250 ? LATIN_UPPER[first] === 1 : true;
    const lowerFirst = first < 128 ? ASCII_LOWER[first]! : first;
    const flags = capital || tokenCount <= cueUntil || SHAPES[shapeOf(i - start, lowerFirst)] === 1 ? flagsAt(text, start, i) : 0;
    if (flags & FLAG_CUE) cueUntil = tokenCount + CUE_REACH;
    if (flags !== 0 || tokenCount <= anchorUntil) interesting.push(tokenCount);
    if (flags & FLAG_ANCHOR) anchorUntil = tokenCount + 3;
    pushToken(start, i, flags);
  }
}

/** Capital letters among code units 0xC0–0x24F (Latin-1 and Latin Extended). */
const LATIN_UPPER = new Uint8Array(0x250).map((_, c) => (c >= 0xc0 && LATIN[c]! > 0 && LATIN[c] !== c ? 1 : 0));
const KIND_WORD = 1;
const KIND_CAPITAL = 2;
/** Code units below 0x250 by kind: 0 not a word unit, KIND_WORD, KIND_CAPITAL (a token starting with it is hashed). */
const KIND = new Uint8Array(0x250).map((_, c) => (!isWordUnit(c) ? 0 : (c < 128 ? c >= 65 && c <= 90 : LATIN_UPPER[c] === 1) ? KIND_CAPITAL : KIND_WORD));
/** The first-letter column of `shapeOf` for code units below 0x250. */
const SHAPE_FIRST = new Uint8Array(0x250).map((_, c) => shapeOf(0, c < 128 ? ASCII_LOWER[c]! : c));
/** The second-letter column of SHAPES_FINE: a–z (either case) by letter, anything else 26. */
const secondColumn = (c: number): number => (c < 128 && ASCII_LOWER[c]! >= 97 ? ASCII_LOWER[c]! - 97 : 26);
/**
 * SHAPES by length, first and second letter, marked only for the flagged words (names, anchors, cues) whose SHAPES
 * entry is marked: a lower-case token `tokenizePlain` hashes but whose fine shape is not marked is no flagged word,
 * so its flags are 0 without hashing it ("is", "in", "it" no longer hashed for "im"; "not", "now" for "nom").
 */
const SHAPES_FINE = new Uint8Array(32 * 27 * 27);
for (const word of [...LEXICON, ...CONTEXT_ANCHORS, ...AMBIGUOUS, ...CASELESS_CUE_LIST, 'm']) {
  if (SHAPES[shapeOf(word.length, word.charCodeAt(0))] !== 1) continue;
  const second = word.length > 1 ? secondColumn(word.charCodeAt(1)) : 26;
  SHAPES_FINE[(Math.min(word.length, 31) * 27 + shapeOf(0, word.charCodeAt(0))) * 27 + second] = 1;
}

/**
 * Whether a token that starts with a capital is a known given name: the gate of the lexicon path (title case and
 * upper case), read like `tokenize` (same token boundaries, same hash) but without storing anything. Tokens with
 * letters beyond Latin Extended make the text exotic, which opens the gate anyway.
 */
function hasCapitalisedName(text: string): boolean {
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      i++;
      continue;
    }
    const capital = c < 128 ? c >= 65 && c <= 90 : c < 0x250 && LATIN_UPPER[c] === 1;
    if (!capital) {
      i++;
      while (i < length && isWordUnit(text.charCodeAt(i))) i++;
      continue;
    }
    let hash = FNV_OFFSET;
    for (; i < length; i++) {
      const d = text.charCodeAt(i);
      if (!isWordUnit(d)) break;
      let lower = d;
      if (d < 128) {
        if (d >= 65 && d <= 90) lower = d | 0x20;
      } else if (d < 0x250 && LATIN[d]! > 0) lower = LATIN[d]!;
      hash = Math.imul(hash ^ lower, FNV_PRIME);
    }
    if (flagsOf(hash | 0) & (FLAG_NAME | FLAG_AMBIGUOUS)) return true;
  }
  return false;
}

/** Token `k` of the last tokenised text as strings (read lazily, cached). */
function tok(k: number): TToken {
  let token = tokenCache[k];
  if (token === undefined) {
    const word = tokenText.slice(tokenStarts[k]!, tokenEnds[k]!);
    token = { start: tokenStarts[k]!, end: tokenEnds[k]!, word, lower: word.toLowerCase() };
    tokenCache[k] = token;
  }
  return token;
}
const PLACE_GAP = /^(?:[ \t]+|-|\.[ \t]*)$/;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

type TToken = { start: number; end: number; word: string; lower: string };

const isSpaces = (text: string, from: number, to: number): boolean => {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
};

/** Title case: a capital, then only lower-case letters (no "IBAN", no "McDonald" as a given name). */
function isTitleCase(word: string): boolean {
  if (word.length < 2) return false;
  const c = word.charCodeAt(0);
  if (c < 128 ? c < 65 || c > 90 : !UPPER.test(word[0]!)) return false;
  for (let i = 1; i < word.length; i++) {
    const d = word.charCodeAt(i);
    if (d < 128 ? d < 97 || d > 122 : !LOWER.test(word[i]!)) return false;
  }
  return true;
}

/** A surname word: a capital then lower case, maybe a second capital after "Mc", "Mac", "O'" or "-" (joined by the token split). */
function isSurnameWord(text: string, token: TToken): boolean {
  if (!UPPER.test(token.word[0]!)) return false;
  if (isTitleCase(token.word)) return true;
  // "McAllister", "MacLeod", "DiCaprio", "LeBlanc"
  return /^(?:Mc|Mac|Di|De|Le|La|Van|Von)\p{Lu}\p{Ll}+$/u.test(token.word);
}

const isCaseless = (word: string, lower: string): boolean => word === lower || word === word.toUpperCase();

/**
 * The run of surname tokens after token `i` on the same line: up to `max` words separated by spaces, joined by
 * an apostrophe or hyphen inside a word ("O'Brien", "Smith-Jones"). Returns the index of the last token taken, or -1
 * when a place word follows (the whole candidate is then a place, not a name).
 */
function extendSurname(text: string, i: number, max: number, sameCase: 'title' | 'lower' | 'upper', places = true): number {
  let last = i;
  let words = 0;
  for (let k = i + 1; k < tokenCount && words < max; k++) {
    const prev = tok(k - 1);
    const token = tok(k);
    const gap = text.slice(prev.end, token.start);
    const joined = gap === "'" || gap === '’' || gap === '-';
    if (!joined && !isSpaces(text, prev.end, token.start)) break;
    if (places && PLACE_AFTER.has(token.lower) && sameCase === 'title' && UPPER.test(token.word[0]!)) return -1;
    if (joined) {
      if (k - 1 !== last) break;
      if (!/^\p{L}/u.test(token.word)) break;
      last = k;
      continue;
    }
    if (sameCase === 'title') {
      // "O’Connell", "D'Angelo": a lone capital joined to the next word by an apostrophe.
      const elided = token.word.length === 1 && UPPER.test(token.word) && k + 1 < tokenCount && /^['’]$/.test(text.slice(token.end, tok(k + 1).start));
      if (!elided && (!isSurnameWord(text, token) || NOT_NAME.has(token.lower))) break;
    } else {
      if (token.word.length < 2 || NOT_SURNAME.has(token.lower) || /\p{N}/u.test(token.word)) break;
      if (sameCase === 'lower' ? token.word !== token.lower : token.word !== token.word.toUpperCase()) break;
      if (LEXICON.has(token.lower) === false && CASELESS_CUES.has(token.lower)) break;
    }
    last = k;
    words++;
  }
  return last;
}

/** Whether only spaces separate `start` from the text's start or a sentence end (. ! ? newline, or a quote after one). */
function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text[i] === '"' || text[i] === '“' || text[i] === '«' || text[i] === '¡' || text[i] === '¿')) i--;
  return i < 0 || text[i] === '.' || text[i] === '!' || text[i] === '?' || text[i] === '\n' || text[i] === ':';
}

/** Characters right next to a name that say it is part of an address, handle, path or identifier. */
function isGlued(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1]! : ' ';
  const after = end < text.length ? text[end]! : ' ';
  if (before === '@' || before === '_' || before === '/' || before === '\\' || before === '#' || before === '.' && start > 1 && /[\p{L}\p{N}]/u.test(text[start - 2]!)) return true;
  if (after === '@' || after === '_' || after === '/' || after === '\\') return true;
  if (after === '.' && end + 1 < text.length && /[\p{L}\p{N}]/u.test(text[end + 1]!)) return true;
  return false;
}

const LABEL_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:${LABEL_WORDS.join('|')})[ \t]*:[ \t]*$|(?:^|[^\p{L}\p{N}])(?:${LABEL_PHRASES.join('|')})[ \t]+$`, 'u');
const RELATIVE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:o |a )?(?:${POSSESSIVES.join('|')})[ \t]+(?:${RELATIVES.join('|')})[ \t]*,?[ \t]*$`, 'u');

function detectPersons(text: string, plain = false): TDetection[] {
  if (plain) tokenizePlain(text);
  else tokenize(text);
  const found: TDetection[] = [];
  let anchoredUntil = -1;
  // Only a known name, or a word up to three tokens after a context anchor, can start a detection: the loop visits
  // the tokens `tokenize` marked as such (a long text has thousands, not every token), in order; `done` is the
  // last token a detection took.
  let done = -1;
  for (const i of interesting) {
    if (i <= done) continue;
    if (tokenFlags[i]! & FLAG_ANCHOR) anchoredUntil = i + 3;
    if (!(tokenFlags[i]! & (FLAG_NAME | FLAG_AMBIGUOUS)) && (i > anchoredUntil || tokenFlags[i]! & FLAG_ANCHOR)) continue;
    const token = tok(i);
    const first = token.word;
    if (first.length < 2) continue;
    // The word before, after spaces, a hyphen or an abbreviation's dot ("Via Dante", "Saint-Germain", "St. Louis").
    const prev = i > 0 && PLACE_GAP.test(text.slice(tok(i - 1).end, token.start)) ? tok(i - 1) : null;
    // The context path: any capitalised run after a holder label or a relative.
    if (isTitleCase(first) && !NOT_NAME.has(token.lower)) {
      // The context regexes run only where one of the three words before is a label, phrase anchor or relative.
      let anchored = false;
      for (let k = i - 1; k >= 0 && k >= i - 3 && !anchored; k--) anchored = (tokenFlags[k]! & FLAG_ANCHOR) !== 0 && CONTEXT_ANCHORS.has(tok(k).lower);
      const before = anchored ? text.slice(Math.max(0, token.start - 40), token.start).toLowerCase() : '';
      // "minha mãe, Rua do Sol 45": a place word after a relative or label starts an address.
      const cued = anchored && !PLACE_BEFORE.has(token.lower);
      const relative = cued && RELATIVE_BEFORE.test(before);
      const context = relative || (cued && LABEL_BEFORE.test(before));
      const placeName = LEXICON.has(token.lower) && prev !== null && PLACE_BEFORE.has(prev.lower);
      if (placeName && !context) {
        // "boulevard Victor Hugo": the whole capitalised run is the place's name, "Hugo" included.
        done = Math.max(i, extendSurname(text, i, 2, 'title', false));
        continue;
      }
      let known = LEXICON.has(token.lower) && !placeName && !isGlued(text, token.start, token.end);
      if (!known && !context && AMBIGUOUS.has(token.lower) && !(prev && PLACE_BEFORE.has(prev.lower)) && !isSentenceStart(text, token.start)) {
        known = extendSurname(text, i, 2, 'title') > i && !isGlued(text, token.start, token.end);
      }
      if (context || known) {
        // After a label or relative the run is a name even when a word in it could be a place ("Cardholder: Freya Park").
        const last = extendSurname(text, i, 2, 'title', !context);
        if (last < 0) continue;
        // A lone unknown word after a label must still look like a name: followed by a surname ("Caller: Sure, …").
        if (!known && !relative && last === i) continue;
        const end = tok(last).end;
        if (isGlued(text, token.start, end)) continue;
        found.push({ type: 'PERSON', start: token.start, end, score: context ? 0.7 : last > i ? 0.65 : 0.6 });
        done = last;
        continue;
      }
    }
    // The caseless path: "name on it jordan mcleod", "MY NAME IS GERALD FITZPATRICK", "hi its danny again".
    if (first.length >= 3 && LEXICON.has(token.lower) && isCaseless(first, token.lower) && !isGlued(text, token.start, token.end)) {
      let cued = false;
      for (let k = i - 1, seen = 0; k >= 0 && seen < 5; k--, seen++) {
        const gap = text.slice(tok(k).end, tok(k + 1).start);
        if (/[.!?;\n]/.test(gap) || (seen > 0 && /[:,]/.test(gap))) break;
        const word = tok(k).lower;
        if (CASELESS_CUES.has(word)) cued = true;
        if (cued) break;
      }
      // "i'm" splits into "i" and "m" as tokens: read the text before the name for it.
      if (!cued) cued = /(?:^|[^\p{L}])i['’]?m[ \t]+$/u.test(text.slice(Math.max(0, token.start - 8), token.start).toLowerCase());
      if (!cued) continue;
      const last = extendSurname(text, i, 2, first === token.lower ? 'lower' : 'upper');
      found.push({ type: 'PERSON', start: token.start, end: tok(Math.max(last, i)).end, score: 0.7 });
      done = Math.max(last, i);
    }
  }
  releaseTokens();
  return found;
}

/** Drops the text and its strings after a detection, and the token arrays a long text grew (a transcript's ~1 MB). */
function releaseTokens(): void {
  tokenText = '';
  tokenCache = [];
  interesting = [];
  if (tokenStarts.length > 1 << 14) {
    tokenStarts = new Int32Array(256);
    tokenEnds = new Int32Array(256);
    tokenFlags = new Uint8Array(256);
  }
}

export const personLexiconRecognizer: TRecognizer = {
  type: 'PERSON',
  mayMatch: (f, _threshold, text) => mayHaveVocabulary(f, VOCAB.GIVEN_NAME) || hasCapitalisedName(text),
  detect: detectPersons,
};

/** For the equivalence test: the detections with the plain tokeniser, and either tokeniser's tokens, flags and marks. */
export const detectPersonsByPlainTokens = (text: string): TDetection[] => detectPersons(text, true);
export function lexiconTokensForTest(text: string, plain: boolean): { starts: number[]; ends: number[]; flags: number[]; interesting: number[] } {
  if (plain) tokenizePlain(text);
  else tokenize(text);
  const view = {
    starts: [...tokenStarts.subarray(0, tokenCount)],
    ends: [...tokenEnds.subarray(0, tokenCount)],
    flags: [...tokenFlags.subarray(0, tokenCount)],
    interesting: [...interesting],
  };
  releaseTokens();
  return view;
}
