/**
 * Fake but valid-looking values for the labelled corpus: names are invented combinations, cards are
 * Luhn-valid test-range numbers, IBANs carry correct mod-97 check digits, SSNs respect SSA ranges.
 */

export type TRandom = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  digits(n: number): string;
};

/** mulberry32: small, fast and good enough for reproducible fixtures. */
export function createRandom(seed: number): TRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
    digits: (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  };
}

export type TLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt';
export const LANGUAGES: readonly TLanguage[] = ['en', 'de', 'fr', 'es', 'it', 'pt'];

export const FIRST_NAMES: Record<TLanguage, readonly string[]> = {
  en: ['Emily', 'James', 'Olivia', 'Liam', 'Sophie', 'Noah', 'Grace', 'Ethan', 'Chloe', 'Mason', 'Harper', 'Logan', 'Ava', 'Owen', 'Zoe'],
  de: ['Anna', 'Lukas', 'Lea', 'Jonas', 'Marie', 'Felix', 'Hannah', 'Moritz', 'Greta', 'Tobias', 'Jana', 'Matthias', 'Jürgen', 'Sören'],
  fr: ['Julie', 'Louis', 'Camille', 'Hugo', 'Léa', 'Mathis', 'Chloé', 'Théo', 'Manon', 'Éloïse', 'Antoine', 'Inès'],
  es: ['Lucía', 'Carlos', 'Sofía', 'Javier', 'Martina', 'Alejandro', 'Paula', 'Diego', 'Elena', 'Andrés', 'Marta'],
  it: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Matteo', 'Alessia', 'Davide', 'Sara', 'Lorenzo'],
  pt: ['Beatriz', 'João', 'Mariana', 'Tiago', 'Inês', 'Rafael', 'Carolina', 'Gonçalo', 'Leonor', 'Duarte'],
};

export const LAST_NAMES: Record<TLanguage, readonly string[]> = {
  en: ['Carter', 'Hughes', 'Bennett', 'Foster', 'Morgan', 'Palmer', 'Whitaker', 'Hollis', "O'Brien", 'Sutton', 'Reyes-Walsh'],
  de: ['Schmidt', 'Müller', 'Weber', 'Becker', 'Hoffmann', 'Schröder', 'Krüger', 'Neumann', 'Zimmermann', 'Brandt'],
  fr: ['Martin', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Fontaine', 'Chevalier', 'Lambert'],
  es: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro', 'Torres', 'Domínguez'],
  it: ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Conti'],
  pt: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa'],
};

export function makePersonName(r: TRandom, lang: TLanguage, full = r.chance(0.6)): string {
  const first = r.pick(FIRST_NAMES[lang]);
  return full ? `${first} ${r.pick(LAST_NAMES[lang])}` : first;
}

const ASCII: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', é: 'e', è: 'e', ë: 'e', ï: 'i', í: 'i', ó: 'o', ñ: 'n', ç: 'c', ã: 'a', á: 'a', ú: 'u', ô: 'o', "'": '' };
function toAscii(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, (ch) => ASCII[ch] ?? '');
}

export function makeEmail(r: TRandom, lang: TLanguage): string {
  const first = toAscii(r.pick(FIRST_NAMES[lang]));
  const last = toAscii(r.pick(LAST_NAMES[lang]));
  const domain = r.pick(['example.com', 'mail.example.org', 'example.de', 'example.fr', 'posteo.example', 'corp.example.co.uk', 'example.es', 'example.it', 'example.com.br']);
  const local = r.pick([`${first}.${last}`, `${first}${r.int(1, 99)}`, `${first[0]}${last}`, `${first}_${last}`, `${first}+support`, `${last}.${first}${r.int(70, 99)}`]);
  return `${r.chance(0.1) ? local.toUpperCase() : local}@${domain}`;
}

export function makePhone(r: TRandom, lang: TLanguage): string {
  const formats: Record<TLanguage, (() => string)[]> = {
    en: [
      () => `(${r.int(201, 989)}) ${r.int(200, 999)}-${r.digits(4)}`,
      () => `${r.int(201, 989)}-${r.int(200, 999)}-${r.digits(4)}`,
      () => `${r.int(201, 989)}.${r.int(200, 999)}.${r.digits(4)}`,
      () => `+1 ${r.int(201, 989)} ${r.int(200, 999)} ${r.digits(4)}`,
      () => `+44 20 ${r.digits(4)} ${r.digits(4)}`,
      () => `+447${r.digits(9)}`,
      () => `07${r.digits(3)} ${r.digits(6)}`,
    ],
    de: [() => `+49 151 ${r.digits(8)}`, () => `+49 (0)30 ${r.digits(7)}`, () => `0151 ${r.digits(8)}`, () => `030 ${r.digits(4)} ${r.digits(4)}`, () => `+49${r.int(151, 179)}${r.digits(7)}`, () => `0049 89 ${r.digits(7)}`, () => `089/${r.digits(7)}`],
    fr: [() => `+33 6 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`, () => `06 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`, () => `01.${r.digits(2)}.${r.digits(2)}.${r.digits(2)}.${r.digits(2)}`, () => `+336${r.digits(8)}`],
    es: [() => `+34 6${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`, () => `+34 91 ${r.digits(3)} ${r.digits(2)} ${r.digits(2)}`, () => `+346${r.digits(8)}`],
    it: [() => `+39 3${r.digits(2)} ${r.digits(3)} ${r.digits(4)}`, () => `+39 06 ${r.digits(4)} ${r.digits(4)}`, () => `+393${r.digits(9)}`],
    pt: [() => `+351 9${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`, () => `+351 21 ${r.digits(3)} ${r.digits(4)}`, () => `+3519${r.digits(8)}`],
  };
  return r.pick(formats[lang])();
}

export function computeLuhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function makeCardDigits(r: TRandom): string {
  const scheme = r.pick(['visa', 'visa', 'mc', 'mc2', 'amex', 'discover', 'jcb', 'visa19']);
  const [prefix, length] = {
    visa: ['4' + r.digits(5), 16],
    visa19: ['4' + r.digits(5), 19],
    mc: [`5${r.int(1, 5)}` + r.digits(4), 16],
    mc2: [`2${r.int(221, 720)}` + r.digits(2), 16],
    amex: [r.pick(['34', '37']) + r.digits(4), 15],
    discover: ['6011' + r.digits(2), 16],
    jcb: [`35${r.int(28, 89)}` + r.digits(2), 16],
  }[scheme] as [string, number];
  const payload = prefix + r.digits(length - prefix.length - 1);
  return payload + computeLuhnCheckDigit(payload);
}

export function makeLuhnInvalid16(r: TRandom): string {
  const payload = '4' + r.digits(14);
  const check = computeLuhnCheckDigit(payload);
  return payload + String((Number(check) + r.int(1, 9)) % 10);
}

export function formatCard(r: TRandom, digits: string): string {
  const style = r.int(0, 5);
  if (style === 0) return digits;
  const separator = style === 1 ? '-' : style === 2 ? '.' : ' ';
  const groups = digits.length === 15 ? [4, 6, 5] : digits.length === 19 ? [4, 4, 4, 4, 3] : [4, 4, 4, 4];
  const parts: string[] = [];
  let i = 0;
  for (const size of groups) {
    parts.push(digits.slice(i, i + size));
    i += size;
  }
  return parts.join(separator);
}

const SPOKEN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
export function speakDigits(r: TRandom, digits: string): string {
  const words: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (digits[i + 1] === digits[i] && r.chance(0.4)) {
      words.push(`double ${SPOKEN[d]}`);
      i++;
      continue;
    }
    words.push(d === 0 && r.chance(0.5) ? 'oh' : (SPOKEN[d] as string));
  }
  return words.join(r.chance(0.2) ? ', ' : ' ');
}

export function makeIban(r: TRandom): string {
  const shapes: Record<string, () => string> = {
    DE: () => r.digits(18),
    FR: () => r.digits(10) + 'ABCDEFGHJK'[r.int(0, 9)] + r.digits(10) + r.digits(2),
    ES: () => r.digits(20),
    IT: () => 'X' + r.digits(10) + r.digits(12),
    PT: () => r.digits(21),
    GB: () => 'NWBK' + r.digits(14),
    NL: () => 'ABNA' + r.digits(10),
    AT: () => r.digits(16),
    CH: () => r.digits(17),
    BE: () => r.digits(12),
  };
  const country = r.pick(Object.keys(shapes));
  const bban = (shapes[country] as () => string)();
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  const check = String(98 - remainder).padStart(2, '0');
  return country + check + bban;
}

export function formatIban(r: TRandom, compact: string): string {
  return r.chance(0.5) ? compact : compact.replace(/(.{4})/g, '$1 ').trim();
}

export function makeSsn(r: TRandom): string {
  let area = r.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
}

export function makeIpv4(r: TRandom): string {
  return [r.int(1, 223), r.int(0, 255), r.int(0, 255), r.int(1, 254)].join('.');
}

export function makeIpv6(r: TRandom): string {
  const group = () => r.int(0, 0xffff).toString(16);
  return r.chance(0.5)
    ? Array.from({ length: 8 }, group).join(':')
    : `${r.pick(['2001:db8', 'fe80', '2a02:8108'])}::${group()}:${group()}`;
}

const CAPITAL = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomString(r: TRandom, length: number, alphabet = MIXED): string {
  return Array.from({ length }, () => alphabet[r.int(0, alphabet.length - 1)]).join('');
}

export function makePassportNumber(r: TRandom): string {
  return r.pick([
    () => `C${randomString(r, 2, CAPITAL)}${r.digits(6)}`,
    () => `${r.digits(9)}`,
    () => `X${r.digits(7)}`,
    () => `${randomString(r, 2, CAPITAL)}${r.digits(7)}`,
    () => `PA${r.digits(7)}`,
  ])();
}

export function makeSpanishDni(r: TRandom): string {
  const number = r.int(10_000_000, 99_999_999);
  return `${number}${'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}`;
}

export function makeUkNin(r: TRandom): string {
  return `${r.pick(['AB', 'CE', 'JG', 'KL', 'PR', 'TW'])} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.pick(['A', 'B', 'C', 'D'])}`;
}

export function makeItalianFiscalCode(r: TRandom): string {
  return `${randomString(r, 6, 'BCDFGLMNPRSTVZ')}${r.digits(2)}${r.pick(['A', 'B', 'C', 'D', 'E', 'H', 'L', 'M', 'P', 'R', 'S', 'T'])}${r.digits(2)}${r.pick(['A', 'F', 'H', 'L'])}${r.digits(3)}${randomString(r, 1, CAPITAL)}`;
}

export function makeSecret(r: TRandom): string {
  return r.pick([
    () => `sk-proj-${randomString(r, 40)}`,
    () => `sk-${randomString(r, 48)}`,
    () => `sk_live_${randomString(r, 24)}`,
    () => `sk_test_${randomString(r, 24)}`,
    () => `ghp_${randomString(r, 36)}`,
    () => `gho_${randomString(r, 36)}`,
    () => `github_pat_${randomString(r, 22)}_${randomString(r, 59)}`,
    () => `xoxb-${r.digits(11)}-${r.digits(12)}-${randomString(r, 24)}`,
    () => `xoxp-${r.digits(11)}-${r.digits(11)}-${r.digits(12)}-${randomString(r, 32, '0123456789abcdef')}`,
    () => `AKIA${randomString(r, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    () => `AIza${randomString(r, 35)}`,
    () => `glpat-${randomString(r, 20)}`,
    () => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${randomString(r, 40)}.${randomString(r, 43)}`,
  ])();
}

export function makePrivateKeyBlock(r: TRandom): string {
  const lines = Array.from({ length: r.int(3, 6) }, () => randomString(r, 64, MIXED + '+/'));
  const label = r.pick(['RSA ', 'EC ', 'OPENSSH ', '']);
  return `-----BEGIN ${label}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${label}PRIVATE KEY-----`;
}

export function makeHighEntropyToken(r: TRandom): string {
  return randomString(r, r.int(28, 44));
}
