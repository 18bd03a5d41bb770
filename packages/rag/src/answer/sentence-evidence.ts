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

// Across requests the same popular chunks come back again and again: their analysis is kept by
// chunk id, and used only while the content is the same text (the analysis depends on nothing
// else). Bounded (a few MB of sentence vectors); cleared whole when full.
const recent = new Map<string, { content: string; analysis: Pick<TChunkEvidence, 'lemmas' | 'sentences'> }>();
const RECENT_MAX = 256;

function analyseOne(chunk: TEvidenceChunk): Pick<TChunkEvidence, 'lemmas' | 'sentences'> {
  let result = analysed.get(chunk);
  if (!result) {
    const kept = recent.get(chunk.chunkId);
    if (kept && kept.content === chunk.content) {
      result = kept.analysis;
    } else {
      result = {
        lemmas: lemmaSet(chunk.content),
        sentences: splitSentences(chunk.content).map((text, position) => ({ text, position, vector: embedOffline(text), lemmas: lemmaSet(text) })),
      };
      if (recent.size >= RECENT_MAX) recent.clear();
      recent.set(chunk.chunkId, { content: chunk.content, analysis: result });
    }
    analysed.set(chunk, result);
  }
  return result;
}
