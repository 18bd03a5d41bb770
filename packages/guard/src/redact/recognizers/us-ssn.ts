import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { isUsSsnValid } from '../validators';
import { type TDetection } from '../types';
import { cutAtLineEnd, findDigitRunsIn, isAsciiDigitCode as isDigit, isLetterOrNumberAt, isLetterOrNumberBefore, type TRecognizer } from './recognizer';

/** The reference definition (`detectExhaustively`); `matchSsnAt` reads the same matches by hand. */
export const SSN_PATTERN = /(?<![\p{L}\p{N}_\-./#])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}_-]|[ .-]?\d)/gu;

/**
 * Where SSN_PATTERN's sticky twin ends a match starting at `start`, or -1; hand-written for speed (see
 * recognizer.ts). The separator is '-', ' ' or none and repeats; with a separator after the area, the
 * no-separator branch would need a digit there, so there is nothing to backtrack to.
 */
export function matchSsnAt(text: string, start: number): number {
  if (!isDigit(text.charCodeAt(start)) || !isDigit(text.charCodeAt(start + 1)) || !isDigit(text.charCodeAt(start + 2))) return -1;
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (b === 95 || b === 45 || b === 46 || b === 47 || b === 35 || isLetterOrNumberBefore(text, start)) return -1;
  }
  let i = start + 3;
  const separator = text.charCodeAt(i);
  const separated = separator === 45 || separator === 32;
  if (separated) i++;
  if (!isDigit(text.charCodeAt(i)) || !isDigit(text.charCodeAt(i + 1))) return -1;
  i += 2;
  if (separated) {
    if (text.charCodeAt(i) !== separator) return -1;
    i++;
  }
  for (let k = 0; k < 4; k++, i++) if (!isDigit(text.charCodeAt(i))) return -1;
  // (?![\p{L}\p{N}_-]|[ .-]?\d)
  const after = text.charCodeAt(i);
  if (after === 95 || after === 45 || isLetterOrNumberAt(text, i)) return -1;
  if ((after === 32 || after === 46) && isDigit(text.charCodeAt(i + 1))) return -1;
  return i;
}

/** SSA rules (`isUsSsnValid`) on the digits of a match at `start`, read in place. */
function isSsnValidAt(text: string, start: number, separated: boolean): boolean {
  const area = (text.charCodeAt(start) - 48) * 100 + (text.charCodeAt(start + 1) - 48) * 10 + text.charCodeAt(start + 2) - 48;
  if (area === 0 || area === 666 || area >= 900) return false;
  const g = start + (separated ? 4 : 3);
  if (text.charCodeAt(g) === 48 && text.charCodeAt(g + 1) === 48) return false;
  const s = g + (separated ? 3 : 2);
  return !(text.charCodeAt(s) === 48 && text.charCodeAt(s + 1) === 48 && text.charCodeAt(s + 2) === 48 && text.charCodeAt(s + 3) === 48);
}

const CONTEXT = {
  positive: ['ssn', 'social security', 'social security number', 'social', 'security number', 'ss', 'tin', 'taxpayer'],
  negative: true,
};

// Only read as context phrases (scoreWithContext): multi-word entries gate as word pairs.
registerVocabulary(VOCAB.SSN, CONTEXT.positive, true);

export const usSsnRecognizer: TRecognizer = {
  type: 'US_SSN',
  readsSpokenDigits: true,
  // Separated SSNs (runs of exactly 3, 2 and 4 digits joined by the same '-' or ' ') score 0.6 alone; a run of
  // exactly nine bare digits (0.2) needs a context word. The digit runs bound the regex's look-arounds.
  mayMatch: (f, threshold) => f.ssnSeparated || (f.nineDigitRun && (threshold <= 0.2 || mayHaveVocabulary(f, VOCAB.SSN))),
  detect: (text) => detectSsns(text, 0, text.length),
  detectRange: (text, from, to) => detectSsns(text, from, to),
  detectExhaustively(text) {
    const found: TDetection[] = [];
    SSN_PATTERN.lastIndex = 0;
    for (let m = SSN_PATTERN.exec(text); m; m = SSN_PATTERN.exec(text)) {
      const [, area = '', separator = '', group = '', serial = ''] = m;
      if (!isUsSsnValid(area, group, serial)) continue;
      const score = scoreWithContext(text, m.index, separator === '' ? 0.2 : 0.6, separator === '' ? BARE_CONTEXT : SEPARATED_CONTEXT);
      found.push({ type: 'US_SSN', start: m.index, end: m.index + m[0].length, score });
    }
    return found;
  },
};

// Nine bare digits are everywhere (order ids, amounts in cents); only context makes them an SSN.
const BARE_CONTEXT = { ...CONTEXT, boost: 0.5 };
const SEPARATED_CONTEXT = { ...CONTEXT, boost: 0.35 };

/**
 * SSNs starting in [from, to) (`to` a line end or the text's end): tried only at digit runs of 3 (then '-' or
 * ' ') or of 9 digits (the look-behind forbids a digit before), by `matchSsnAt`, skipping starts inside the
 * previous match as a global scan would.
 */
function detectSsns(text: string, from: number, to: number): TDetection[] {
  const found: TDetection[] = [];
  const { starts: runs, lengths } = findDigitRunsIn(text, from, to);
  const scanned = cutAtLineEnd(text, to);
  let covered = 0;
  for (let k = 0; k < runs.length; k++) {
    const start = runs[k]!;
    if (start >= to) break;
    const n = lengths[k]!;
    const next = text.charCodeAt(start + n);
    if (!(n === 9 || (n === 3 && (next === 45 || next === 32))) || start < covered) continue;
    const end = matchSsnAt(scanned, start);
    if (end < 0) continue;
    covered = end;
    const separated = end - start === 11;
    if (!isSsnValidAt(text, start, separated)) continue;
    const score = scoreWithContext(text, start, separated ? 0.6 : 0.2, separated ? SEPARATED_CONTEXT : BARE_CONTEXT);
    found.push({ type: 'US_SSN', start, end, score });
  }
  return found;
}
