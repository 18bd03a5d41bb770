import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AnswerProvider, TAnswerRequest, TProviderAnswer } from './answer-provider';
import { buildChatMessages, NOT_IN_SOURCES } from './chat-prompt';
import { parseCitedAnswer } from './parse-cited-answer';

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : ((part as { text?: string }).text ?? ''))).join('');
  return '';
}

/** A langchain chat model prompted to answer only from numbered passages and cite them. */
export class ChatAnswerProvider implements AnswerProvider {
  constructor(
    readonly id: string,
    private readonly model: BaseChatModel,
  ) {}

  async answer(request: TAnswerRequest): Promise<TProviderAnswer> {
    const reply = await this.model.invoke(buildChatMessages(request));
    const raw = textOf(reply.content).trim();
    const usage = (reply as { usage_metadata?: { input_tokens?: number; output_tokens?: number } }).usage_metadata;
    const tokens = { input: usage?.input_tokens ?? 0, output: usage?.output_tokens ?? 0 };
    if (raw.length === 0 || raw.includes(NOT_IN_SOURCES)) return { sentences: [], raw, notInSources: true, tokens };
    return { sentences: parseCitedAnswer(raw, request.chunks), raw, notInSources: false, tokens };
  }
}
