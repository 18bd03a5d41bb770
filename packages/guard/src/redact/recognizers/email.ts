import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,63})@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-])/gu;

export const emailRecognizer: TRecognizer = {
  type: 'EMAIL',
  mayMatch: (f) => f.hasAt,
  detect(text) {
    const found: TDetection[] = [];
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
      found.push({ type: 'EMAIL', start: m.index, end: m.index + m[0].length, score: 0.95 });
    }
    return found;
  },
};
