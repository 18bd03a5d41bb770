import { composeExtractiveAnswer } from '../compose-extractive-answer';
import type { AnswerProvider, TAnswerHooks, TAnswerRequest, TProviderAnswer } from './answer-provider';

/** The default provider: extractive, no model, no network. It cannot invent a sentence. */
export class OfflineExtractiveProvider implements AnswerProvider {
  readonly id = 'offline-extractive';

  async answer(request: TAnswerRequest, hooks: TAnswerHooks = {}): Promise<TProviderAnswer> {
    const composed = composeExtractiveAnswer(request.question, request.chunks, { maxSentences: request.maxSentences });
    const sentences = composed.sentences.map(({ text, chunkId }) => ({ text, chunkId }));
    // The whole answer exists at once; it is handed on sentence by sentence, as composed.
    for (const sentence of sentences) hooks.onSentence?.(sentence);
    return {
      sentences,
      raw: composed.text,
      notInSources: composed.sentences.length === 0,
      tokens: { input: 0, output: 0 },
    };
  }
}
