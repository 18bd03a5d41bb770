// Deterministic generator for the piiblind1 held-out PII set. No dependencies.
// Reads only ./src/, writes ./pii-holdout-1.jsonl next to itself. Fixed seed.
import fs from 'node:fs'; import path from 'node:path'; import { fileURLToPath } from 'node:url';
const DIR = path.dirname(fileURLToPath(import.meta.url)); const SRC = path.join(DIR, 'src');
let s = 0x5eed1234 >>> 0;
function rnd() { s |= 0; s = (s + 0x6D2B79F5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const ri = (n) => Math.floor(rnd() * n); const pick = (a) => a[ri(a.length)];
const digits = (n) => Array.from({ length: n }, () => ri(10)).join('');
const LANGS = { en: [260, 140], de: [78, 42], fr: [78, 42], es: [78, 42], it: [78, 42], pt: [78, 42] };
const WORDS = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  it: ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'],
  pt: ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
};
export function luhnOk(num) { const d = num.replace(/\D/g, ''); let sum = 0; for (let i = 0; i < d.length; i++) { let x = +d[d.length - 1 - i]; if (i % 2) { x *= 2; if (x > 9) x -= 9; } sum += x; } return sum % 10 === 0; }
function luhnDigit(body) { for (let c = 0; c < 10; c++) if (luhnOk(body + c)) return String(c); }
const CARD = { visa: [['4'], 16], visa13: [['4'], 13], mc: [['51', '52', '53', '54', '55', '2221', '2500', '2720'], 16], amex: [['34', '37'], 15], disc: [['6011', '65', '644'], 16], jcb: [['3528', '3530', '3566', '3589'], 16], maestro: [['6759', '5018', '6304'], 19], maestro16: [['6759', '5020'], 16], visa19: [['4'], 19] };
function groupCard(d, brand, sep) { if (brand === 'amex') return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep); const g = d.match(/.{1,4}/g); return g.join(sep); }
function fmtDigits(d, fmt, lang, brand) { if (fmt === 'p') return d; if (fmt === 's') return groupCard(d, brand, ' '); if (fmt === 'd') return groupCard(d, brand, '-'); if (fmt === 'w') return [...d].map((x) => WORDS[lang][+x]).join(' '); throw new Error('fmt ' + fmt); }
function genCard(brand, good) { const [pre, len] = CARD[brand]; const p = pick(pre); const body = p + digits(len - 1 - p.length); const c = luhnDigit(body); return good ? body + c : body + String((+c + 1 + ri(8)) % 10); }
const IBANSPEC = { DE: 'n18', FR: 'n23', ES: 'n20', IT: 'a1n22', PT: 'n21', GB: 'a4n14', NL: 'a4n10', BE: 'n12', AT: 'n16', CH: 'n17', IE: 'a4n14', PL: 'n24', LU: 'n16', SE: 'n20', DK: 'n14', FI: 'n14', NO: 'n11', MT: 'a4n23', GR: 'n23', HR: 'n17' };
const BANKS = { GB: ['NWBK', 'BARC', 'LOYD', 'MIDL', 'HBUK'], NL: ['ABNA', 'INGB', 'RABO', 'TRIO'], IE: ['AIBK', 'BOFI'], MT: ['MALT', 'VALL'] };
export function ibanOk(ib) { const x = ib.replace(/\s/g, ''); if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(x)) return false; const r = x.slice(4) + x.slice(0, 4); let m = 0; for (const ch of r) { const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55); for (const dd of v) m = (m * 10 + +dd) % 97; } return m === 1; }
function genIban(cc, good) { const spec = IBANSPEC[cc]; let bban = ''; for (const [, t, n] of spec.matchAll(/([an])(\d+)/g)) { if (t === 'a') bban += (+n === 4 && BANKS[cc]) ? pick(BANKS[cc]) : Array.from({ length: +n }, () => String.fromCharCode(65 + ri(26))).join(''); else bban += digits(+n); }
  let ck = 0; for (let c = 2; c < 99; c++) { if (ibanOk(cc + String(c).padStart(2, '0') + bban)) { ck = c; break; } } if (!good) ck = ck >= 90 ? ck - 3 - ri(5) : ck + 1 + ri(7); return cc + String(ck).padStart(2, '0') + bban; }
function fmtIban(x, fmt) { return fmt === 's' ? x.match(/.{1,4}/g).join(' ') : x; }
function genId(k) {
  if (k === 'dni') { const n = String(10000000 + ri(89999999)); return n + 'TRWAGMYFPDXBNJZSQVHLCKE'[+n % 23]; }
  if (k === 'nie') { const p = ri(3); const n = digits(7); return 'XYZ'[p] + n + 'TRWAGMYFPDXBNJZSQVHLCKE'[+(p + n) % 23]; }
  if (k === 'cpf') { const d = [1 + ri(9), ...digits(8).split('').map(Number)]; for (const w of [10, 11]) { let sm = 0; d.forEach((x, i) => { sm += x * (w - i); }); d.push((sm * 10) % 11 % 10); } const t = d.join(''); return `${t.slice(0, 3)}.${t.slice(3, 6)}.${t.slice(6, 9)}-${t.slice(9)}`; }
  if (k === 'nif') { for (;;) { const d = [1 + ri(2), ...digits(7).split('').map(Number)]; let sm = 0; d.forEach((x, i) => { sm += x * (9 - i); }); let c = 11 - (sm % 11); if (c >= 10) c = 0; return d.join('') + c; } }
  if (k === 'nir') { const b = String(1 + ri(2)) + String(50 + ri(50)) + String(1 + ri(12)).padStart(2, '0') + String(1 + ri(95)).padStart(2, '0') + String(1 + ri(900)).padStart(3, '0') + String(1 + ri(900)).padStart(3, '0'); const key = 97 - Number(BigInt(b) % 97n); return `${b[0]} ${b.slice(1, 3)} ${b.slice(3, 5)} ${b.slice(5, 7)} ${b.slice(7, 10)} ${b.slice(10, 13)} ${String(key).padStart(2, '0')}`; }
  throw new Error('id ' + k);
}
const SLOTS = JSON.parse(fs.readFileSync(path.join(SRC, 'slots.json'), 'utf8'));
function fillSlots(t, lang) {
  return t.replace(/\{(\w+)(?::([^}]*))?\}/g, (m, k, a) => {
    if (k === 'd') return digits(+a); if (k === 'D') return String(1 + ri(9)) + digits(+a - 1);
    if (k === 'A') return Array.from({ length: +a }, () => String.fromCharCode(65 + ri(26))).join('');
    if (k === 'h') return Array.from({ length: +a }, () => '0123456789abcdef'[ri(16)]).join('');
    if (k === 'x') return Array.from({ length: +a }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[ri(56)]).join('');
    if (k === 'p') return pick(a.split('|'));
    if (k === 'ssn') { let ar; do { ar = 1 + ri(899); } while (ar === 666); const g = String(1 + ri(99)).padStart(2, '0'), sr = String(1 + ri(9999)).padStart(4, '0'); const A = String(ar).padStart(3, '0'); return a === 's' ? `${A} ${g} ${sr}` : a === 'p' ? A + g + sr : `${A}-${g}-${sr}`; }
    if (k === 'dob') { const y = 1940 + ri(66), m = 1 + ri(12), d = 1 + ri(28); const D = String(d).padStart(2, '0'), M = String(m).padStart(2, '0'); if (a === 'us') return `${M}/${D}/${y}`; if (a === 'iso') return `${y}-${M}-${D}`; if (a === 'de') return `${D}.${M}.${y}`; return `${D}/${M}/${y}`; }
    if (k === 'ip4') return `${pick([31, 46, 62, 77, 81, 89, 93, 109, 145, 151, 178, 185, 188, 195, 213, 217])}.${ri(256)}.${ri(256)}.${1 + ri(254)}`;
    if (k === 'ip6') return `2a0${1 + ri(9)}:${ri(65536).toString(16)}:${ri(65536).toString(16)}::${(1 + ri(65535)).toString(16)}`;
    if (k === 'nino') return pick(['AB', 'CE', 'JH', 'KL', 'MP', 'NR', 'PW', 'SX', 'TZ', 'WL']) + ' ' + digits(2) + ' ' + digits(2) + ' ' + digits(2) + ' ' + 'ABCD'[ri(4)];
    const L = SLOTS[lang]?.[k] ?? SLOTS.all?.[k]; if (!L) throw new Error('slot ' + k); return pick(L);
  });
}
// ⟦TYPE:value⟧ labelled; value may be @cc:brand:fmt or @iban:CC:fmt. ⟪bad16:fmt⟫ / ⟪badiban:CC:fmt⟫ / ⟪badcard:brand:fmt⟫ unlabelled.
function render(src, lang) {
  let text = ''; const ents = []; const re = /⟦([A-Z_]+):([^⟧]+)⟧|⟪([^⟫]+)⟫/g; let last = 0, m;
  const raw = src.replace(/\\n/g, '\n');
  while ((m = re.exec(raw))) {
    text += raw.slice(last, m.index); last = re.lastIndex;
    if (m[3]) { const [k, a, b] = m[3].split(':'); if (k === 'bad16') text += fmtDigits(genCard(pick(['visa', 'mc', 'disc']), false), a || 'p', lang, 'visa'); else if (k === 'badcard') text += fmtDigits(genCard(a, false), b, lang, a); else if (k === 'badiban') { let v; do { v = fmtIban(genIban(a, false), b); } while ([...v.matchAll(/\d(?:[ -]?\d){12,18}/g)].some((q) => luhnOk(q[0]))); text += v; } else throw new Error('neg ' + k); continue; }
    const type = m[1]; let v = m[2];
    if (v.startsWith('@cc:')) { const [, b, f] = v.split(':'); v = fmtDigits(genCard(b, true), f, lang, b); }
    else if (v.startsWith('@iban:')) { const [, c, f] = v.split(':'); v = fmtIban(genIban(c, true), f); }
    else if (v.startsWith('@id:')) v = genId(v.slice(4));
    const start = text.length; text += v; ents.push({ type, start, end: text.length });
  }
  text += raw.slice(last); return { text, entities: ents };
}
function readLines(f) { if (!fs.existsSync(f)) return []; return fs.readFileSync(f, 'utf8').split('\n').map((l) => l.replace(/\s+$/, '')).filter((l) => l && !l.startsWith('#')); }
const out = []; let hand = 0;
for (const [lang, [npos, nneg]] of Object.entries(LANGS)) {
  const recs = []; const seen = new Set();
  const add = (r, src) => { if (seen.has(r.text)) return false; seen.add(r.text); recs.push({ ...r, src }); return true; };
  for (const l of readLines(path.join(SRC, `hand.${lang}.txt`))) { if (!add(render(fillSlots(l, lang), lang), 'hand')) throw new Error('dup hand ' + l); hand++; }
  const pos = recs.filter((r) => r.entities.length).length, neg = recs.length - pos;
  if (pos > npos || neg > nneg) throw new Error(`${lang} too many hand: ${pos}/${neg}`);
  const T = readLines(path.join(SRC, `tmpl.${lang}.txt`)); const TP = T.filter((t) => t.includes('⟦')), TN = T.filter((t) => !t.includes('⟦'));
  let i = 0; for (let n = pos; n < npos; i++) { const t = TP[i % TP.length]; if (add(render(fillSlots(t, lang), lang), 'tmpl')) n++; if (i > 100000) throw new Error('loop'); }
  i = 0; for (let n = neg; n < nneg; i++) { const t = TN[i % TN.length]; if (add(render(fillSlots(t, lang), lang), 'tmpl')) n++; if (i > 100000) throw new Error('loop'); }
  for (let k = recs.length - 1; k > 0; k--) { const j = ri(k + 1); [recs[k], recs[j]] = [recs[j], recs[k]]; }
  recs.forEach((r, k) => out.push({ id: `p1-${lang}-${String(k + 1).padStart(4, '0')}`, text: r.text, entities: r.entities, lang, _src: r.src }));
}
fs.writeFileSync(path.join(DIR, '..', '..', 'corpora', 'pii-blind', 'pii-holdout-1.jsonl'), out.map(({ _src, ...r }) => JSON.stringify(r)).join('\n') + '\n');
fs.writeFileSync(path.join(DIR, 'provenance.tsv'), out.map((r) => r.id + '\t' + r._src).join('\n') + '\n');
console.log('records', out.length, 'handwritten', hand);
