import { Embeddings } from '@langchain/core/embeddings';
import { its, nlp } from '../text/nlp';

export const OFFLINE_EMBEDDING_DIMENSIONS = 384;
/** The offline embedder's model name as stored in a tenant's settings. */
export const OFFLINE_EMBEDDING_MODEL = 'hash-lemma-v1';

// Weights of the feature families: whole lemmas carry the meaning, adjacent-lemma pairs carry
// phrases ("reset password"), character trigrams tolerate typos and inflections.
const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.7;
const TRIGRAM_WEIGHT = 0.35;
const STOPWORD_WEIGHT = 0.15;

/** FNV-1a, 32 bit: stable across runs and platforms, which a stored index depends on. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const h = hash32(feature);
  // The top bit picks the sign so that colliding features tend to cancel, not pile up.
  vector[h % vector.length]! += h & 0x80000000 ? -weight : weight;
}

function lemmatize(text: string): { lemma: string; stop: boolean }[] {
  const doc = nlp.readDoc(text.toLowerCase());
  // wink-nlp types its.lemma with a narrower signature than out() accepts; the call is correct.
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as boolean[];
  const types = doc.tokens().out(its.type) as string[];
  return lemmas
    .map((lemma, i) => ({ lemma, stop: stops[i] ?? false, type: types[i] }))
    .filter((t) => t.type === 'word' || t.type === 'number')
    .map(({ lemma, stop }) => ({ lemma, stop }));
}

/**
 * A deterministic embedding that needs no model download: lemmatised words, word pairs and
 * character trigrams, hashed into 384 signed buckets with sublinear term frequency, L2
 * normalised. It is lexical-semantic at best (inflections, typos, phrases), not a neural model;
 * hybrid retrieval pairs it with full-text ranking, and real providers are one env var away.
 */
export function embedOffline(text: string, dimensions = OFFLINE_EMBEDDING_DIMENSIONS): number[] {
  const counts = new Map<string, number>();
  const bump = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const tokens = lemmatize(text);
  tokens.forEach((token, i) => {
    bump(`w:${token.lemma}`, token.stop ? STOPWORD_WEIGHT : UNIGRAM_WEIGHT);
    if (token.stop) return;
    const next = tokens.slice(i + 1).find((t) => !t.stop);
    if (next) bump(`b:${token.lemma} ${next.lemma}`, BIGRAM_WEIGHT);
    const padded = `^${token.lemma}$`;
    for (let j = 0; j + 3 <= padded.length; j += 1) bump(`c:${padded.slice(j, j + 3)}`, TRIGRAM_WEIGHT / Math.max(1, padded.length - 2));
  });
  const vector = new Float64Array(dimensions);
  // Sublinear term frequency: the tenth mention of a word adds far less than the first.
  for (const [feature, weight] of counts) addFeature(vector, feature, Math.log1p(weight));
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return Array.from(vector, (value) => (norm === 0 ? 0 : value / norm));
}

/** The offline embedder behind langchain's Embeddings interface, like the real providers. */
export class OfflineHashEmbeddings extends Embeddings {
  readonly id: string;

  constructor(readonly dimensions: number = OFFLINE_EMBEDDING_DIMENSIONS) {
    super({});
    this.id = `vouch-offline-hash-${dimensions}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => embedOffline(text, this.dimensions));
  }

  async embedQuery(text: string): Promise<number[]> {
    return embedOffline(text, this.dimensions);
  }
}
