import { scoreWithContext } from '../context';
import { isIpv4Valid, isIpv6Valid } from '../validators';
import { type TDetection } from '../types';
import { execAtStarts, findDigitRuns, isAsciiDigitCode as isDigit, isLetterOrNumberAt, isLetterOrNumberBefore, toSticky, type TRecognizer } from './recognizer';

/** The reference definition (`detectExhaustively`); `matchIpv4At` reads the same matches by hand. */
export const IPV4 = /(?<![\p{L}\p{N}_.-])\d{1,3}(?:\.\d{1,3}){3}(?![\p{L}\p{N}_-]|\.\d)/gu;
const IPV6 = /(?<![\p{L}\p{N}_:.-])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\p{L}\p{N}_:-])/gu;
const IPV6_AT = toSticky(IPV6);

/**
 * Where IPV4's sticky twin ends a match starting at `start`, or -1; hand-written for speed (see recognizer.ts).
 * Nothing backtracks: a group of four digits can't be cut short (a '.' or, after the last group, no number
 * may follow), so each group is its whole digit run of one to three digits.
 */
export function matchIpv4At(text: string, start: number): number {
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (b === 95 || b === 46 || b === 45 || isLetterOrNumberBefore(text, start)) return -1;
  }
  let i = start;
  for (let group = 0; group < 4; group++) {
    if (group > 0) {
      if (text.charCodeAt(i) !== 46) return -1;
      i++;
    }
    const from = i;
    while (i - from < 3 && isDigit(text.charCodeAt(i))) i++;
    if (i === from) return -1;
  }
  // (?![\p{L}\p{N}_-]|\.\d): a fourth digit of the last group fails here too.
  const after = text.charCodeAt(i);
  if (after === 95 || after === 45 || isLetterOrNumberAt(text, i)) return -1;
  if (after === 46 && isDigit(text.charCodeAt(i + 1))) return -1;
  return i;
}

/** `isIpv4Valid` on a match of IPV4 at [start, end), read in place: each group at most 255, no leading zero. */
export function isIpv4ValidAt(text: string, start: number, end: number): boolean {
  let value = 0;
  let digits = 0;
  let first = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (value > 255 || (digits > 1 && first === 48)) return false;
      value = 0;
      digits = 0;
      continue;
    }
    if (digits === 0) first = c;
    value = value * 10 + c - 48;
    digits++;
  }
  return true;
}

const CONTEXT = { positive: ['ip', 'address', 'ipv4', 'ipv6', 'adresse', 'dirección', 'indirizzo', 'endereço', 'from', 'host'], negative: true };

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * Where an IPv6 match can start: every match begins with up to four hex digits and a ':' that is followed
 * by another ':' within five characters, and the look-behind rules out a hex digit or ':' before the start,
 * so the start is the beginning of the hex run before such a colon. Clock times ("10:32") drop out here.
 */
export function findIpv6Starts(text: string): number[] {
  const starts: number[] = [];
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let start = colon;
    while (start > 0 && colon - start < 5 && isHex(text.charCodeAt(start - 1))) start--;
    if (colon - start > 4 || (start > 0 && text.charCodeAt(start - 1) === 58)) continue;
    const next = text.indexOf(':', colon + 1);
    if (next < 0 || next - colon > 5) continue;
    starts.push(start);
  }
  return starts;
}

/**
 * IPv4 addresses by `matchIpv4At` where one can start: a run of at most three digits followed by '.' (the
 * look-behind forbids a digit before), skipping starts inside the previous match as a global scan would.
 * Then IPv6 as before (its sticky regex at its own candidate starts).
 */
function detectByHand(text: string): TDetection[] {
  const found: TDetection[] = [];
  const { starts: runs, lengths } = findDigitRuns(text);
  let covered = 0;
  for (let k = 0; k < runs.length; k++) {
    const start = runs[k]!;
    if (lengths[k]! > 3 || text.charCodeAt(start + lengths[k]!) !== 46 || start < covered) continue;
    const end = matchIpv4At(text, start);
    if (end < 0) continue;
    covered = end;
    if (!isIpv4ValidAt(text, start, end)) continue;
    found.push({ type: 'IP_ADDRESS', start, end, score: scoreWithContext(text, start, 0.7, CONTEXT) });
  }
  collectIpv6(text, execAtStarts(IPV6_AT, text, findIpv6Starts(text)), found);
  return found;
}

function collect(text: string, ipv4Matches: Iterable<RegExpExecArray>, ipv6Matches: Iterable<RegExpExecArray>): TDetection[] {
  const found: TDetection[] = [];
  for (const m of ipv4Matches) {
    if (!isIpv4Valid(m[0])) continue;
    found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: scoreWithContext(text, m.index, 0.7, CONTEXT) });
  }
  collectIpv6(text, ipv6Matches, found);
  return found;
}

function collectIpv6(text: string, ipv6Matches: Iterable<RegExpExecArray>, found: TDetection[]): void {
  for (const m of ipv6Matches) {
    const raw = m[0];
    // Times ("12:30:45") have no '::' and fewer than eight groups, so the validator rejects them.
    if (raw.length < 3 || !isIpv6Valid(raw)) continue;
    if (!/[0-9A-Fa-f]{2}/.test(raw)) continue;
    found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + raw.length, score: scoreWithContext(text, m.index, 0.75, CONTEXT) });
  }
}

function* scanAll(regex: RegExp, text: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) yield m;
}

export const ipAddressRecognizer: TRecognizer = {
  type: 'IP_ADDRESS',
  // IPv4: four numbers of one to three digits joined by dots (`dottedQuad`; version strings like "10.0.19045"
  // no longer open it). IPv6 (isIpv6Valid): a "::", or eight groups, i.e. seven colons in one run of hex digits
  // and colons, or six before a dotted quad (which opens the IPv4 test). Clock times ("10:32:15") have none.
  mayMatch: (f) => f.dottedQuad || (f.hexColonMax >= 2 && (f.hasDoubleColon || f.hexColonMax >= 7)),
  detect: detectByHand,
  detectExhaustively: (text) => collect(text, scanAll(IPV4, text), scanAll(IPV6, text)),
};
