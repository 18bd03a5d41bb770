import { type TDetection } from '../types';
import { execAtStarts, isLetterOrNumberBefore, toSticky, type TRecognizer } from './recognizer';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,63})@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-])/gu;
const EMAIL_AT = toSticky(EMAIL);

/**
 * Where an address can start: the look-behind forbids a local-part character before the start, so for
 * each '@' the only possible start is the beginning of the run of local-part characters before it (a run
 * longer than 64 code points can't match at all, hence the cap).
 */
export function findEmailStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start <= 130) {
      const c = text.charCodeAt(start - 1);
      if (c === 46 || c === 95 || c === 37 || c === 43 || c === 45) start--;
      else if (!isLetterOrNumberBefore(text, start)) break;
      else start -= c >= 0xdc00 && c <= 0xdfff && start >= 2 && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
    }
    if (start < at) starts.push(start);
  }
  return starts;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

export const emailRecognizer: TRecognizer = {
  type: 'EMAIL',
  mayMatch: (f) => f.hasAt,
  detect(text) {
    const found: TDetection[] = [];
    for (const m of execAtStarts(EMAIL_AT, text, findEmailStarts(text))) {
      found.push({ type: 'EMAIL', start: m.index, end: m.index + m[0].length, score: 0.95 });
    }
    return found;
  },
  detectExhaustively(text) {
    const found: TDetection[] = [];
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
      found.push({ type: 'EMAIL', start: m.index, end: m.index + m[0].length, score: 0.95 });
    }
    return found;
  },
};
