import { LRUCache } from 'lru-cache';
import { its, nlp } from './nlp';

/** A content word of a text, with how much it says about the topic. */
export interface TTerm {
  lemma: string;
  weight: number;
}

// Words that appear in almost any support question and say nothing about its topic
// ("how long does X take", "can you tell me…"). They still count, a little.
const GENERIC = new Set([
  'take', 'get', 'do', 'make', 'need', 'want', 'know', 'tell', 'help', 'please', 'can', 'could', 'would', 'like',
  'long', 'much', 'many', 'way', 'thing', 'go', 'use', 'happen', 'question', 'ask', 'hi', 'hello', 'thank', 'thanks',
  'hey', 'let', 'say', 'give', 'work', 'find', 'look', 'try', 'see', 'possible', 'able', 'there', 'yes', 'no', 'ok',
]);

// Redaction placeholders ("[EMAIL_1]", "[CREDIT_CARD ****1111]") are data, not topic words.
const PLACEHOLDER = /\[[A-Z][A-Z0-9_]*(?:_\d+| \*{4}\d{4})\]/g;

export const TOPIC_WEIGHT = 1;
const GENERIC_WEIGHT = 0.25;

/**
 * Lemmatised content words (English lemmatiser; other languages fall back to lower-cased
 * words), one entry per lemma, weighted: topic words 1, generic question words ("take", "long",
 * "help") 0.25. Stop words and punctuation are left out. (Part-of-speech weights were tried:
 * the tagger reads "refunds" in "how long do refunds take" as a verb, so they misled.)
 */
export function contentTerms(text: string): readonly TTerm[] {
  let terms = recentTerms.get(text);
  if (!terms) {
    terms = analyseTerms(text);
    recentTerms.set(text, terms);
  }
  return terms;
}

// One message's question is read by the grounding decision, the composer and the same-question
// check, and answer sentences are the same knowledge sentences message after message: the
// tagger ran 4+ times per message on the same texts. A small LRU (texts are already redacted).
const recentTerms = new LRUCache<string, readonly TTerm[]>({ max: 512 });

function analyseTerms(text: string): readonly TTerm[] {
  const doc = nlp.readDoc(text.replace(PLACEHOLDER, ' ').toLowerCase());
  const tokens = doc.tokens();
  // wink-nlp types its.lemma with a narrower signature than out() accepts; the call is correct.
  const lemmas = tokens.out(its.lemma as never) as string[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  const types = tokens.out(its.type) as string[];
  const terms = new Map<string, number>();
  lemmas.forEach((lemma, i) => {
    if (types[i] !== 'word' && types[i] !== 'number') return;
    if (stops[i] || lemma.length < 2) return;
    const weight = GENERIC.has(lemma) ? GENERIC_WEIGHT : TOPIC_WEIGHT;
    terms.set(lemma, Math.max(weight, terms.get(lemma) ?? 0));
  });
  return Object.freeze([...terms].map(([lemma, weight]) => Object.freeze({ lemma, weight })));
}

const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 's', 'ly'];

/**
 * A crude English stem on top of the lemma: the lemmatiser keeps the noun "shipping" apart
 * from the verb "ship", and "refunds" read as a verb apart from "refund"; both sides of a
 * comparison are stemmed the same way, so crude is enough.
 */
export function stem(lemma: string): string {
  for (const suffix of SUFFIXES) {
    if (lemma.length - suffix.length >= 3 && lemma.endsWith(suffix)) {
      const base = lemma.slice(0, -suffix.length);
      // "shipp" → "ship", "stopp" → "stop"
      return /([^aeiou])\1$/.test(base) ? base.slice(0, -1) : base;
    }
  }
  return lemma;
}

/** Lemmas and their stems of a text, for coverage checks against terms of another text. */
export function lemmaSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const { lemma } of contentTerms(text)) {
    set.add(lemma);
    set.add(stem(lemma));
  }
  return set;
}

function matches(lemma: string, pool: ReadonlySet<string>): boolean {
  if (pool.has(lemma) || pool.has(stem(lemma))) return true;
  if (lemma.length < 5) return false;
  // "reimbursement" ~ "reimburse", "delivery" ~ "delivered": a shared five-letter stem counts.
  const prefix = lemma.slice(0, 5);
  for (const candidate of pool) if (candidate.length >= 5 && candidate.startsWith(prefix)) return true;
  return false;
}

/** Weighted share of `terms` found in `pool` (0 when there are no terms). */
export function termCoverage(terms: readonly TTerm[], pool: ReadonlySet<string>, minWeight = 0): number {
  const relevant = terms.filter((t) => t.weight >= minWeight);
  const total = relevant.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 0;
  return relevant.reduce((sum, t) => sum + (matches(t.lemma, pool) ? t.weight : 0), 0) / total;
}

/** Digit runs of a text ("5 business days", "14:00" → 5, 14, 00), for numeric fidelity checks. */
export function numbersIn(text: string): string[] {
  return (text.replace(PLACEHOLDER, ' ').match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.'));
}

/** Cosine similarity of two unit vectors (the offline embedder normalises). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * (b[i] ?? 0);
  return sum;
}
