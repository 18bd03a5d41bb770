import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { isUsSsnValid } from '../validators';
import { type TDetection } from '../types';
import { findDigitRunsIn, matchesInRange, shouldAnchor, toSticky, type TRecognizer } from './recognizer';

const SSN = /(?<![\p{L}\p{N}_\-./#])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}_-]|[ .-]?\d)/gu;

const SSN_AT = toSticky(SSN);

/** Where an SSN can start: a digit run of 3 (then '-' or ' ') or of 9 digits (the look-behind forbids a digit before). */
function findSsnStarts(text: string, from: number, to: number): number[] {
  const { starts: runs, lengths } = findDigitRunsIn(text, from, to);
  const starts: number[] = [];
  for (let k = 0; k < runs.length && runs[k]! < to; k++) {
    const n = lengths[k]!;
    const next = text.charCodeAt(runs[k]! + n);
    if (n === 9 || (n === 3 && (next === 45 || next === 32))) starts.push(runs[k]!);
  }
  return starts;
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
  detect: (text) => detectSsns(text, 0, text.length, shouldAnchor(text)),
  detectRange: (text, from, to) => detectSsns(text, from, to, true),
  detectExhaustively: (text) => detectSsns(text, 0, text.length, false),
};

function detectSsns(text: string, from: number, to: number, anchored: boolean): TDetection[] {
  const found: TDetection[] = [];
  const matches = matchesInRange(text, from, to, anchored, { global: SSN, sticky: SSN_AT }, () => findSsnStarts(text, from, to));
  for (const m of matches) {
    const [, area = '', separator = '', group = '', serial = ''] = m;
    if (!isUsSsnValid(area, group, serial)) continue;
    // Nine bare digits are everywhere (order ids, amounts in cents); only context makes them an SSN.
    const base = separator === '' ? 0.2 : 0.6;
    const score = scoreWithContext(text, m.index, base, { ...CONTEXT, boost: separator === '' ? 0.5 : 0.35 });
    found.push({ type: 'US_SSN', start: m.index, end: m.index + m[0].length, score });
  }
  return found;
}
