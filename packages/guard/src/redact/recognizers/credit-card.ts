import { scoreWithContext } from '../context';
import { hasKnownCardPrefix, isLuhnValid } from '../validators';
import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

/** A run of digits joined by single spaces, dashes or dots; long runs are split into groups below. */
// Letters may touch the run ("card:4111…", "cc4111…"): a PAN glued to text is still a PAN.
const DIGIT_RUN = /(?<![\p{N}+])\d(?:[ .\-\u00A0]?\d)+(?![\p{N}]|[ .\-\u00A0]?\d)/gu;

const CONTEXT = {
  positive: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'pan', 'karte', 'kreditkarte', 'carte', 'tarjeta', 'carta', 'cartão', 'cc'],
  negative: true,
};

/**
 * Luhn-valid 13–19 digit numbers. When a whole run fails (a card followed by an expiry or another
 * number), windows of whole digit groups are tried, so a PAN can't hide next to other digits.
 */
export const creditCardRecognizer: TRecognizer = {
  type: 'CREDIT_CARD',
  readsSpokenDigits: true,
  mayMatch: (f) => f.strictRunMax >= 13,
  detect(text) {
    const found: TDetection[] = [];
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
      const run = m[0];
      const digits = run.replace(/\D/g, '');
      if (digits.length < 13) continue;
      if (digits.length <= 19 && isLuhnValid(digits)) {
        found.push({ type: 'CREDIT_CARD', start: m.index, end: m.index + run.length, score: scoreWholeRun(text, m.index, digits) });
        continue;
      }
      found.push(...findCardsInGroups(text, run, m.index));
    }
    return found;
  },
};

function scoreWholeRun(text: string, start: number, digits: string): number {
  // A checksummed number with a real issuer prefix is redacted whatever the context ("order #…"):
  // PCI DSS says a PAN is never returned readable, so we err toward redacting.
  if (hasKnownCardPrefix(digits)) return 0.95;
  return scoreWithContext(text, start, 0.6, CONTEXT);
}

function findCardsInGroups(text: string, run: string, offset: number): TDetection[] {
  const groups = [...run.matchAll(/\d+/g)].map((g) => ({ start: offset + g.index, end: offset + g.index + g[0].length, digits: g[0] }));
  if (groups.length < 2) return [];
  const found: TDetection[] = [];
  let i = 0;
  while (i < groups.length) {
    let matched = false;
    // Prefer the longest window starting at group i.
    for (let j = groups.length - 1; j >= i; j--) {
      const digits = groups.slice(i, j + 1).map((g) => g.digits).join('');
      if (digits.length < 13 || digits.length > 19 || !isLuhnValid(digits) || !hasKnownCardPrefix(digits)) continue;
      const first = groups[i]!;
      const last = groups[j]!;
      found.push({ type: 'CREDIT_CARD', start: first.start, end: last.end, score: 0.75 });
      i = j + 1;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return found;
}
