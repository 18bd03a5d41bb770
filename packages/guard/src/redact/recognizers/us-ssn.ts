import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { isUsSsnValid } from '../validators';
import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

const SSN = /(?<![\p{L}\p{N}_\-./#])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}_-]|[ .-]?\d)/gu;

const CONTEXT = {
  positive: ['ssn', 'social security', 'social security number', 'social', 'security number', 'ss', 'tin', 'taxpayer'],
  negative: true,
};

registerVocabulary(VOCAB.SSN, CONTEXT.positive);

export const usSsnRecognizer: TRecognizer = {
  type: 'US_SSN',
  readsSpokenDigits: true,
  // Separated SSNs score 0.6 alone; nine bare digits (0.2) need a context word.
  mayMatch: (f, threshold) =>
    f.strictSeparatedRunMax >= 9 || (f.strictRunMax >= 9 && (threshold <= 0.2 || mayHaveVocabulary(f, VOCAB.SSN))),
  detect(text) {
    const found: TDetection[] = [];
    SSN.lastIndex = 0;
    for (let m = SSN.exec(text); m; m = SSN.exec(text)) {
      const [, area = '', separator = '', group = '', serial = ''] = m;
      if (!isUsSsnValid(area, group, serial)) continue;
      // Nine bare digits are everywhere (order ids, amounts in cents); only context makes them an SSN.
      const base = separator === '' ? 0.2 : 0.6;
      const score = scoreWithContext(text, m.index, base, { ...CONTEXT, boost: separator === '' ? 0.5 : 0.35 });
      found.push({ type: 'US_SSN', start: m.index, end: m.index + m[0].length, score });
    }
    return found;
  },
};
