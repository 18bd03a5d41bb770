import { type TDetection } from '../types';
import { FNV_OFFSET, FNV_PRIME, hashWord, isBeforeName, LATIN, mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TRecognizer } from './recognizer';

/**
 * Names are only recognised where the text announces one: self-introductions, salutations,
 * sign-offs, titles and "Name:" fields. A capitalised word alone is never enough.
 */

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)?`;
const PARTICLE = String.raw`(?:van|von|der|den|de|da|di|del|della|la|le|du|dos|das|zu)`;
/** Runs of capitalised words on one line; every word start in a run is a possible name start. */
const CAPITALISED_RUN = new RegExp(String.raw`${NAME_WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)?${NAME_WORD})*`, 'gu');
const MAX_NAME_WORDS = 3;

/** Lower-case phrase alternation (the prefix is lower-cased before testing). */
function phrases(list: readonly string[]): string {
  return [...list].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \\t]+')).join('|');
}

const INTRODUCTIONS_LIST = [
  'my name is', "my name's", 'name is', 'i am', "i'm", 'i’m',
  'mein name ist', 'ich heiße', 'ich heisse', 'hier ist', 'hier spricht',
  "je m'appelle", 'je m’appelle', 'je suis', 'mon nom est', 'ici',
  'me llamo', 'mi nombre es', 'soy', 'habla',
  'mi chiamo', 'il mio nome è', 'sono', 'parla',
  'o meu nome é', 'meu nome é', 'chamo-me', 'me chamo', 'sou', 'fala',
];
const INTRODUCTIONS = phrases(INTRODUCTIONS_LIST);

const GREETINGS_LIST = [
  'dear', 'hi', 'hello', 'hey', 'good morning', 'good afternoon', 'hallo', 'liebe', 'lieber', 'guten tag',
  'sehr geehrte', 'sehr geehrter', 'bonjour', 'salut', 'cher', 'chère', 'hola', 'estimado', 'estimada', 'querido',
  'querida', 'buenos días', 'ciao', 'salve', 'gentile', 'caro', 'cara', 'buongiorno', 'olá', 'ola', 'prezado',
  'prezada', 'caro', 'bom dia',
];
const GREETINGS = phrases(GREETINGS_LIST);

const CLOSINGS_LIST = [
  'thanks', 'thank you', 'thx', 'many thanks', 'thanks again', 'thanks in advance', 'best', 'best regards',
  'kind regards', 'warm regards', 'regards', 'cheers', 'sincerely', 'yours sincerely', 'yours truly', 'all the best',
  'best wishes', 'take care', 'viele grüße', 'viele grüsse', 'beste grüße', 'liebe grüße', 'mit freundlichen grüßen',
  'mit freundlichen grüssen', 'freundliche grüße', 'gruß', 'grüße', 'lg', 'vg', 'mfg', 'danke', 'vielen dank',
  'cordialement', 'bien à vous', 'bien cordialement', 'merci', 'merci beaucoup', 'amitiés', 'bonne journée',
  'saludos', 'un saludo', 'atentamente', 'saludos cordiales', 'gracias', 'muchas gracias', 'un abrazo',
  'cordiali saluti', 'saluti', 'distinti saluti', 'grazie', 'grazie mille', 'a presto',
  'atenciosamente', 'cumprimentos', 'obrigado', 'obrigada', 'abraços', 'melhores cumprimentos',
];
const CLOSINGS = phrases(CLOSINGS_LIST);

const TITLE_LIST = ['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'herr', 'frau', 'monsieur', 'madame', 'mme', 'mlle', 'm', 'señor', 'señora', 'sr', 'sra', 'srta', 'signor', 'signora', 'sig', 'sig.ra', 'dott', 'dott.ssa', 'senhor', 'senhora'];
const TITLES = String.raw`(?:mr|mrs|ms|mx|dr|prof|herr|frau|monsieur|madame|mme|mlle|m\.|señor|señora|sr|sra|srta|signor|signora|sig|sig\.ra|dott|dott\.ssa|senhor|senhora)\.?`;

const NAME_LABELS_LIST = ['name', 'full name', 'customer name', 'nom', 'nombre', 'nome', 'vorname', 'nachname', 'prénom', 'apellido', 'cognome'];
const NAME_LABELS = phrases(NAME_LABELS_LIST);

/** Capitalised words that follow "I'm", "Hi" or "this is" but are not names. */
const NOT_NAMES = new Set(
  (
    'sorry not just so very still trying looking having writing calling afraid glad happy unable here back new going really also ' +
    'interested confused frustrated getting using on in at from with the a an currently done fine ok okay good sure pretty quite ' +
    'totally logged based located english american german french spanish italian portuguese canadian british ' +
    'team support sir madam madam/sir customer customers all everyone everybody there again folks guys friends agent service sales ' +
    'billing admin staff colleagues kunde kundin kundendienst zusammen leute tous toutes équipe todos todas equipo tutti ' +
    'ragazzi equipe pessoal please thanks thank urgent about regarding re fw fwd hello hi dear best kind yes no monday ' +
    'tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december i we you he she they it my our your this that what which when where why how if and or but ' +
    'waiting contacting reaching following still experiencing having unsure aware wondering hoping planning about writing ' +
    'mr mrs ms mx dr prof herr frau monsieur madame mme mlle señor señora sr sra srta signor signora sig senhor senhora'
  ).split(' '),
);


type TRule = { before: RegExp; after?: RegExp; score: number };

/** Each rule looks at the lower-cased text just before a capitalised run (and sometimes just after it). */
const RULES: TRule[] = [
  // "my name is Anna Schmidt", "I'm Maria", "je m'appelle Julie"
  { before: new RegExp(String.raw`(?:^|[^\p{L}])(?:${INTRODUCTIONS})[ \t]+$`, 'u'), score: 0.85 },
  // "this is Tom from Acme": a brand could follow a bare "this is", so we want the "from/here/speaking"
  {
    before: /(?:^|[^\p{L}])(?:this is|it is|it's|it’s)[ \t]+$/u,
    after: /^[ \t]*,?[ \t]+(?:from|here|speaking|calling|with|von|de|da|di)(?![\p{L}])/u,
    score: 0.8,
  },
  // "Dear Mr. Smith", "Sehr geehrte Frau Müller", "Mme Dubois"
  { before: new RegExp(String.raw`(?:^|[^\p{L}])${TITLES}[ \t]+$`, 'u'), score: 0.8 },
  // "Hi Maria," at the start of a line or sentence
  {
    before: new RegExp(String.raw`(?:^|[\n.!?])[ \t]*(?:${GREETINGS})[ \t]+$`, 'u'),
    after: /^[ \t]*(?:[,!:\r\n]|$)/,
    score: 0.8,
  },
  // "Thanks,\nAnna Schmidt": the name alone on the line after a sign-off
  {
    before: new RegExp(String.raw`(?:^|[\n.!?])[ \t]*(?:${CLOSINGS})[ \t]*[,.!]*[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:[-–—~][ \t]*)?$`, 'u'),
    after: /^[ \t]*(?:\r?\n|$)/,
    score: 0.85,
  },
  // "Thanks, Anna" at the end of a line
  {
    before: new RegExp(String.raw`(?:^|[^\p{L}])(?:${CLOSINGS})[ \t]*,[ \t]*$`, 'u'),
    after: /^[ \t]*[.!]?[ \t]*(?:\r?\n|$)/,
    score: 0.75,
  },
  // "Name: Anna Schmidt"
  { before: new RegExp(String.raw`(?:^|[^\p{L}])(?:${NAME_LABELS})[ \t]*:[ \t]*$`, 'u'), score: 0.85 },
];

const PREFIX_CHARS = 48;

/** Last words of every trigger phrase: a cheap first test before the rule regexes run. */
const TRIGGER_TAILS = new Set(
  [...INTRODUCTIONS_LIST, ...GREETINGS_LIST, ...CLOSINGS_LIST, ...NAME_LABELS_LIST, ...TITLE_LIST, 'this is', 'it is', "it's", 'it’s']
    .map((phrase) => phrase.split(' ').pop() ?? '')
    .map((word) => word.replace(/\.$/, '')),
);

registerVocabulary(
  VOCAB.PERSON_CUE,
  [...INTRODUCTIONS_LIST, ...GREETINGS_LIST, ...CLOSINGS_LIST, ...NAME_LABELS_LIST, ...TITLE_LIST, 'this is', 'it is', "it's", 'it’s'],
  true,
);

/** Cased letter test; ASCII answered without allocating (profiling showed this as the gate's main cost). */
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** The word just before `position`, skipping spaces and punctuation (lower-cased, trailing dot dropped). */
function readPreviousWord(text: string, position: number): string {
  let end = position;
  while (end > 0 && !isLetter(text[end - 1]!)) {
    if (position - end > 6) return '';
    end--;
  }
  let start = end;
  while (start > 0 && end - start < 24) {
    const ch = text[start - 1]!;
    if (!isLetter(ch) && ch !== "'" && ch !== '’' && ch !== '.' && ch !== '-') break;
    start--;
  }
  const word = text.slice(start, end).toLowerCase();
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

/** Cased letters (lower case differs from upper case, as `isLetter` reads them) among code units 0x80–0x24F. */
const CASED_LATIN = new Uint8Array(0x250).map((_, c) => (c >= 0x80 && isLetter(String.fromCharCode(c)) ? 1 : 0));

/** A unit of a trigger word lower-cased, or -1 where only the string path can say (letters beyond Latin Extended). */
function triggerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c | 0x20 : c;
  if (c === 0x2019) return c;
  if (c < 0x250) return LATIN[c]! > 0 ? LATIN[c]! : -1;
  return -1;
}

/** Trigger tails by hash (FNV-1a of the lower-cased units), for `hasTriggerBefore`. */
const TRIGGERS_BY_HASH = new Map<number, string[]>();
for (const tail of TRIGGER_TAILS) {
  const hash = hashWord(tail);
  const entries = TRIGGERS_BY_HASH.get(hash) ?? [];
  entries.push(tail);
  TRIGGERS_BY_HASH.set(hash, entries);
}

/**
 * `TRIGGER_TAILS.has(readPreviousWord(text, position))` without the word's string: the same backward walk on
 * code units, then the word is hashed in place, lower-cased as it is read. Words with letters beyond Latin
 * Extended take the string path. Runs at every capitalised word after a space in a message with a cue word;
 * hand-written for speed (the slices and lower-cased copies showed in profiles).
 */
export function hasTriggerBefore(text: string, position: number): boolean {
  let end = position;
  for (;;) {
    if (end <= 0) return false;
    const c = text.charCodeAt(end - 1);
    const letter = c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : c < 0x250 ? CASED_LATIN[c] === 1 : null;
    if (letter === null) return TRIGGER_TAILS.has(readPreviousWord(text, position));
    if (letter) break;
    if (position - end > 6) return false;
    end--;
  }
  let start = end;
  while (start > 0 && end - start < 24) {
    const c = text.charCodeAt(start - 1);
    if (c < 128) {
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 46 || c === 45)) break;
    } else if (c < 0x250) {
      if (CASED_LATIN[c] !== 1) break;
    } else if (c !== 0x2019) return TRIGGER_TAILS.has(readPreviousWord(text, position));
    start--;
  }
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) {
    const unit = triggerUnit(text.charCodeAt(k));
    if (unit < 0) return TRIGGER_TAILS.has(readPreviousWord(text, position));
    h = Math.imul(h ^ unit, FNV_PRIME);
  }
  const entries = TRIGGERS_BY_HASH.get(h);
  if (entries === undefined) return false;
  for (const tail of entries) {
    if (tail.length !== end - start) continue;
    let same = true;
    for (let k = start; k < end && same; k++) same = triggerUnit(text.charCodeAt(k)) === tail.charCodeAt(k - start);
    if (same) return true;
  }
  return false;
}

/** For tests: the string definition `hasTriggerBefore` must agree with. */
export function hasTriggerBeforeReference(text: string, position: number): boolean {
  return TRIGGER_TAILS.has(readPreviousWord(text, position));
}

/** Characters that can sit right before a name in some rule (all rules end in space, newline, ',', ':' or a dash). */
const UPPER = /^\p{Lu}$/u;
const UPPER_LATIN = new Uint8Array(0x250).map((_, c) => (UPPER.test(String.fromCharCode(c)) ? 1 : 0));

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'zu']);

/** Whether a name particle ("van", "de"…) followed by a space or tab starts at `i`. */
function isParticleAt(text: string, i: number): boolean {
  let end = i;
  while (end < text.length && end - i < 6) {
    const c = text.charCodeAt(end);
    if (c < 97 || c > 122) break;
    end++;
  }
  const after = text.charCodeAt(end);
  return (after === 32 || after === 9) && PARTICLES.has(text.slice(i, end));
}

/**
 * Where a name can start: a word directly preceded by a trigger word ("Hi", "I'm", "Mr", "Name:" …) and one
 * of the characters every rule ends in. Checked only at capitals (and name particles: "Hi van Dyke,") after
 * a space/newline/',:-', so most words cost a couple of character reads. Hand-written for speed.
 */
let candidatesText: string | null = null;
let candidatesCache: number[] = [];

/**
 * The gate and `detect` ask for the same text in a row: computed once. The gate passes the scan's `nameStarts`
 * (every position the test below can accept), so only those are tested; without them every position is.
 */
function findNameCandidatesOnce(text: string, starts?: readonly number[]): number[] {
  if (text !== candidatesText) {
    candidatesCache = starts ? findNameCandidatesAt(text, starts) : findNameCandidates(text);
    candidatesText = text;
  }
  return candidatesCache;
}

/** Every name candidate of the text, testing each position. */
export function findNameCandidates(text: string): number[] {
  const candidates: number[] = [];
  for (let i = 1; i < text.length - 1; i++) if (isNameCandidate(text, i)) candidates.push(i);
  return candidates;
}

/** The name candidates among `starts` (ascending positions, a superset of the candidates). */
export function findNameCandidatesAt(text: string, starts: readonly number[]): number[] {
  const candidates: number[] = [];
  for (const i of starts) if (isNameCandidate(text, i)) candidates.push(i);
  return candidates;
}

function isNameCandidate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  let width = 1;
  if (c < 128) {
    if (c < 65 || c > 90) {
      // A particle is a run word only after a capitalised word, but a trigger can come right before it.
      return (c === 118 || c === 100 || c === 108 || c === 122) && isBeforeName(text.charCodeAt(i - 1)) && isParticleAt(text, i) && hasTriggerBefore(text, i);
    }
  } else if (c < 0x250) {
    if (!UPPER_LATIN[c]) return false;
  } else {
    // Dashes, quotes and currency signs (General Punctuation, Currency Symbols) are no capitals: no string.
    if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x20cf)) return false;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!UPPER.test(ch)) return false;
    width = ch.length;
  }
  if (!isBeforeName(text.charCodeAt(i - 1))) return false;
  const next = text.charCodeAt(i + width);
  if (next < 128 && (next < 97 || next > 122)) return false;
  return hasTriggerBefore(text, i);
}

/**
 * The original per-run rule check: every word of the run is a possible name start. With `candidates` (sorted
 * name starts from `findNameCandidates`, a superset of where a rule can accept a name) only words starting at a
 * candidate are tried: any other word fails the trigger or rule test below, so the result is the same (the
 * reference path, `detectExhaustively`, passes none).
 */
function collectNames(text: string, run: RegExpExecArray, found: TDetection[], candidates?: readonly number[]): void {
  const words: { start: number; end: number; word: string }[] = [];
  const source = run[0];
  if (!candidates) {
    // The reference path: the plain split.
    let offset = run.index;
    for (const piece of source.split(/([ \t]+)/)) {
      if (piece.trim()) words.push({ start: offset, end: offset + piece.length, word: piece });
      offset += piece.length;
    }
  }
  // The fast path reads the run's words (what lies between its spaces and tabs) without a split.
  for (let i = 0; candidates && i < source.length; ) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < source.length && source.charCodeAt(j) !== 32 && source.charCodeAt(j) !== 9) j++;
    words.push({ start: run.index + i, end: run.index + j, word: source.slice(i, j) });
    i = j;
  }
  let next = 0;
  for (let k = 0; k < words.length; k++) {
    const first = words[k]!;
    if (candidates) {
      while (next < candidates.length && candidates[next]! < first.start) next++;
      if (candidates[next] !== first.start) continue;
    }
    if (NOT_NAMES.has(first.word.toLowerCase())) continue;
    let lastIndex = k;
    while (lastIndex + 1 < words.length && lastIndex - k + 1 < MAX_NAME_WORDS && !NOT_NAMES.has(words[lastIndex + 1]!.word.toLowerCase())) lastIndex++;
    const end = words[lastIndex]!.end;
    // A candidate passed `hasTriggerBefore`, which answers exactly this (tested): only the reference path asks.
    if (!candidates && !TRIGGER_TAILS.has(readPreviousWord(text, first.start))) continue;
    const before = text.slice(Math.max(0, first.start - PREFIX_CHARS), first.start).toLowerCase();
    const after = text.slice(end, end + 24);
    const rule = RULES.find((r) => r.before.test(before) && (!r.after || r.after.test(after)));
    if (!rule) continue;
    found.push({ type: 'PERSON', start: first.start, end, score: rule.score });
    k = lastIndex;
  }
}

export const personRecognizer: TRecognizer = {
  type: 'PERSON',
  // Every rule needs its cue phrase as whole tokens right before the name; the prefilter has looked up the cue
  // words (multi-word cues as pairs: "is" alone is no cue, "name is" is) while reading the text.
  mayMatch: (f, _threshold, text) => mayHaveVocabulary(f, VOCAB.PERSON_CUE) && findNameCandidatesOnce(text, f.nameStarts).length > 0,
  /**
   * Runs never cross a line break, so the run scan restarted at a line start sees the same runs as a scan
   * of the whole text; only lines holding a candidate are scanned, and a line without one can't hold a name.
   */
  detect(text) {
    const found: TDetection[] = [];
    const candidates = findNameCandidatesOnce(text);
    let scannedTo = 0;
    let next = 0;
    for (const candidate of candidates) {
      if (candidate < scannedTo) continue;
      const lineStart = text.lastIndexOf('\n', candidate - 1) + 1;
      const newline = text.indexOf('\n', candidate);
      const lineEnd = newline < 0 ? text.length : newline;
      CAPITALISED_RUN.lastIndex = lineStart;
      for (let run = CAPITALISED_RUN.exec(text); run && run.index < lineEnd; run = CAPITALISED_RUN.exec(text)) {
        // A run without a candidate holds no name (see collectNames): skip its split and word tests.
        while (next < candidates.length && candidates[next]! < run.index) next++;
        if (next < candidates.length && candidates[next]! < run.index + run[0].length) collectNames(text, run, found, candidates);
      }
      scannedTo = lineEnd;
    }
    return found;
  },
  detectExhaustively(text) {
    const found: TDetection[] = [];
    CAPITALISED_RUN.lastIndex = 0;
    for (let run = CAPITALISED_RUN.exec(text); run; run = CAPITALISED_RUN.exec(text)) collectNames(text, run, found);
    return found;
  },
};
