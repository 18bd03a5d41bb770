import { lemmaSet } from '@vouch/rag';
import { foldText } from './human-topics';

/** Jaccard similarity of content lemmas at or above which two messages ask the same thing. */
export const SAME_QUESTION_SIMILARITY = 0.6;

/** "How long do refunds take?" and "how long does a refund take??" are the same question. */
export function isSameQuestion(a: string, b: string): boolean {
  const fa = foldText(a).replace(/[^\p{L}\p{N} ]/gu, '').trim();
  const fb = foldText(b).replace(/[^\p{L}\p{N} ]/gu, '').trim();
  if (fa.length > 0 && fa === fb) return true;
  const la = lemmaSet(a);
  const lb = lemmaSet(b);
  if (la.size === 0 || lb.size === 0) return false;
  let shared = 0;
  for (const lemma of la) if (lb.has(lemma)) shared += 1;
  return shared / (la.size + lb.size - shared) >= SAME_QUESTION_SIMILARITY;
}
