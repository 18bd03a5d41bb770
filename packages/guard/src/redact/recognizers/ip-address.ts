import { scoreWithContext } from '../context';
import { isIpv4Valid, isIpv6Valid } from '../validators';
import { type TDetection } from '../types';
import { execAtStarts, findDigitRuns, toSticky, type TRecognizer } from './recognizer';

const IPV4 = /(?<![\p{L}\p{N}_.-])\d{1,3}(?:\.\d{1,3}){3}(?![\p{L}\p{N}_-]|\.\d)/gu;
const IPV6 = /(?<![\p{L}\p{N}_:.-])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\p{L}\p{N}_:-])/gu;
const IPV6_AT = toSticky(IPV6);
const IPV4_AT = toSticky(IPV4);

/** Where an IPv4 address can start: a run of at most three digits followed by '.' (the look-behind forbids a digit before). */
function findIpv4Starts(text: string): number[] {
  const { starts: runs, lengths } = findDigitRuns(text);
  const starts: number[] = [];
  for (let k = 0; k < runs.length; k++) if (lengths[k]! <= 3 && text.charCodeAt(runs[k]! + lengths[k]!) === 46) starts.push(runs[k]!);
  return starts;
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

function collect(text: string, ipv4Matches: Iterable<RegExpExecArray>, ipv6Matches: Iterable<RegExpExecArray>): TDetection[] {
  const found: TDetection[] = [];
  for (const m of ipv4Matches) {
    if (!isIpv4Valid(m[0])) continue;
    found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: scoreWithContext(text, m.index, 0.7, CONTEXT) });
  }
  for (const m of ipv6Matches) {
    const raw = m[0];
    // Times ("12:30:45") have no '::' and fewer than eight groups, so the validator rejects them.
    if (raw.length < 3 || !isIpv6Valid(raw)) continue;
    if (!/[0-9A-Fa-f]{2}/.test(raw)) continue;
    found.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + raw.length, score: scoreWithContext(text, m.index, 0.75, CONTEXT) });
  }
  return found;
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
  detect: (text) => collect(text, execAtStarts(IPV4_AT, text, findIpv4Starts(text)), execAtStarts(IPV6_AT, text, findIpv6Starts(text))),
  detectExhaustively: (text) => collect(text, scanAll(IPV4, text), scanAll(IPV6, text)),
};
