import { scoreWithContext } from '../context';
import { IBAN_LENGTHS, isIbanValid } from '../validators';
import { type TDetection } from '../types';
import { execAtStarts, findDigitRuns, shouldAnchor, toSticky, type TRecognizer } from './recognizer';

const CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z0-9]){10,32}/gu;

const CANDIDATE_AT = toSticky(CANDIDATE);

const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** Where an IBAN can start: two capitals right before a run of 2+ digits. */
function findIbanStarts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k++) {
    const s = runs[k]!;
    if (lengths[k]! >= 2 && isUpper(text.charCodeAt(s - 1)) && isUpper(text.charCodeAt(s - 2))) starts.push(s - 2);
  }
  return starts;
}

/** Mod-97 validated IBANs, compact or in groups of four; the country length decides where it ends. */
export const ibanRecognizer: TRecognizer = {
  type: 'IBAN',
  // A known country code right before two digits, with no letter or number before it (the regex's start).
  mayMatch: (f) => f.ibanCountryStart,
  detect: (text) => (shouldAnchor(text) ? detectIbans(text, execAtStarts(CANDIDATE_AT, text, findIbanStarts(text))) : ibanRecognizer.detectExhaustively!(text)),
  detectExhaustively(text) {
    const matches: RegExpExecArray[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) matches.push(m);
    return detectIbans(text, matches);
  },
};

function detectIbans(text: string, matches: readonly RegExpExecArray[]): TDetection[] {
  const found: TDetection[] = [];
  for (const m of matches) {
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
}
