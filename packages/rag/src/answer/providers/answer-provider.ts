import type { TAnswerSentence, TEvidenceChunk } from '../types';

/** What a provider sees: redacted text only, and only this conversation's. */
export interface TAnswerRequest {
  /** The customer's message, already redacted. */
  question: string;
  /** The last turns of this conversation (redacted, bounded by the caller), oldest first. */
  history: { role: 'customer' | 'assistant'; content: string }[];
  /** The approved evidence, in retrieval order; the model cites them as [1], [2], … */
  chunks: TEvidenceChunk[];
  persona: string;
  /** A fresh `createCanary()` marker planted in the system prompt; the output filter looks for it. */
  canary: string;
  maxSentences: number;
}

export interface TProviderAnswer {
  sentences: TAnswerSentence[];
  /** The provider's whole reply, for the canary check (never stored: it may be invented). */
  raw: string;
  /** The model said the passages do not answer the question. */
  notInSources: boolean;
  tokens: { input: number; output: number };
}

/** For callers that stream: each sentence as soon as the provider has it, in order. */
export interface TAnswerHooks {
  /**
   * Called once per sentence of `TProviderAnswer.sentences`, in the same order, as each becomes
   * final (a model's token stream; the offline composer's sentences one after another). The
   * caller still verifies every sentence before showing it to anyone.
   */
  onSentence?: (sentence: TAnswerSentence) => void;
}

/** Composes an answer from approved chunks. Every provider's output still goes through `verifyAnswer`. */
export interface AnswerProvider {
  /** e.g. `offline-extractive`, `openai:gpt-4o-mini`, `ollama:llama3.1` — recorded in traces. */
  readonly id: string;
  answer(request: TAnswerRequest, hooks?: TAnswerHooks): Promise<TProviderAnswer>;
}
