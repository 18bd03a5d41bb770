import { scoreWithContext } from '../context';
import { IBAN_LENGTHS, isIbanValid } from '../validators';
import { type TDetection } from '../types';
import { findDigitRuns, isAsciiDigitCode as isDigit, isLetterOrNumberBefore, type TRecognizer } from './recognizer';

/** The reference definition (`detectExhaustively`); `matchIbanAt` reads the same matches by hand. */
export const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z0-9]){10,32}/gu;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isUpperOrDigit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * Where IBAN_CANDIDATE's sticky twin ends a match starting at `start`, or -1; hand-written for speed (see
 * recognizer.ts). Each repetition takes a space or NBSP only when a capital or digit follows it (otherwise the
 * repetition fails either way), greedily up to 32; fewer than 10 is no match.
 */
export function matchIbanAt(text: string, start: number): number {
  if (!isUpper(text.charCodeAt(start)) || !isUpper(text.charCodeAt(start + 1))) return -1;
  if (!isDigit(text.charCodeAt(start + 2)) || !isDigit(text.charCodeAt(start + 3))) return -1;
  if (isLetterOrNumberBefore(text, start)) return -1;
  let i = start + 4;
  let count = 0;
  while (count < 32) {
    const c = text.charCodeAt(i);
    if (isUpperOrDigit(c)) i++;
    else if ((c === 32 || c === 0xa0) && isUpperOrDigit(text.charCodeAt(i + 1))) i += 2;
    else break;
    count++;
  }
  return count >= 10 ? i : -1;
}

/** Mod-97 validated IBANs, compact or in groups of four; the country length decides where it ends. */
export const ibanRecognizer: TRecognizer = {
  type: 'IBAN',
  // A known country code right before two digits, with no letter or number before it (the regex's start).
  mayMatch: (f) => f.ibanCountryStart,
  // Where an IBAN can start: two capitals right before a run of 2+ digits; tried by `matchIbanAt`, skipping
  // starts inside the previous match as a global scan would.
  detect(text) {
    const found: TDetection[] = [];
    const { starts: runs, lengths } = findDigitRuns(text);
    let covered = 0;
    for (let k = 0; k < runs.length; k++) {
      const s = runs[k]!;
      if (lengths[k]! < 2 || !isUpper(text.charCodeAt(s - 1)) || !isUpper(text.charCodeAt(s - 2)) || s - 2 < covered) continue;
      const end = matchIbanAt(text, s - 2);
      if (end < 0) continue;
      covered = end;
      checkCandidate(text, s - 2, text.slice(s - 2, end), found);
    }
    return found;
  },
  detectExhaustively(text) {
    const found: TDetection[] = [];
    IBAN_CANDIDATE.lastIndex = 0;
    for (let m = IBAN_CANDIDATE.exec(text); m; m = IBAN_CANDIDATE.exec(text)) checkCandidate(text, m.index, m[0], found);
    return found;
  },
};

/** The IBAN at the start of a candidate: the country's registry length of characters, mod-97 valid, ending at a token boundary. */
function checkCandidate(text: string, index: number, raw: string, found: TDetection[]): void {
  const expected = IBAN_LENGTHS[raw.slice(0, 2)];
  if (expected === undefined) return;
  let compact = '';
  let end = 0;
  for (let i = 0; i < raw.length && compact.length < expected; i++) {
    const ch = raw[i]!;
    if (ch !== ' ' && ch !== '\u00A0') compact += ch;
    end = i + 1;
  }
  if (compact.length !== expected || !isIbanValid(compact)) return;
  // The IBAN must end at a token boundary, or we'd be cutting into a longer code.
  const next = text[index + end];
  if (next !== undefined && /[\p{L}\p{N}]/u.test(next)) return;
  const score = scoreWithContext(text, index, 0.95, NO_NEGATIVE_CONTEXT);
  found.push({ type: 'IBAN', start: index, end: index + end, score });
}

const NO_NEGATIVE_CONTEXT = { negative: false };
