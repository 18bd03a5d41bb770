import { scoreWithContext } from '../context';
import { hasKnownCardPrefix, isLuhnValid } from '../validators';
import { type TDetection } from '../types';
import { cutAtLineEnd, findDigitRunsIn, isAsciiDigitCode as isDigit, isNumberAt, isNumberBefore, type TRecognizer } from './recognizer';

/** A run of digits joined by single spaces, dashes or dots; long runs are split into groups below. */
// Letters may touch the run ("card:4111…", "cc4111…"): a PAN glued to text is still a PAN.
// The reference definition (`detectExhaustively`); `matchCardRunAt` reads the same matches by hand.
export const DIGIT_RUN = /(?<![\p{N}+])\d(?:[ .\-\u00A0]?\d)+(?![\p{N}]|[ .\-\u00A0]?\d)/gu;

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
 * Where DIGIT_RUN's sticky twin ends a match starting at `start`, or -1; hand-written for speed (see
 * recognizer.ts). The greedy chain stops where neither a digit nor a separator and a digit follows, so the
 * look-ahead can only fail on a non-ASCII number, and then every shorter chain fails too (a digit, or a
 * separator and a digit, follows it): no match at this start.
 */
export function matchCardRunAt(text: string, start: number): number {
  if (!isDigit(text.charCodeAt(start))) return -1;
  if (start > 0 && (text.charCodeAt(start - 1) === 43 || isNumberBefore(text, start))) return -1;
  const end = start + measureStrictChain(text, start, text.length);
  if (end - start < 2 || isNumberAt(text, end)) return -1;
  return end;
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
  detect: (text) => detectCards(text, 0, text.length),
  detectRange: (text, from, to) => detectCards(text, from, to),
  detectExhaustively(text) {
    const found: TDetection[] = [];
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) checkRun(text, m.index, m[0], found);
    return found;
  },
};

/**
 * Card runs starting in [from, to) (`to` a line end or the text's end), by `matchCardRunAt` at the digit runs
 * (the look-behind forbids a digit before) whose chain is at least 13 characters long, since a shorter match
 * can't hold 13 digits. Later starts in a rejected chain have shorter chains, so they are rejected too, as the
 * global scan would have skipped them inside its match.
 */
function detectCards(text: string, from: number, to: number): TDetection[] {
  const found: TDetection[] = [];
  const { starts: runs } = findDigitRunsIn(text, from, to);
  const scanned = cutAtLineEnd(text, to);
  let covered = 0;
  for (let k = 0; k < runs.length; k++) {
    const start = runs[k]!;
    if (start >= to) break;
    if (start < covered || measureStrictChain(text, start, to) < 13) continue;
    const end = matchCardRunAt(scanned, start);
    if (end < 0) continue;
    covered = end;
    checkRun(text, start, scanned.slice(start, end), found);
  }
  return found;
}

/** A whole run Luhn-valid with 13–19 digits, or else the card-length windows of its digit groups. */
function checkRun(text: string, start: number, run: string, found: TDetection[]): void {
  // Fewer than 13 characters can't hold 13 digits: skips times, amounts and short numbers without a copy.
  if (run.length < 13) return;
  const digits = run.replace(/\D/g, '');
  if (digits.length < 13) return;
  if (digits.length <= 19 && isLuhnValid(digits)) {
    found.push({ type: 'CREDIT_CARD', start, end: start + run.length, score: scoreWholeRun(text, start, digits) });
    return;
  }
  for (const d of findCardsInGroups(text, run, start)) found.push(d);
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
