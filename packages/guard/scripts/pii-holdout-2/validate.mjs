// Validation for pii-holdout-2.jsonl (no dependencies).
import fs from 'node:fs'; import path from 'node:path'; import { fileURLToPath } from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
const luhnOk = d => { let s = 0; for (let i = 0; i < d.length; i++) { let x = +d[d.length - 1 - i]; if (i % 2) { x *= 2; if (x > 9) x -= 9; } s += x; } return s % 10 === 0; };
const mod97 = c => { const r = (c.slice(4) + c.slice(0, 4)).replace(/[A-Z]/g, ch => String(ch.charCodeAt(0) - 55)); let m = 0; for (const ch of r) m = (m * 10 + +ch) % 97; return m; };
const W = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const toDigits = s => s.toLowerCase().replace(/[a-z]+/g, w => (w in W ? String(W[w]) : '')).replace(/\D/g, '');
const lines = fs.readFileSync(path.join(dir, '..', '..', 'corpora', 'pii-blind', 'pii-holdout-2.jsonl'), 'utf8').split('\n').filter(Boolean);
const errs = []; const ids = new Set(), texts = new Set(); const tab = {}; const langN = {}; let pos = 0, neg = 0;
for (const l of lines) { const r = JSON.parse(l);
  if (ids.has(r.id)) errs.push('dup id ' + r.id); ids.add(r.id); if (texts.has(r.text)) errs.push('dup text ' + r.id); texts.add(r.text);
  if (!['en','de','fr','es','it','pt'].includes(r.lang) || !/^p2-[a-z]{2}-\d{4}$/.test(r.id) || !r.id.startsWith(`p2-${r.lang}-`)) errs.push('id/lang ' + r.id); langN[r.lang] = (langN[r.lang] || 0) + 1;
  if (r.entities.length) pos++; else neg++;
  const es = [...r.entities].sort((a, b) => a.start - b.start); let last = 0;
  for (const e of es) { if (e.start < last) errs.push('overlap ' + r.id); last = e.end;
    if (e.start < 0 || e.end > r.text.length || e.start >= e.end) errs.push('range ' + r.id);
    const v = r.text.slice(e.start, e.end); if (v !== v.trim()) errs.push('whitespace ' + r.id + ' ' + v);
    (tab[e.type] ||= {})[r.lang] = (tab[e.type][r.lang] || 0) + 1;
    if (e.type === 'CREDIT_CARD') { const d = toDigits(v); if (d.length < 13 || d.length > 19 || !luhnOk(d)) errs.push('luhn ' + r.id + ' ' + v); }
    if (e.type === 'IBAN') { const c = v.replace(/\s/g, ''); if (mod97(c) !== 1) errs.push('iban ' + r.id + ' ' + v); }
    if (e.type === 'US_SSN') { const d = toDigits(v); const a = +d.slice(0, 3), g = +d.slice(3, 5), s = +d.slice(5);
      if (d.length !== 9 || a === 0 || a === 666 || a >= 900 || g === 0 || s === 0) errs.push('ssn ' + r.id + ' ' + v); }
    if (e.type === 'EMAIL' && !/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v) && !/ at .+ dot /.test(v)) errs.push('email ' + r.id + ' ' + v);
  }
  // every e-mail-like string must be labelled
  for (const m of r.text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) if (!r.entities.some(e => e.type === 'EMAIL' && e.start <= m.index && e.end >= m.index + m[0].length)) errs.push('unlabelled email ' + r.id);
  if (!r.entities.length) { // negatives: digit runs of 13-19 must fail Luhn; IBAN-looking strings must fail mod-97
    for (const m of r.text.replace(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?/g, "IBAN").matchAll(/\d[\d -]{11,30}\d/g)) { const d = m[0].replace(/\D/g, ''); if (d.length >= 13 && d.length <= 19 && luhnOk(d)) errs.push('neg luhn-valid ' + r.id + ' ' + m[0]); }
    for (const m of r.text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?/g)) { const c = m[0].replace(/\s/g, ''); if (c.length >= 15 && mod97(c) === 1) errs.push('neg iban-valid ' + r.id); }
  }
}
console.log('records', lines.length, 'positive', pos, 'negative', neg, JSON.stringify(langN));
const langs = ['en', 'de', 'fr', 'es', 'it', 'pt']; console.log(['type', ...langs, 'total'].join('\t'));
for (const t of Object.keys(tab).sort()) console.log([t, ...langs.map(g => tab[t][g] || 0), langs.reduce((a, g) => a + (tab[t][g] || 0), 0)].join('\t'));
console.log(errs.length ? errs.join('\n') : 'OK: no errors'); process.exit(errs.length ? 1 : 0);
