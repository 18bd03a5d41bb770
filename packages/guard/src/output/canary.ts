import { randomBytes } from 'node:crypto';

const CANARY_PREFIX = 'vch-canary-';
// Combining characters (U+034F, U+17B4/5) are listed outside the class so they can't merge with neighbours.
const ZERO_WIDTH = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5/g;
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /(?:[0-9a-f]{2}[\s:]?){16,}/gi;

/** A random marker to plant in every system prompt; seeing it in an answer means the prompt leaked. */
export function createCanary(): string {
  return `${CANARY_PREFIX}${randomBytes(12).toString('hex')}`;
}

/** Letters and digits only, lower-cased, after Unicode folding: defeats spacing, case and zero-width tricks. */
function foldToAlphanumerics(value: string): string {
  return value.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * True when the answer contains the canary in any of the disguises a model can be talked into:
 * different case, spaces or zero-width characters between letters, base64 or hex encoding, or just
 * its random part.
 */
export function containsCanary(answer: string, canary: string): boolean {
  const needles = [foldToAlphanumerics(canary)];
  const secretPart = canary.startsWith(CANARY_PREFIX) ? canary.slice(CANARY_PREFIX.length) : '';
  if (secretPart.length >= 8) needles.push(foldToAlphanumerics(secretPart));
  const haystacks = [answer, ...decodeBase64Runs(answer), ...decodeHexRuns(answer)].map(foldToAlphanumerics);
  return haystacks.some((haystack) => needles.some((needle) => needle.length > 0 && haystack.includes(needle)));
}

function decodeBase64Runs(text: string): string[] {
  const compact = text.replace(ZERO_WIDTH, '').replace(/\s+/g, '');
  const decoded: string[] = [];
  for (const run of compact.matchAll(BASE64_RUN)) {
    // Try every alignment: the canary can start mid-run when it was encoded together with other text.
    for (let shift = 0; shift < 4; shift++) {
      decoded.push(Buffer.from(run[0].slice(shift), run[0].includes('-') || run[0].includes('_') ? 'base64url' : 'base64').toString('latin1'));
    }
  }
  return decoded;
}

function decodeHexRuns(text: string): string[] {
  return [...text.matchAll(HEX_RUN)].map((run) => Buffer.from(run[0].replace(/[\s:]/g, ''), 'hex').toString('latin1'));
}
