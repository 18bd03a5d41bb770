import { createStreamRedactor, type TStreamRedactor } from '@vouch/guard';

/** What a streaming caller hears while a reply is produced. */
export type TReplyStreamEvent = { type: 'delta'; text: string } | { type: 'reset' };

/**
 * Characters the redactor holds back. Sentences arrive whole (verified and filtered), so an
 * entity can only straddle a sentence boundary; the longest kinds (IBAN with spaces, spaced
 * card numbers) fit well inside this, and cuts fall on whitespace only.
 */
const HOLD_BACK = 64;

/**
 * The reply as it is streamed to the customer: verified, filtered sentences (or a fixed reply)
 * go in, and only what the streaming-safe redactor has cleared comes out, never half an
 * entity. What was emitted since the last reset is exactly what `finish()` returns and what is
 * stored, so the customer and the transcript never disagree.
 */
export class ReplyStream {
  private redactor: TStreamRedactor = createStreamRedactor({ holdBack: HOLD_BACK });
  private emitted = '';
  private pushed = 0;
  private finished = false;

  constructor(private readonly onEvent?: (event: TReplyStreamEvent) => void) {}

  /** Whether anything went in since the last reset. */
  get started(): boolean {
    return this.pushed > 0;
  }

  /** Adds one piece of the reply (a sentence, or a whole fixed reply); pieces are joined with a space. */
  push(piece: string): void {
    if (this.finished) throw new Error('ReplyStream.push() after finish()');
    const text = piece.trim();
    if (!text) return;
    this.emit(this.redactor.push(this.pushed > 0 ? ` ${text}` : text));
    this.pushed += 1;
  }

  /**
   * Takes back what was streamed: the pipeline decided against it after all (a leaked canary
   * found in the whole reply, say). The customer's panel clears the partial reply.
   */
  reset(): void {
    if (this.finished) throw new Error('ReplyStream.reset() after finish()');
    this.redactor = createStreamRedactor({ holdBack: HOLD_BACK });
    this.emitted = '';
    this.pushed = 0;
    this.onEvent?.({ type: 'reset' });
  }

  /** Ends the stream; returns the whole reply exactly as it was emitted. */
  finish(): string {
    if (!this.finished) {
      this.finished = true;
      this.emit(this.redactor.flush());
    }
    return this.emitted;
  }

  private emit(text: string): void {
    if (!text) return;
    this.emitted += text;
    this.onEvent?.({ type: 'delta', text });
  }
}
