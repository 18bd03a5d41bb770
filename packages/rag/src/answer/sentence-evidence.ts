import { embedOffline } from '../embed/offline-embedder';
import { splitSentences } from '../text/sentences';
import { lemmaSet } from '../text/terms';
import type { TEvidenceChunk } from './types';

/** A chunk analysed once: its sentences, their offline embeddings and lemmas. */
export interface TChunkEvidence {
  chunk: TEvidenceChunk;
  rank: number;
  lemmas: Set<string>;
  sentences: { text: string; position: number; vector: number[]; lemmas: Set<string> }[];
}

/**
 * Grounding and verification judge with the offline embedder and the lemmatiser whatever
 * provider embedded the index, so the thresholds in an agent's config mean the same thing
 * with every provider.
 */
export function analyseChunks(chunks: readonly TEvidenceChunk[]): TChunkEvidence[] {
  return chunks.map((chunk, rank) => ({ chunk, rank, ...analyseOne(chunk) }));
}

// Grounding, composition and verification (once per streamed sentence) all analyse the same
// retrieved chunks of one request: each chunk object is analysed once. Weak keys, so the
// analysis goes when the request's chunks do; chunk objects are never mutated.
const analysed = new WeakMap<TEvidenceChunk, Pick<TChunkEvidence, 'lemmas' | 'sentences'>>();

function analyseOne(chunk: TEvidenceChunk): Pick<TChunkEvidence, 'lemmas' | 'sentences'> {
  let result = analysed.get(chunk);
  if (!result) {
    result = {
      lemmas: lemmaSet(chunk.content),
      sentences: splitSentences(chunk.content).map((text, position) => ({ text, position, vector: embedOffline(text), lemmas: lemmaSet(text) })),
    };
    analysed.set(chunk, result);
  }
  return result;
}
