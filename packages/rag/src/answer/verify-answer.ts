import { embedOffline } from '../embed/offline-embedder';
import { contentTerms, cosine, numbersIn, termCoverage } from '../text/terms';
import { analyseChunks } from './sentence-evidence';
import type { TAnswerSentence, TEvidenceChunk } from './types';

export interface TVerifyOptions {
  /** Minimum support (0..1) a sentence needs from the chunk it cites (default 0.5). */
  minSupportScore?: number;
}

export type TDropReason = 'no_citation' | 'unknown_citation' | 'unsupported' | 'number_not_in_source';

export interface TVerifiedAnswer {
  kept: (TAnswerSentence & { chunkId: string; support: number })[];
  /** Dropped sentences are reported by position and reason only: their text may be invented. */
  dropped: { index: number; chunkId: string | null; reason: TDropReason; support: number }[];
}

// Support: how much of the sentence's vocabulary the cited chunk contains, and how close the
// sentence is to the chunk's most similar sentence. Containment dominates: a paraphrase may
// reorder words but must not bring in facts the chunk does not state.
const CONTAINMENT_WEIGHT = 0.7;
const SIMILARITY_WEIGHT = 0.3;

/**
 * Keeps only the sentences supported by the chunk they cite. Pure. A sentence is dropped when
 * it cites nothing or a chunk that was not in the evidence, when it states a number the chunk
 * does not contain, or when its support is below `minSupportScore`. A correct sentence that
 * cites the wrong chunk is dropped too: the citation is part of the claim.
 */
export function verifyAnswer(sentences: readonly TAnswerSentence[], chunks: readonly TEvidenceChunk[], options: TVerifyOptions = {}): TVerifiedAnswer {
  const minSupport = options.minSupportScore ?? 0.5;
  const evidence = new Map(analyseChunks(chunks).map((e) => [e.chunk.chunkId, e]));
  const kept: TVerifiedAnswer['kept'] = [];
  const dropped: TVerifiedAnswer['dropped'] = [];
  sentences.forEach((sentence, index) => {
    if (!sentence.chunkId) return dropped.push({ index, chunkId: null, reason: 'no_citation', support: 0 });
    const cited = evidence.get(sentence.chunkId);
    if (!cited) return dropped.push({ index, chunkId: sentence.chunkId, reason: 'unknown_citation', support: 0 });
    const terms = contentTerms(sentence.text);
    const containment = terms.length === 0 ? 0 : termCoverage(terms, cited.lemmas);
    const vector = embedOffline(sentence.text);
    const similarity = Math.max(0, ...cited.sentences.map((s) => cosine(vector, s.vector)));
    const support = Math.round((CONTAINMENT_WEIGHT * containment + SIMILARITY_WEIGHT * similarity) * 1000) / 1000;
    const chunkNumbers = new Set(numbersIn(cited.chunk.content));
    if (numbersIn(sentence.text).some((n) => !chunkNumbers.has(n))) {
      return dropped.push({ index, chunkId: sentence.chunkId, reason: 'number_not_in_source', support });
    }
    if (support < minSupport) return dropped.push({ index, chunkId: sentence.chunkId, reason: 'unsupported', support });
    kept.push({ text: sentence.text, chunkId: sentence.chunkId, support });
  });
  return { kept, dropped };
}
