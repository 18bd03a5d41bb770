import { scoreWithContext } from '../context';
import { IBAN_LENGTHS, isIbanValid } from '../validators';
import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

const CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z0-9]){10,32}/gu;

/** Mod-97 validated IBANs, compact or in groups of four; the country length decides where it ends. */
export const ibanRecognizer: TRecognizer = {
  type: 'IBAN',
  mayMatch: (f) => f.ibanStart,
  detect(text) {
    const found: TDetection[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
      const raw = m[0];
      const expected = IBAN_LENGTHS[raw.slice(0, 2)];
      if (expected === undefined) continue;
      let compact = '';
      let end = 0;
      for (let i = 0; i < raw.length && compact.length < expected; i++) {
        const ch = raw[i]!;
        if (ch !== ' ' && ch !== '\u00A0') compact += ch;
        end = i + 1;
      }
      if (compact.length !== expected || !isIbanValid(compact)) continue;
      // The IBAN must end at a token boundary, or we'd be cutting into a longer code.
      const next = text[m.index + end];
      if (next !== undefined && /[\p{L}\p{N}]/u.test(next)) continue;
      const score = scoreWithContext(text, m.index, 0.95, { negative: false });
      found.push({ type: 'IBAN', start: m.index, end: m.index + end, score });
    }
    return found;
  },
};
