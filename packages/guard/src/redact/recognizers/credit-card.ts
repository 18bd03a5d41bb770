import { scoreWithContext } from '../context';
import { hasKnownCardPrefix, isLuhnValid } from '../validators';
import { type TDetection } from '../types';
import { findDigitRunsIn, matchesInRange, shouldAnchor, toSticky, type TRecognizer } from './recognizer';

/** A run of digits joined by single spaces, dashes or dots; long runs are split into groups below. */
// Letters may touch the run ("card:4111…", "cc4111…"): a PAN glued to text is still a PAN.
const DIGIT_RUN = /(?<![\p{N}+])\d(?:[ .\-\u00A0]?\d)+(?![\p{N}]|[ .\-\u00A0]?\d)/gu;

const DIGIT_RUN_AT = toSticky(DIGIT_RUN);

/** Length of the chain of digits joined by single [ .-\u00A0] starting at `start`: what DIGIT_RUN matches there. */
function measureStrictChain(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) i++;
    else if ((c === 32 || c === 46 || c === 45 || c === 0xa0) && i + 1 < end && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i += 2;
    else break;
  }
  return i - start;
}

/**
 * Where a card run can start: a digit run (the look-behind forbids a digit before) whose chain is at least
 * 13 characters long, since a shorter match can't hold 13 digits. Later starts in a rejected chain have
 * shorter chains, so they are rejected too, as the global scan would have skipped them inside its match.
 */
function findCardStarts(text: string, from: number, to: number): number[] {
  const { starts: runs } = findDigitRunsIn(text, from, to);
  const starts: number[] = [];
  for (let k = 0; k < runs.length && runs[k]! < to; k++) {
    if (measureStrictChain(text, runs[k]!, to) >= 13) starts.push(runs[k]!);
  }
  return starts;
}

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
  detect: (text) => detectCards(text, 0, text.length, shouldAnchor(text)),
  detectRange: (text, from, to) => detectCards(text, from, to, true),
  detectExhaustively: (text) => detectCards(text, 0, text.length, false),
};

function detectCards(text: string, from: number, to: number, anchored: boolean): TDetection[] {
  const found: TDetection[] = [];
  const matches = matchesInRange(text, from, to, anchored, { global: DIGIT_RUN, sticky: DIGIT_RUN_AT }, () => findCardStarts(text, from, to));
  for (const m of matches) {
    const run = m[0];
    // Fewer than 13 characters can't hold 13 digits: skips times, amounts and short numbers without a copy.
    if (run.length < 13) continue;
    const digits = run.replace(/\D/g, '');
    if (digits.length < 13) continue;
    if (digits.length <= 19 && isLuhnValid(digits)) {
      found.push({ type: 'CREDIT_CARD', start: m.index, end: m.index + run.length, score: scoreWholeRun(text, m.index, digits) });
      continue;
    }
    found.push(...findCardsInGroups(text, run, m.index));
  }
  return found;
}

function scoreWholeRun(text: string, start: number, digits: string): number {
  // A checksummed number with a real issuer prefix is redacted whatever the context ("order #…"):
  // PCI DSS says a PAN is never returned readable, so we err toward redacting.
  if (hasKnownCardPrefix(digits)) return 0.95;
  return scoreWithContext(text, start, 0.6, CONTEXT);
}

function findCardsInGroups(text: string, run: string, offset: number): TDetection[] {
  // Groups of digits in the run; a window of groups i..j reads digits.slice(at[i], at[j + 1]) (one slice per
  // window of a card's length, instead of joining the groups for every window).
  const starts: number[] = [];
  const ends: number[] = [];
  const at: number[] = [0];
  let digits = '';
  for (let k = 0; k < run.length; ) {
    if (run.charCodeAt(k) < 48 || run.charCodeAt(k) > 57) {
      k++;
      continue;
    }
    const begin = k;
    while (k < run.length && run.charCodeAt(k) >= 48 && run.charCodeAt(k) <= 57) k++;
    starts.push(offset + begin);
    ends.push(offset + k);
    digits += run.slice(begin, k);
    at.push(digits.length);
  }
  const count = starts.length;
  if (count < 2) return [];
  const found: TDetection[] = [];
  let i = 0;
  while (i < count) {
    let matched = false;
    // Prefer the longest window starting at group i.
    for (let j = count - 1; j >= i; j--) {
      const length = at[j + 1]! - at[i]!;
      if (length < 13 || length > 19) continue;
      const window = digits.slice(at[i], at[j + 1]);
      if (!isLuhnValid(window) || !hasKnownCardPrefix(window)) continue;
      found.push({ type: 'CREDIT_CARD', start: starts[i]!, end: ends[j]!, score: 0.75 });
      i = j + 1;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return found;
}
