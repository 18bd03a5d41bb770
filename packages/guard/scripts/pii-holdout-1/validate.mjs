// Validates pii-holdout-1.jsonl and prints counts per type x language.
import fs from 'node:fs'; import path from 'node:path'; import { fileURLToPath } from 'node:url';
const DIR = path.dirname(fileURLToPath(import.meta.url));
const lines = fs.readFileSync(path.join(DIR, '..', '..', 'corpora', 'pii-blind', 'pii-holdout-1.jsonl'), 'utf8').split('\n'); if (lines.pop() !== '') throw new Error('no final newline');
const W = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, null: 0, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zéro: 0, un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, cero: 0, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, um: 1, dois: 2, três: 3, sete: 7, oito: 8, quatro: 4 };
const toDigits = (s) => /\d/.test(s) ? s.replace(/\D/g, '') : s.toLowerCase().split(/[\s,.-]+/).filter(Boolean).map((w) => { if (!(w in W)) throw new Error('word ' + w); return W[w]; }).join('');
const luhn = (d) => { let s = 0; for (let i = 0; i < d.length; i++) { let x = +d[d.length - 1 - i]; if (i % 2) { x *= 2; if (x > 9) x -= 9; } s += x; } return s % 10 === 0; };
const ibanOk = (ib) => { const x = ib.replace(/\s/g, ''); if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(x)) return false; const r = x.slice(4) + x.slice(0, 4); let m = 0; for (const ch of r) { const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55); for (const d of v) m = (m * 10 + +d) % 97; } return m === 1; };
const TYPES = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'PERSON', 'STREET_ADDRESS', 'DATE_OF_BIRTH', 'PASSPORT', 'NATIONAL_ID', 'SECRET'];
const errs = []; const ids = new Set(), texts = new Set(); const tab = {}; const langs = {}; let pos = 0, neg = 0, negLuhnChecked = 0, negIbanChecked = 0;
for (const l of lines) {
  const r = JSON.parse(l); const E = (m) => errs.push(`${r.id}: ${m}`);
  if (Object.keys(r).join() !== 'id,text,entities,lang') E('keys');
  if (!/^p1-(en|de|fr|es|it|pt)-\d{4}$/.test(r.id) || !r.id.includes(`-${r.lang}-`)) E('id');
  if (ids.has(r.id)) E('dup id'); ids.add(r.id); if (texts.has(r.text)) E('dup text'); texts.add(r.text);
  langs[r.lang] = (langs[r.lang] || 0) + 1; const words = r.text.split(/\s+/).filter(Boolean).length; if (words < 3 || words > 200) E('length ' + words);
  let prev = 0; const masked = [...r.text];
  for (const e of r.entities) {
    if (!TYPES.includes(e.type)) E('type ' + e.type);
    if (!(Number.isInteger(e.start) && e.end > e.start && e.end <= r.text.length && e.start >= prev)) E('span order/bounds'); prev = e.end;
    const t = r.text.slice(e.start, e.end); if (t !== t.trim() || t.includes('\n')) E('span whitespace/newline ' + JSON.stringify(t));
    if (/^[.,;:!?)"'»]/.test(t) || /[.,;:!?("'«]$/.test(t) && e.type !== 'SECRET') E('span punctuation ' + JSON.stringify(t));
    for (let k = e.start; k < e.end; k++) masked[k] = ' ';
    tab[e.type] ??= {}; tab[e.type][r.lang] = (tab[e.type][r.lang] || 0) + 1;
    if (e.type === 'CREDIT_CARD') { const d = toDigits(t); if (d.length < 13 || d.length > 19 || !luhn(d)) E('card ' + t); }
    if (e.type === 'IBAN' && !ibanOk(t)) E('iban ' + t);
    if (e.type === 'US_SSN') { const d = toDigits(t); if (d.length !== 9 || ['000', '666'].includes(d.slice(0, 3)) || d[0] === '9' || d.slice(3, 5) === '00' || d.slice(5) === '0000') E('ssn ' + t); }
    if (e.type === 'EMAIL' && !/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(t)) E('email ' + t);
  }
  if (r.entities.length) pos++; else neg++;
  const rest = masked.join('');
  if (/[\w.+-]+@[\w-]+\.[a-z]{2,}/i.test(rest)) E('unlabelled email');
  for (const m of rest.matchAll(/\d(?:[ -]?\d){12,18}/g)) { const d = m[0].replace(/\D/g, ''); if (luhn(d)) E('unlabelled Luhn-valid run ' + m[0]); else negLuhnChecked++; }
  for (const m of rest.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g)) { if (ibanOk(m[0])) E('unlabelled valid IBAN ' + m[0]); else negIbanChecked++; }
}
if (lines.length !== 1000) errs.push('count ' + lines.length); if (pos !== 650 || neg !== 350) errs.push(`pos/neg ${pos}/${neg}`);
const L = ['en', 'de', 'fr', 'es', 'it', 'pt']; let out = `| type | ${L.join(' | ')} | total |\n|---|${L.map(() => '---').join('|')}|---|\n`; const tot = {};
for (const t of TYPES) { let s = 0; out += `| ${t} | ${L.map((l) => { const v = tab[t]?.[l] || 0; s += v; tot[l] = (tot[l] || 0) + v; return v; }).join(' | ')} | ${s} |\n`; }
out += `| all | ${L.map((l) => tot[l]).join(' | ')} | ${Object.values(tot).reduce((a, b) => a + b)} |\n`;
console.log(out); console.log('records', lines.length, 'positive', pos, 'negative', neg, 'langs', JSON.stringify(langs), 'non-entity digit runs checked (all fail Luhn)', negLuhnChecked, 'IBAN-like strings checked (all fail mod-97)', negIbanChecked);
if (errs.length) { console.log('ERRORS', errs.length); console.log(errs.join('\n')); process.exit(1); } else console.log('VALID');
