import { embedOffline } from '../embed/offline-embedder';
import { contentTerms, cosine, termCoverage, TOPIC_WEIGHT } from '../text/terms';
import { analyseChunks, type TChunkEvidence } from './sentence-evidence';
import type { TEvidenceChunk } from './types';

export interface TGroundingThresholds {
  /** Minimum evidence strength (0..1) to answer; the agent config's `groundingThreshold`. */
  groundingThreshold: number;
  /** Minimum share of the question's topic words (nouns, numbers) the best chunk must contain. */
  minQuestionCoverage: number;
}

export type TGroundingReason = 'grounded' | 'no_evidence' | 'weak_evidence' | 'topic_not_covered';

export interface TGroundingDecision {
  grounded: boolean;
  reason: TGroundingReason;
  /** Strength of the best chunk, 0..1. */
  strength: number;
  bestChunkId: string | null;
  /** Per chunk, in retrieval order: the signals the decision used. */
  chunks: { chunkId: string; strength: number; coverage: number; topicCoverage: number; sentenceSimilarity: number; textMatch: boolean }[];
}

// How the signals add up to strength: word coverage carries most of it because the offline
// embedding is lexical too; the full-text match is a small bonus for an exact-phrase hit.
const COVERAGE_WEIGHT = 0.6;
const SIMILARITY_WEIGHT = 0.3;
const TEXT_MATCH_WEIGHT = 0.1;

function judgeChunk(evidence: TChunkEvidence, question: { terms: ReturnType<typeof contentTerms>; vector: number[] }) {
  const coverage = termCoverage(question.terms, evidence.lemmas);
  const hasTopicWords = question.terms.some((t) => t.weight >= TOPIC_WEIGHT);
  const topicCoverage = hasTopicWords ? termCoverage(question.terms, evidence.lemmas, TOPIC_WEIGHT) : coverage;
  const sentenceSimilarity = Math.max(0, ...evidence.sentences.map((s) => cosine(question.vector, s.vector)));
  const textMatch = (evidence.chunk.textScore ?? 0) > 0;
  const strength = COVERAGE_WEIGHT * coverage + SIMILARITY_WEIGHT * sentenceSimilarity + (textMatch ? TEXT_MATCH_WEIGHT : 0);
  return { chunkId: evidence.chunk.chunkId, strength, coverage, topicCoverage, sentenceSimilarity, textMatch };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Is the retrieved evidence strong enough to answer? Pure. A chunk's strength combines how
 * much of the question's vocabulary it contains (weighted: topic nouns count most), the best
 * sentence's similarity to the question, and a full-text match. The answer is honest: below
 * the threshold, or when the question's topic words are missing from the best chunk (a
 * near-miss: "reset my PIN" against a password article), it is not grounded.
 */
export function decideGrounding(chunks: readonly TEvidenceChunk[], questionText: string, thresholds: TGroundingThresholds): TGroundingDecision {
  if (chunks.length === 0) return { grounded: false, reason: 'no_evidence', strength: 0, bestChunkId: null, chunks: [] };
  const question = { terms: contentTerms(questionText), vector: embedOffline(questionText) };
  const judged = analyseChunks(chunks).map((evidence) => judgeChunk(evidence, question));
  const best = judged.reduce((a, b) => (b.strength > a.strength ? b : a));
  const reason: TGroundingReason =
    best.strength < thresholds.groundingThreshold
      ? 'weak_evidence'
      : best.topicCoverage < thresholds.minQuestionCoverage
        ? 'topic_not_covered'
        : 'grounded';
  return {
    grounded: reason === 'grounded',
    reason,
    strength: round(best.strength),
    bestChunkId: best.chunkId,
    chunks: judged.map((j) => ({ ...j, strength: round(j.strength), coverage: round(j.coverage), topicCoverage: round(j.topicCoverage), sentenceSimilarity: round(j.sentenceSimilarity) })),
  };
}
