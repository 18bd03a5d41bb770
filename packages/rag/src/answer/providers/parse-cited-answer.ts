import { splitSentences } from '../../text/sentences';
import type { TAnswerSentence, TEvidenceChunk } from '../types';

const MARKER = /\s*\[(\d{1,3})\](?:\s*\[(\d{1,3})\])*/g;

/** A parsed sentence and whether it named its passage itself (rather than borrowing one). */
export type TParsedSentence = TAnswerSentence & { ownMarker: boolean };

/**
 * `parseCitedAnswer` with one more fact per sentence: whether its citation is its own. A
 * streaming caller can settle a sentence that cites by itself as soon as it is complete; one
 * that borrows must wait for the rest of its paragraph.
 */
export function parseCitedSentences(reply: string, chunks: readonly TEvidenceChunk[]): TParsedSentence[] {
  const result: TParsedSentence[] = [];
  for (const paragraph of reply.split(/\n\s*\n/)) {
    const parsed = splitSentences(paragraph).map((sentence) => {
      const numbers = [...sentence.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
      const text = sentence.replace(MARKER, '').replace(/\s+([.!?,;:])/g, '$1').trim();
      const first = numbers[0];
      const chunkId = first === undefined ? undefined : (chunks[first - 1]?.chunkId ?? null);
      return { text, chunkId, ownMarker: first !== undefined };
    });
    for (let i = parsed.length - 1, next: string | null = null; i >= 0; i -= 1) {
      const sentence = parsed[i]!;
      if (sentence.chunkId === undefined) sentence.chunkId = next;
      else next = sentence.chunkId;
    }
    for (const sentence of parsed) {
      if (sentence.text.length > 0) result.push({ text: sentence.text, chunkId: sentence.chunkId ?? null, ownMarker: sentence.ownMarker });
    }
  }
  return result;
}

/**
 * Turns a model's reply into sentences with the chunk each cites. `[n]` markers are removed
 * from the text; a sentence cites the first passage it names. A sentence without a marker
 * borrows the next marker in the same paragraph (models often cite once per paragraph); one
 * with no marker at all, or a number outside the passages, cites nothing and verification
 * drops it.
 */
export function parseCitedAnswer(reply: string, chunks: readonly TEvidenceChunk[]): TAnswerSentence[] {
  return parseCitedSentences(reply, chunks).map(({ text, chunkId }) => ({ text, chunkId }));
}
