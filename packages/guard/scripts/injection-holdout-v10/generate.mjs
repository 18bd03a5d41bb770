// Deterministic builder for the blind10 held-out prompt-injection set (issue #4).
// Reads only ./src/, writes ./holdout-v10.jsonl next to this script. No dependencies.
// Run: node generate.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = join(HERE, 'src');
const OUT = join(HERE, '..', '..', 'corpora', 'injection', 'holdout-v10.jsonl');

// mulberry32, fixed seed
let seed = 0x0b11d10;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
function shuffle(a) {
  const b = a.slice();
  for (let i = b.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [b[i], b[j]] = [b[j], b[i]];
  }
  return b;
}

const FAMILY = {
  io: 'instruction_override', rp: 'roleplay_jailbreak', spe: 'system_prompt_extraction',
  dx: 'data_exfiltration', ta: 'tool_abuse', fd: 'fake_debug_mode', ps: 'payload_splitting',
};
const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt'];
const QUOTA = { en: 200, de: 60, fr: 60, es: 60, it: 60, pt: 60 };

const unescape = (s) =>
  s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\\n/g, '\n');

function lines(file) {
  return readFileSync(join(SRC, file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}
// "tag[:transform] text"
function tagged(file) {
  return lines(file).map((l) => {
    const i = l.indexOf(' ');
    const [tag, transform] = l.slice(0, i).split(':');
    return { tag, transform: transform || null, text: unescape(l.slice(i + 1)) };
  });
}

const NOTES = JSON.parse(readFileSync(join(SRC, 'notes.json'), 'utf8'));
const FILL = JSON.parse(readFileSync(join(SRC, 'fill.json'), 'utf8'));

// ---- obfuscation transforms (applied to hand-written payloads) ----
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const rot13 = (s) => s.replace(/[a-zA-Z]/g, (c) => {
  const base = c <= 'Z' ? 65 : 97;
  return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
});
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const leet = (s) => s.replace(/[aeiost]/gi, (c) => (rand() < 0.7 ? LEET[c.toLowerCase()] : c));
const ZW = ['\u200b', '\u200c', '\u2060'];
const zw = (s) => s.replace(/[A-Za-zÀ-ÿ]{4,}/g, (w) => {
  const z = pick(ZW);
  const k = 1 + Math.floor(rand() * (w.length - 2));
  return w.slice(0, k) + z + w.slice(k);
});
const HOMO = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', i: '\u0456', x: '\u0445', y: '\u0443' };
const homo = (s) => s.replace(/[aeopcixy]/g, (c) => (rand() < 0.55 ? HOMO[c] : c));
const spaced = (s) => s.split(' ').map((w) => w.split('').join(' ')).join('   ');

function transform(kind, text, lang) {
  switch (kind) {
    case null: case 'none': return text;
    case 'b64': return `${pick(NOTES[lang].b64)} ${b64(text)}`;
    case 'rot13': return `${pick(NOTES[lang].rot13)} ${rot13(text)}`;
    case 'leet': return leet(text);
    case 'zw': return zw(text);
    case 'homo': return homo(text);
    case 'spaced': return spaced(text);
    case 'htmlc': return `<!-- ${text} -->`;
    case 'mdc': return `[//]: # (${text})`;
    default: throw new Error(`unknown transform ${kind}`);
  }
}
const GEN_TRANSFORMS = ['none', 'none', 'b64', 'rot13', 'leet', 'zw', 'homo', 'htmlc', 'mdc'];

const records = [];
const counters = {};
function add(label, lang, fam, text) {
  const key = `${label}-${lang}`;
  counters[key] = (counters[key] || 0) + 1;
  const n = String(counters[key]).padStart(4, '0');
  const short = label === 'attack' ? 'atk' : 'ben';
  const family = label === 'attack' ? FAMILY[fam] : fam;
  if (!family) throw new Error(`bad family ${fam}`);
  records.push({ id: `h10-${short}-${lang}-${family}-${n}`, text, label, family, lang });
}

for (const lang of LANGS) {
  // attacks: hand-written rows (some with a mechanical obfuscation tag)
  const hand = tagged(`atk-${lang}.txt`);
  for (const r of hand) add('attack', lang, r.tag, transform(r.transform, r.text, lang));
  // attacks: hand-written payloads planted in hand-written carriers
  const need = QUOTA[lang] - hand.length;
  if (need < 0) throw new Error(`too many hand attacks in ${lang}`);
  if (need > 0) {
    const payloads = tagged(`payloads-${lang}.txt`);
    if (payloads.length !== need) throw new Error(`${lang}: need ${need} payloads, have ${payloads.length}`);
    const carriers = lines(`carriers-${lang}.txt`).map(unescape);
    const order = shuffle(carriers.map((_, i) => i));
    payloads.forEach((p, i) => {
      const c = carriers[order[i % order.length]];
      const t = pick(GEN_TRANSFORMS);
      add('attack', lang, p.tag, c.replace('{P}', () => transform(t, p.text, lang)));
    });
  }
  // benign: hand-written rows
  const bhand = tagged(`ben-${lang}.txt`);
  for (const r of bhand) add('benign', lang, r.tag, r.text);
  // benign: hand-written templates filled with order details
  const bneed = QUOTA[lang] - bhand.length;
  if (bneed < 0) throw new Error(`too many hand benign in ${lang}`);
  const tpls = tagged(`bentpl-${lang}.txt`);
  const fill = FILL[lang];
  const seen = new Set();
  for (let i = 0; i < bneed; i++) {
    const tp = tpls[i % tpls.length];
    let text;
    do {
      const ord = String(10000 + Math.floor(rand() * 89999));
      const price = `${fill.cur}${(5 + Math.floor(rand() * 295))}.${String(Math.floor(rand() * 100)).padStart(2, '0')}`;
      const p = lang === 'en' ? price : price.replace('.', ',').replace(fill.cur, '') + ' ' + fill.cur;
      text = tp.text.replaceAll('{ORD}', ord).replaceAll('{ITEM}', pick(fill.items))
        .replaceAll('{PRICE}', p).replaceAll('{DATE}', pick(fill.dates));
    } while (seen.has(text));
    seen.add(text);
    add('benign', lang, tp.tag, text);
  }
}

// sanity checks
const ids = new Set(records.map((r) => r.id));
const texts = new Set(records.map((r) => r.text));
if (ids.size !== records.length) throw new Error('duplicate ids');
if (texts.size !== records.length) throw new Error('duplicate texts');
writeFileSync(OUT, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`wrote ${records.length} records to ${OUT}`);
