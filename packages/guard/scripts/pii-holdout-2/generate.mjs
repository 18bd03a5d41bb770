// Deterministic generator for piiblind2. Reads src/*.txt, writes corpora/pii-blind/pii-holdout-2.jsonl.
// Source line format: <lang>|<text>. Entities are inline: ⟦TYPE:value⟧. "\n" in text means a line break.
// Placeholders (anywhere): {cc:brand:fmt} Luhn-valid card, {badcc:fmt} Luhn-failing 16 digits,
// {iban:CC:fmt} mod-97 valid IBAN, {badiban:CC:fmt} mod-97 failing IBAN. fmt: s=spaces d=dashes n=none.
import fs from 'node:fs'; import path from 'node:path'; import { fileURLToPath } from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
let seed = 0x5eed2026;
function rnd() { seed |= 0; seed = (seed + 0x6D2B79F5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const digits = n => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
export function luhnOk(s) { const d = s.replace(/\D/g, ''); let sum = 0;
  for (let i = 0; i < d.length; i++) { let x = +d[d.length - 1 - i]; if (i % 2) { x *= 2; if (x > 9) x -= 9; } sum += x; }
  return sum % 10 === 0; }
function luhnDigit(body) { for (let c = 0; c < 10; c++) if (luhnOk(body + c)) return String(c); }
const brands = { visa: [['4'], 16], mc: [['51','52','53','54','55','2221','2720'], 16], amex: [['34','37'], 15],
  disc: [['6011','65'], 16], jcb: [['3528','3589'], 16], maestro: [['6759','5018','6304'], 16], visa13: [['4'], 13], maestro19: [['6759'], 19] };
function fmtNum(num, fmt, groups) { if (fmt === 'n') return num; const sep = fmt === 'd' ? '-' : ' ';
  const out = []; let i = 0; for (const g of groups) { if (i >= num.length) break; out.push(num.slice(i, i + g)); i += g; }
  if (i < num.length) out.push(num.slice(i)); return out.join(sep); }
function card(brand, fmt) { const [pre, len] = brands[brand]; const p = pre[Math.floor(rnd() * pre.length)];
  const body = p + digits(len - p.length - 1); const num = body + luhnDigit(body);
  const groups = len === 15 ? [4, 6, 5] : [4, 4, 4, 4, 4]; return fmtNum(num, fmt, groups); }
function badcard(fmt) { const body = '4' + digits(14); const good = luhnDigit(body); const bad = String((+good + 1 + Math.floor(rnd() * 8)) % 10);
  return fmtNum(body + bad, fmt, [4, 4, 4, 4]); }
const ibanLen = { DE: 22, FR: 27, ES: 24, IT: 27, PT: 25, GB: 22, NL: 18, BE: 16, AT: 20, CH: 21, IE: 22, LU: 20, PL: 28, SE: 24 };
function bban(cc) { const n = ibanLen[cc] - 4;
  if (cc === 'GB') return 'NWBK' + digits(14); if (cc === 'NL') return 'RABO' + digits(10); if (cc === 'IE') return 'AIBK' + digits(14);
  if (cc === 'IT') return 'X' + digits(22); if (cc === 'FR') return digits(21) + '17'.slice(0, 0) + digits(2);
  return digits(n); }
function mod97(s) { const r = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, ch => String(ch.charCodeAt(0) - 55));
  let m = 0; for (const ch of r) m = (m * 10 + +ch) % 97; return m; }
export const ibanOk = s => { const c = s.replace(/\s/g, ''); return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(c) && mod97(c) === 1; };
function iban(cc, fmt, bad) { const b = bban(cc); let chk = 98 - mod97(cc + '00' + b); if (bad) chk = (chk + 1 + Math.floor(rnd() * 50)) % 97 + 2;
  let s = cc + String(chk).padStart(2, '0') + b; if (bad && ibanOk(s)) s = cc + String((chk + 3) % 97).padStart(2, '0') + b;
  return fmt === 's' ? s.match(/.{1,4}/g).join(' ') : s; }
function fill(s) { return s.replace(/\{(cc|badcc|iban|badiban):?([a-zA-Z0-9]*):?([sdn]?)\}/g, (m, k, a, b) => {
  if (k === 'cc') return card(a, b || 'n'); if (k === 'badcc') return badcard(a || 'n');
  if (k === 'iban') return iban(a, b || 'n', false); return iban(a, b || 'n', true); }); }
const TYPES = new Set(['EMAIL','PHONE','CREDIT_CARD','IBAN','US_SSN','IP_ADDRESS','PERSON','STREET_ADDRESS','DATE_OF_BIRTH','PASSPORT','NATIONAL_ID','SECRET']);
const files = fs.readdirSync(path.join(dir, 'src')).filter(f => f.endsWith('.txt')).sort();
const recs = []; const counters = {};
for (const f of files) for (const raw of fs.readFileSync(path.join(dir, 'src', f), 'utf8').split('\n')) {
  if (!raw.trim() || raw.startsWith('#')) continue;
  const bar = raw.indexOf('|'); const lang = raw.slice(0, bar); let src = raw.slice(bar + 1).replace(/\\n/g, '\n');
  let text = ''; const entities = []; let i = 0;
  while (i < src.length) { const o = src.indexOf('⟦', i); if (o < 0) { text += fill(src.slice(i)); break; }
    text += fill(src.slice(i, o)); const c = src.indexOf('⟧', o); if (c < 0) throw new Error('unclosed ' + raw);
    const inner = src.slice(o + 1, c); const k = inner.indexOf(':'); const type = inner.slice(0, k);
    if (!TYPES.has(type)) throw new Error('bad type ' + type + ' in ' + raw);
    const val = fill(inner.slice(k + 1)); entities.push({ type, start: text.length, end: text.length + val.length, v: val });
    text += val; i = c + 1; }
  counters[lang] = (counters[lang] || 0) + 1;
  recs.push({ id: `p2-${lang}-${String(counters[lang]).padStart(4, '0')}`, text, entities, lang });
}
const out = recs.map(r => { for (const e of r.entities) { if (r.text.slice(e.start, e.end) !== e.v) throw new Error('span ' + r.id); }
  return JSON.stringify({ id: r.id, text: r.text, entities: r.entities.map(({ type, start, end }) => ({ type, start, end })), lang: r.lang }); });
fs.writeFileSync(path.join(dir, '..', '..', 'corpora', 'pii-blind', 'pii-holdout-2.jsonl'), out.join('\n') + '\n');
console.log('records', recs.length);
