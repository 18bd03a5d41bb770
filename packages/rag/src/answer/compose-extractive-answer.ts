import { embedOffline } from '../embed/offline-embedder';
import { contentTerms, cosine, termCoverage } from '../text/terms';
import { analyseChunks } from './sentence-evidence';
import type { TAnswerSentence, TEvidenceChunk } from './types';

export interface TExtractiveOptions {
  /** At most this many sentences (default 3). */
  maxSentences?: number;
  /** Sentences scoring below this relevance (0..1) are never picked (default 0.25). */
  minSentenceScore?: number;
}

export interface TExtractiveAnswer {
  sentences: (TAnswerSentence & { chunkId: string; score: number })[];
  /** The sentences lightly joined: verbatim from the approved chunks, no invented words. */
  text: string;
}

// Relevance of a sentence: its share of the question's words, its embedding similarity and
// its chunk's share of the question's words (a sentence about "card numbers" in the data
// protection article should not join an answer about tracking numbers from the shipping
// article), with a small preference for higher-ranked chunks so ties go to the better hit.
const COVERAGE_WEIGHT = 0.45;
const SIMILARITY_WEIGHT = 0.35;
const CHUNK_COVERAGE_WEIGHT = 0.2;
const RANK_BONUS = 0.05;
// A sentence this similar to one already picked repeats it (overlapping chunks do that).
const DUPLICATE_SIMILARITY = 0.9;
const RELATIVE_FLOOR = 0.6;

/**
 * The offline answer: the best supporting sentences of the approved chunks, copied verbatim,
 * each carrying the id of the chunk it came from. Pure and deterministic. Picks the most
 * relevant sentences, then orders them as they stand in their chunks (chunk by retrieval rank)
 * so the answer reads in the source's order.
 */
export function composeExtractiveAnswer(question: string, chunks: readonly TEvidenceChunk[], options: TExtractiveOptions = {}): TExtractiveAnswer {
  const maxSentences = options.maxSentences ?? 3;
  const minScore = options.minSentenceScore ?? 0.25;
  const terms = contentTerms(question);
  const questionVector = embedOffline(question);
  const candidates = analyseChunks(chunks).flatMap((evidence) => {
    const chunkCoverage = termCoverage(terms, evidence.lemmas);
    return evidence.sentences.map((sentence) => ({
      ...sentence,
      rank: evidence.rank,
      chunkId: evidence.chunk.chunkId,
      score:
        COVERAGE_WEIGHT * termCoverage(terms, sentence.lemmas) +
        SIMILARITY_WEIGHT * cosine(questionVector, sentence.vector) +
        CHUNK_COVERAGE_WEIGHT * chunkCoverage +
        RANK_BONUS / (1 + evidence.rank),
    }));
  });
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.rank - b.rank || a.position - b.position);
  // Relative cut-off too: a sentence far weaker than the best one is filler, even above the floor.
  const floor = Math.max(minScore, RELATIVE_FLOOR * (ranked[0]?.score ?? 0));
  const picked: typeof candidates = [];
  for (const candidate of ranked) {
    if (picked.length >= maxSentences || candidate.score < floor) break;
    if (picked.some((p) => cosine(p.vector, candidate.vector) >= DUPLICATE_SIMILARITY)) continue;
    picked.push(candidate);
  }
  picked.sort((a, b) => a.rank - b.rank || a.position - b.position);
  const sentences = picked.map((p) => ({ text: p.text, chunkId: p.chunkId, score: Math.round(p.score * 1000) / 1000 }));
  return { sentences, text: sentences.map((s) => s.text).join(' ') };
}
