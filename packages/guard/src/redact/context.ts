import { FNV_OFFSET, FNV_PRIME, hashWord, LATIN } from './prefilter';

/**
 * Context scoring in the manner of Microsoft Presidio: a recogniser proposes a span with a base score,
 * words shortly before the span raise it (e.g. "card", "DOB") or lower it (e.g. "order", "tracking").
 */

/** Words that announce identifiers which are not personal data. Lower-case tokens. */
export const NEGATIVE_CONTEXT: readonly string[] = [
  'order', 'orders', 'ord', 'bestellung', 'bestellnummer', 'auftrag', 'commande', 'pedido', 'ordine', 'encomenda',
  'tracking', 'track', 'sendungsnummer', 'sendung', 'suivi', 'seguimiento', 'spedizione', 'rastreio',
  'invoice', 'inv', 'rechnung', 'rechnungsnummer', 'facture', 'factura', 'fattura', 'fatura',
  'sku', 'ref', 'reference', 'referenz', 'référence', 'referencia', 'riferimento', 'referência',
  'version', 'v', 'ver', 'build', 'release', 'ticket', 'case', '#', 'item', 'article', 'artikel', 'part',
  'model', 'serial', 'po', 'receipt', 'transaction', 'txn', 'shipment', 'parcel', 'paket', 'colis',
];

export const NEGATIVE_CONTEXT_PENALTY = 0.45;
export const POSITIVE_CONTEXT_BOOST = 0.35;

const TOKEN = /[\p{L}\p{N}]+|#/gu;
const SPACE = /\s/;

const isAsciiWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The last `count` word tokens (`[\p{L}\p{N}]+` or `#`) before `position`, lower-cased, looking no further
 * back than `count * 24` characters nor before `floor`. ASCII windows are read backwards without a regex or
 * a lower-cased copy of the window (this ran once or twice per candidate and showed in profiles); windows
 * with any other character take the general path.
 */
function readContextTokens(text: string, position: number, count: number, floor = 0): string[] {
  const from = Math.max(0, floor, position - count * 24);
  for (let i = from; i < position; i++) {
    if (text.charCodeAt(i) >= 128) {
      const tokens = text.slice(from, position).toLowerCase().match(TOKEN) ?? [];
      return tokens.length > count ? tokens.slice(-count) : tokens;
    }
  }
  const tokens: string[] = [];
  let i = position;
  while (i > from && tokens.length < count) {
    const c = text.charCodeAt(i - 1);
    if (c === 35) {
      tokens.push('#');
      i--;
    } else if (isAsciiWordCode(c)) {
      let j = i - 1;
      while (j > from && isAsciiWordCode(text.charCodeAt(j - 1))) j--;
      tokens.push(text.slice(j, i).toLowerCase());
      i = j;
    } else i--;
  }
  return tokens.reverse();
}

/** The last `count` word tokens before `position`, lower-cased, joined by single spaces and padded. */
export function readContextWindow(text: string, position: number, count: number): string {
  return ` ${readContextTokens(text, position, count).join(' ')} `;
}

/** True when one of the (possibly multi-word) context entries occurs as whole tokens in the window. */
export function hasContextWord(window: string, words: readonly string[]): boolean {
  return words.some((word) => window.includes(` ${word} `));
}

/**
 * Word lists compiled once: single words go in a Set (one lookup per window token instead of one
 * `includes` per list entry, which profiling showed as the main cost of context scoring).
 */
type TWordMatcher = {
  single: ReadonlySet<string>;
  phrases: readonly string[];
  phraseEnds: ReadonlySet<string>;
  /**
   * Hash (FNV-1a of the UTF-16 units) → the single words and phrase ends with that hash, for the in-place reader
   * below: a window token is hashed where it stands, not sliced and lower-cased. A hit is compared in full.
   */
  byHash: ReadonlyMap<number, readonly { word: string; phraseEnd: boolean }[]>;
  /** The longest single word or phrase end: a longer window token (a key line, a hash) is not hashed at all. */
  maxLength: number;
};
const matchers = new WeakMap<readonly string[], TWordMatcher>();

function compileWords(words: readonly string[]): TWordMatcher {
  let matcher = matchers.get(words);
  if (!matcher) {
    const phrases = words.filter((w) => w.includes(' '));
    const single = new Set(words.filter((w) => !w.includes(' ')));
    const phraseEnds = new Set(phrases.map((phrase) => phrase.slice(phrase.lastIndexOf(' ') + 1)));
    const byHash = new Map<number, { word: string; phraseEnd: boolean }[]>();
    for (const [list, phraseEnd] of [[single, false], [phraseEnds, true]] as const) {
      for (const word of list) {
        const hash = hashWord(word);
        const entries = byHash.get(hash) ?? [];
        entries.push({ word, phraseEnd });
        byHash.set(hash, entries);
      }
    }
    const maxLength = Math.max(0, ...[...single, ...phraseEnds].map((word) => word.length));
    matcher = { single, phrases, phraseEnds, byHash, maxLength };
    matchers.set(words, matcher);
  }
  return matcher;
}

/**
 * A window character for the in-place reader: its lower-case code unit if it is a word character ([\p{L}\p{N}])
 * that lower-cases to one unit, 0 if it is not a word character, -1 if the reader can't tell (letters outside
 * Latin-1/Latin Extended, surrogates, irregular lower-casing): the caller then takes the general path.
 */
function windowUnit(c: number): number {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) ? c : c >= 65 && c <= 90 ? c | 0x20 : 0;
  if (c < 0x250) return LATIN[c]!;
  // General Punctuation (dashes, quotes, spaces, bullets) and Currency Symbols hold no letter or number.
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x20cf)) return 0;
  return -1;
}

/** Whether text[start, end) (word characters the reader accepted) lower-cased is `word`. */
function tokenIs(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  if (word === '#') return text.charCodeAt(start) === 35;
  for (let k = start; k < end; k++) if (windowUnit(text.charCodeAt(k)) !== word.charCodeAt(k - start)) return false;
  return true;
}

/**
 * `tokensContain(readContextTokens(…), words)` without building the tokens: the same backward walk hashes each
 * token in place (lower-casing as it reads) and looks it up. Returns 1 (a single word occurs), 0 (none, and no
 * phrase can: no phrase end occurs) or -1 (a phrase end occurs without a single word, or a character the
 * reader can't classify: the caller takes the general path). Runs for every candidate's context; hand-written
 * for speed (the token strings and lower-cased copies showed in profiles of short messages).
 */
function scanWindow(text: string, from: number, position: number, count: number, matcher: TWordMatcher): number {
  let found = 0;
  let tokens = 0;
  let i = position;
  while (i > from && tokens < count) {
    const c = text.charCodeAt(i - 1);
    let start: number;
    let h = FNV_OFFSET;
    if (c === 35) {
      start = i - 1;
      h = Math.imul(h ^ 35, FNV_PRIME);
    } else {
      const unit = windowUnit(c);
      if (unit < 0) return -1;
      if (unit === 0) {
        i--;
        continue;
      }
      start = i - 1;
      for (;;) {
        if (start === from) break;
        const before = windowUnit(text.charCodeAt(start - 1));
        if (before < 0) return -1;
        if (before === 0) break;
        start--;
      }
      if (i - start > matcher.maxLength) {
        // Longer than every word of the list: it can't be one (it still counts as a token).
        tokens++;
        i = start;
        continue;
      }
      for (let k = start; k < i; k++) h = Math.imul(h ^ windowUnit(text.charCodeAt(k)), FNV_PRIME);
    }
    const entries = matcher.byHash.get(h);
    if (entries !== undefined) {
      for (const entry of entries) {
        if (!tokenIs(text, start, i, entry.word)) continue;
        if (!entry.phraseEnd) return 1;
        found = -1;
      }
    }
    tokens++;
    i = start;
  }
  return found;
}

function tokensContain(tokens: readonly string[], words: readonly string[]): boolean {
  const { single, phrases, phraseEnds } = compileWords(words);
  let phraseEnd = false;
  for (const token of tokens) {
    if (single.has(token)) return true;
    if (phraseEnds.has(token)) phraseEnd = true;
  }
  // A phrase can only occur where its last word does: most windows skip the joined-window search.
  if (!phraseEnd) return false;
  const window = ` ${tokens.join(' ')} `;
  return phrases.some((phrase) => window.includes(` ${phrase} `));
}

/** True when a context word occurs in the last `count` tokens before `position` (and not before `floor`). */
export function hasContextWordBefore(text: string, position: number, count: number, words: readonly string[], floor = 0): boolean {
  const found = scanWindow(text, Math.max(0, floor, position - count * 24), position, count, compileWords(words));
  if (found >= 0) return found === 1;
  return tokensContain(readContextTokens(text, position, count, floor), words);
}

/**
 * In `text[from, to)`, the offset from `from` of the last '\n', or of the last [.!?] followed by white space
 * inside the range; -1 if none.
 */
function findSentenceStart(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const ch = text[i];
    if (ch === '\n') return i - from;
    if ((ch === '.' || ch === '!' || ch === '?') && i + 1 < to && SPACE.test(text[i + 1]!)) return i - from;
  }
  return -1;
}

export type TContextRule = {
  /** Words that make the entity more likely; lower-case, multi-word allowed ("date of birth"). */
  positive?: readonly string[];
  /** How many tokens before the span to look at (default 5). */
  window?: number;
  boost?: number;
  /** Whether generic "order/tracking/invoice/#…" context lowers the score. */
  negative?: boolean;
  /** Tokens before the span that count as negative (default 3: negative words bind closely). */
  negativeWindow?: number;
};

let scoringFloor = 0;

/** Sets the scoring floor (see `withScoringFloor`) and returns the previous one; callers restore it in `finally`. */
export function setScoringFloor(threshold: number): number {
  const previous = scoringFloor;
  scoringFloor = threshold;
  return previous;
}

/**
 * Runs `detect` with scores below `threshold` left unfinished: a candidate whose best possible score (base
 * plus boost) or whose score after the positive words is already below it can't be reported, and negative
 * words only lower a score, so the remaining context reads are skipped (its score stays below the
 * threshold). Detection at the same threshold reports exactly the same entities; `detectEntities` uses it
 * on the fast path. Context reads ran once or twice per candidate and showed in profiles of long text.
 */
export function withScoringFloor<T>(threshold: number, detect: () => T): T {
  const previous = setScoringFloor(threshold);
  try {
    return detect();
  } finally {
    setScoringFloor(previous);
  }
}

const roundScore = (score: number): number => Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;

export function scoreWithContext(text: string, start: number, base: number, rule: TContextRule): number {
  let score = base;
  const boost = rule.boost ?? POSITIVE_CONTEXT_BOOST;
  const hasPositive = rule.positive !== undefined && rule.positive.length > 0;
  if (scoringFloor > 0 && roundScore(hasPositive ? base + boost : base) < scoringFloor) return roundScore(base);
  if (hasPositive && hasContextWordBefore(text, start, rule.window ?? 5, rule.positive!)) score += boost;
  if (scoringFloor > 0 && roundScore(score) < scoringFloor) return roundScore(score);
  if (rule.negative) {
    // Negative words bind within their own sentence: "Order 123. Tel: 0151…" is still a phone.
    const prefixStart = Math.max(0, start - 80);
    const sentenceStart = prefixStart + findSentenceStart(text, prefixStart, start) + 1;
    if (hasContextWordBefore(text, start, rule.negativeWindow ?? 3, NEGATIVE_CONTEXT, sentenceStart)) score -= NEGATIVE_CONTEXT_PENALTY;
  }
  // Rounded so 0.95 − 0.45 is 0.5, not 0.49999…, at the default threshold.
  return roundScore(score);
}
