import { composeExtractiveAnswer } from '../compose-extractive-answer';
import type { AnswerProvider, TAnswerRequest, TProviderAnswer } from './answer-provider';

/** The default provider: extractive, no model, no network. It cannot invent a sentence. */
export class OfflineExtractiveProvider implements AnswerProvider {
  readonly id = 'offline-extractive';

  async answer(request: TAnswerRequest): Promise<TProviderAnswer> {
    const composed = composeExtractiveAnswer(request.question, request.chunks, { maxSentences: request.maxSentences });
    return {
      sentences: composed.sentences.map(({ text, chunkId }) => ({ text, chunkId })),
      raw: composed.text,
      notInSources: composed.sentences.length === 0,
      tokens: { input: 0, output: 0 },
    };
  }
}
