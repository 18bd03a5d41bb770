/** The part of a retrieved chunk the answer engine needs; `TRetrievedChunk` satisfies it. */
export interface TEvidenceChunk {
  chunkId: string;
  content: string;
  heading?: string | null;
  documentTitle?: string;
  /** Retrieval signals, when the chunk came from hybrid retrieval. */
  vectorSimilarity?: number | null;
  textScore?: number | null;
  score?: number;
}

/** One sentence of an answer and the chunk it cites. */
export interface TAnswerSentence {
  text: string;
  /** null when a model wrote a sentence without a usable citation: verification drops it. */
  chunkId: string | null;
}
