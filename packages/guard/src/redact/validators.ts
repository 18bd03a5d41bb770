/** Checksums and range rules that turn "looks like" into "is": they are what keeps precision high. */

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes of the major card schemes; a Luhn-valid number with one of these is almost surely a PAN. */
export function hasKnownCardPrefix(digits: string): boolean {
  return /^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|3(?:0[0-5]|[689])|6(?:011|5|4[4-9]|2)|35(?:2[89]|[3-8]))/.test(
    digits,
  );
}

/** Registry lengths (SWIFT IBAN registry) so a match stops exactly where the IBAN ends. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** ISO 13616 mod-97 check on a compact (no spaces) upper-case IBAN. */
export function isIbanValid(compact: string): boolean {
  const country = compact.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected === undefined || compact.length !== expected) return false;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
export function isUsSsnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export function isIpv4Valid(candidate: string): boolean {
  const parts = candidate.split('.');
  return (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p.length === 1 || p[0] !== '0'))
  );
}

export function isIpv6Valid(candidate: string): boolean {
  let address = candidate;
  let groupsFromV4 = 0;
  const v4 = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (v4?.[1] !== undefined) {
    if (!isIpv4Valid(v4[1])) return false;
    address = address.slice(0, address.length - v4[1].length) + '0';
    groupsFromV4 = 1; // the dotted quad is two groups; '0' stands in for one of them
  }
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const toGroups = (half: string): string[] | null => {
    if (half === '') return [];
    const groups = half.split(':');
    return groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)) ? groups : null;
  };
  const head = toGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!head || !tail) return false;
  const count = head.length + tail.length + groupsFromV4;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Bits per character; random base62 tokens sit near log2(length), prose and identifiers well below. */
export function measureShannonEntropy(value: string): number {
  const ascii = measureAsciiEntropy(value);
  if (ascii >= 0) return ascii;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

const asciiCounts = new Int32Array(128);
const asciiOrder = new Int32Array(128);

/**
 * The same sum for ASCII text without a Map or per-character strings (tokens are ASCII; this ran for every
 * long token): counts in a typed array, summed in first-occurrence order like the Map, so the floating-point
 * result is identical. -1 when the text has a non-ASCII character.
 */
function measureAsciiEntropy(value: string): number {
  let distinct = 0;
  let i = 0;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) break;
    const seen = asciiCounts[c]!;
    if (seen === 0) asciiOrder[distinct++] = c;
    asciiCounts[c] = seen + 1;
  }
  let entropy = 0;
  // Most characters of a token share a few counts (1, 2, 3…): each count's term is computed once per call and
  // reused (the same expression, so the same value), instead of a log2 per distinct character.
  if (termGeneration === 0x7fffffff) {
    termGeneration = 0;
    termSeen.fill(0);
  }
  const generation = ++termGeneration;
  for (let k = 0; k < distinct; k++) {
    const c = asciiOrder[k]!;
    const count = asciiCounts[c]!;
    let term: number;
    if (count < TERM_SLOTS && termSeen[count] === generation) term = termValues[count]!;
    else {
      const p = count / value.length;
      term = p * Math.log2(p);
      if (count < TERM_SLOTS) {
        termValues[count] = term;
        termSeen[count] = generation;
      }
    }
    entropy -= term;
    asciiCounts[c] = 0;
  }
  return i < value.length ? -1 : entropy;
}

const TERM_SLOTS = 64;
const termValues = new Float64Array(TERM_SLOTS);
const termSeen = new Int32Array(TERM_SLOTS);
let termGeneration = 0;

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI/NIE control letter (mod 23). */
export function isSpanishDniValid(value: string): boolean {
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(value.toUpperCase());
  if (!match) return false;
  const prefix = { '': '', X: '0', Y: '1', Z: '2' }[match[1] as '' | 'X' | 'Y' | 'Z'];
  const number = Number(prefix + match[2]);
  return DNI_LETTERS[number % 23] === match[3];
}

const digitsOf = (value: string): number[] => [...value.replace(/\D/g, '')].map(Number);

/** Brazilian CPF: two mod-11 check digits over the first nine; all-equal digits are invalid. */
export function isCpfValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d.every((x) => x === d[0])) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i]! * (n + 1 - i);
    if (((sum * 10) % 11) % 10 !== d[n]) return false;
  }
  return true;
}

/** French NIR: key = 97 − (13-digit number mod 97); Corsica's 2A/2B count as 19/18. */
export function isNirValid(value: string): boolean {
  const compact = value.replace(/[ .]/g, '').toUpperCase();
  if (compact.length !== 15) return false;
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(body)) return false;
  let rest = 0;
  for (const ch of body) rest = (rest * 10 + Number(ch)) % 97;
  return 97 - rest === Number(compact.slice(13));
}

/** Portuguese NIF: mod-11 check digit over weights 9..2. */
export function isPortugueseNifValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || !'1235689'.includes(String(d[0])) && !(d[0] === 4 && d[1] === 5) && d[0] !== 7) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += d[i]! * (9 - i);
  const rest = sum % 11;
  return (rest < 2 ? 0 : 11 - rest) === d[8];
}
