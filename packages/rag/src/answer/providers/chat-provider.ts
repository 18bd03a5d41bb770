import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { TAnswerSentence } from '../types';
import type { AnswerProvider, TAnswerHooks, TAnswerRequest, TProviderAnswer } from './answer-provider';
import { buildChatMessages, NOT_IN_SOURCES } from './chat-prompt';
import { parseCitedAnswer, parseCitedSentences } from './parse-cited-answer';

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : ((part as { text?: string }).text ?? ''))).join('');
  return '';
}

type TUsage = { input_tokens?: number; output_tokens?: number } | undefined;
const tokensOf = (usage: TUsage) => ({ input: usage?.input_tokens ?? 0, output: usage?.output_tokens ?? 0 });

/** A langchain chat model prompted to answer only from numbered passages and cite them. */
export class ChatAnswerProvider implements AnswerProvider {
  constructor(
    readonly id: string,
    private readonly model: BaseChatModel,
  ) {}

  async answer(request: TAnswerRequest, hooks: TAnswerHooks = {}): Promise<TProviderAnswer> {
    if (hooks.onSentence) return this.stream(request, hooks.onSentence);
    const reply = await this.model.invoke(buildChatMessages(request));
    const raw = textOf(reply.content).trim();
    const tokens = tokensOf((reply as { usage_metadata?: TUsage }).usage_metadata);
    if (raw.length === 0 || raw.includes(NOT_IN_SOURCES)) return { sentences: [], raw, notInSources: true, tokens };
    return { sentences: parseCitedAnswer(raw, request.chunks), raw, notInSources: false, tokens };
  }

  /**
   * Token streaming. A sentence is handed on once it is complete (another one has begun after
   * it) and its citation is settled: it names its passage itself, or it waits for the marker it
   * will borrow. The final parse of the whole reply decides the rest, so the sentences handed on
   * are always a prefix of the returned ones.
   */
  private async stream(request: TAnswerRequest, onSentence: (sentence: TAnswerSentence) => void): Promise<TProviderAnswer> {
    let raw = '';
    let usage: TUsage;
    const settled: TAnswerSentence[] = [];
    const stream = await this.model.stream(buildChatMessages(request));
    for await (const chunk of stream) {
      raw += textOf(chunk.content);
      usage = (chunk as { usage_metadata?: TUsage }).usage_metadata ?? usage;
      if (raw.includes(NOT_IN_SOURCES)) continue;
      const parsed = parseCitedSentences(raw, request.chunks);
      // The last parsed sentence may still be growing.
      while (settled.length < parsed.length - 1 && parsed[settled.length]!.ownMarker) {
        const { text, chunkId } = parsed[settled.length]!;
        settled.push({ text, chunkId });
        onSentence({ text, chunkId });
      }
    }
    raw = raw.trim();
    const tokens = tokensOf(usage);
    if (raw.length === 0 || raw.includes(NOT_IN_SOURCES)) return { sentences: settled, raw, notInSources: true, tokens };
    const rest = parseCitedAnswer(raw, request.chunks).slice(settled.length);
    for (const sentence of rest) onSentence(sentence);
    return { sentences: [...settled, ...rest], raw, notInSources: false, tokens };
  }
}
