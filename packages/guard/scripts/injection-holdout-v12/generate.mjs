// Deterministic builder for holdout-v12.jsonl. No dependencies; reads only ./src/.
// Hand-written rows: src/<lang>_attack.tsv and src/<lang>_benign.tsv ("family-or-topic|text", a tab also works).
// Combined rows: src/<lang>_carriers_attack.tsv ("text with {P}" or "{Q}") x src/<lang>_payloads_attack.tsv
// ("family<TAB>payload") and the same for benign ("topic<TAB>fill"). Each payload/fill is used once;
// carriers are reused, paired by a seeded shuffle. "\n" in a line means a newline.
// Inline markers [[b64:..]] [[rot13:..]] [[zw:..]] [[homo:..]] [[leet:..]] [[sp:..]] are encoded here.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = (f) => join(here, 'src', f);

function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261128);
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}

const ZW = ['\u200b', '\u200c', '\u200d', '\u2060'];
const HOMO = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', i: '\u0456', x: '\u0445', y: '\u0443', A: '\u0410', E: '\u0415', O: '\u041e', P: '\u0420', C: '\u0421', T: '\u0422', H: '\u041d', M: '\u041c', K: '\u041a', B: '\u0412' };
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7', A: '4', E: '3', I: '1', O: '0', S: '5', T: '7' };
const T = {
  b64: (s) => Buffer.from(s, 'utf8').toString('base64'),
  rot13: (s) => s.replace(/[a-z]/gi, (c) => { const b = c <= 'Z' ? 65 : 97; return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b); }),
  zw: (s) => { let k = 0; return s.replace(/(\p{L})(?=\p{L})/gu, (c) => c + ZW[k++ % ZW.length]); },
  homo: (s) => { let k = 0; return s.replace(/[aeopcixyAEOPCTHMKB]/g, (c) => (k++ % 2 === 0 ? HOMO[c] : c)); },
  leet: (s) => s.replace(/[aeiostAEIOST]/g, (c) => LEET[c]),
  sp: (s) => s.split(' ').map((w) => [...w].join(' ')).join('   '),
};
const encode = (s) => s.replace(/\[\[(b64|rot13|zw|homo|leet|sp):([\s\S]*?)\]\]/g, (_, k, body) => T[k](body));

function lines(f) {
  if (!existsSync(src(f))) return [];
  return readFileSync(src(f), 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() && !l.startsWith('#'));
}
const unesc = (s) => s.replace(/\\n/g, '\n');
function tagged(f) {
  return lines(f).map((l) => { const m = /^([a-z_]+)[\t|]([\s\S]*)$/.exec(l); if (!m) throw new Error(`${f}: no tag in: ${l.slice(0, 60)}`); return { tag: m[1], text: unesc(m[2]) }; });
}

const FAMILIES = ['instruction_override', 'roleplay_jailbreak', 'system_prompt_extraction', 'data_exfiltration', 'tool_abuse', 'fake_debug_mode', 'payload_splitting'];
const LANGS = { en: 200, de: 60, fr: 60, es: 60, it: 60, pt: 60 };
const rows = [];
let handCount = 0;
for (const [lang, want] of Object.entries(LANGS)) {
  for (const label of ['attack', 'benign']) {
    const kind = label === 'attack' ? 'attack' : 'benign';
    const hand = tagged(`${lang}_${kind}.tsv`).map((r) => ({ ...r, hand: true }));
    const carriers = lines(`${lang}_carriers_${kind}.tsv`).map(unesc);
    const fills = shuffle(tagged(`${lang}_payloads_${kind}.tsv`));
    // Carriers with {P} take statements; carriers with {Q} take fills that end with a question mark.
    const pC = carriers.filter((c) => c.includes('{P}'));
    const qC = carriers.filter((c) => c.includes('{Q}'));
    if (pC.length + qC.length !== carriers.length) throw new Error(`${lang} ${kind}: carrier without slot`);
    const used = { P: 0, Q: 0 };
    const pOrder = shuffle(pC), qOrder = shuffle(qC);
    const combos = fills.map((p) => {
      const isQ = qOrder.length > 0 && /\?\s*$/.test(p.text);
      const c = isQ ? qOrder[used.Q++ % qOrder.length] : pOrder[used.P++ % pOrder.length];
      return { tag: p.tag, text: c.replace(isQ ? '{Q}' : '{P}', p.text), hand: false };
    });
    const all = [...hand, ...combos];
    if (all.length !== want) throw new Error(`${lang} ${label}: ${all.length} rows, want ${want} (hand ${hand.length}, combos ${combos.length})`);
    for (const r of all) {
      if (label === 'attack' && !FAMILIES.includes(r.tag)) throw new Error(`bad family ${r.tag}`);
      if (r.hand) handCount++;
      rows.push({ label, lang, family: r.tag, text: encode(r.text) });
    }
  }
}
let n = 0;
const seenT = new Set();
const out = rows.map((r) => {
  n++;
  const id = `h12-${r.label === 'attack' ? 'atk' : 'ben'}-${r.lang}-${r.family}-${String(n).padStart(4, '0')}`;
  if (seenT.has(r.text)) throw new Error(`duplicate text: ${r.text.slice(0, 80)}`);
  seenT.add(r.text);
  return JSON.stringify({ id, text: r.text, label: r.label, family: r.family, lang: r.lang });
});
if (handCount < 750) throw new Error(`only ${handCount} hand-written rows`);
writeFileSync(join(here, '..', '..', 'corpora', 'injection', 'holdout-v12.jsonl'), out.join('\n') + '\n');
console.log(`wrote ${out.length} rows (${handCount} individually written)`);
