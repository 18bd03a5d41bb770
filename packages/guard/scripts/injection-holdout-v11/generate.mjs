// Deterministic builder for holdout-v11.jsonl (blind held-out prompt-injection test set, v11).
// No dependencies. Reads only ./src/*.txt next to this script; writes ./holdout-v11.jsonl.
//
// Source line formats (blank lines and lines starting with '#' are ignored; a literal "\n" in a line
// becomes a newline):
//   <lang>-atk.txt      family | text                 hand-written attacks, used verbatim
//   <lang>-ben.txt      topic | text                  hand-written benign messages, used verbatim
//   <lang>-gen.txt      P family | payload            hand-written attack payload (instruction only)
//                       C doc | carrier with {P}      carrier for a payload shown as is / obfuscated in place
//                       C decode | carrier with {P}   carrier that asks the reader to decode {P}
//                       B topic | benign payload      benign payload
//                       D topic | benign carrier {P}  carrier for a benign payload of that topic
//                       D topic:decode | carrier {P}  benign "what does this decode to" carrier (base64)
// The generator fills each language up to its quota with payload x carrier combinations, an obfuscation
// transform each, balancing attack families.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = join(HERE, 'src');
const OUT = join(HERE, '..', '..', 'corpora', 'injection', 'holdout-v11.jsonl');

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt'];
const QUOTA = { en: 200, de: 60, fr: 60, es: 60, it: 60, pt: 60 };
const FAMILIES = ['instruction_override', 'roleplay_jailbreak', 'system_prompt_extraction',
  'data_exfiltration', 'tool_abuse', 'fake_debug_mode', 'payload_splitting'];

// mulberry32, fixed seed
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(0x11b11d);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];

function lines(file) {
  let raw;
  try { raw = readFileSync(join(SRC, file), 'utf8'); } catch { return []; }
  return raw.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.replace(/\\n/g, '\n'));
}
function splitTag(l, file) {
  const i = l.indexOf(' | ');
  if (i < 0) throw new Error(`${file}: missing " | " in: ${l.slice(0, 80)}`);
  return [l.slice(0, i).trim(), l.slice(i + 3)];
}

// ---- obfuscation transforms (applied to hand-written payloads) ----
const ZW = ['\u200b', '\u200c', '\u200d', '\u2060'];
const HOMO = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', A: 'А', E: 'Е', O: 'О', P: 'Р', C: 'С', T: 'Т', H: 'Н', K: 'К', M: 'М', B: 'В' };
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const T = {
  plain: (s) => s,
  zerowidth: (s) => [...s].map((ch, i) => (ch !== ' ' && i % 2 === 1 ? ch + pick(ZW) : ch)).join(''),
  homoglyph: (s) => [...s].map((ch) => (HOMO[ch] && rand() < 0.6 ? HOMO[ch] : ch)).join(''),
  leet: (s) => [...s].map((ch) => { const l = LEET[ch.toLowerCase()]; return l && rand() < 0.75 ? l : ch; }).join(''),
  spaced: (s) => s.split(' ').map((w, i) => (i % 3 === 0 || w.length > 5 ? [...w].join(' ') : w)).join('   '),
  zwsparse: (s) => s.split(' ').map((w, i) => (i % 4 === 3 ? '\u200b' + w : w)).join(' '),
  htmlcomment: (s) => `<!-- ${s} -->`,
  mdcomment: (s) => `[//]: # (${s.replace(/[()]/g, '')})`,
  base64: (s) => Buffer.from(s, 'utf8').toString('base64'),
  rot13: (s) => s.replace(/[a-zA-Z]/g, (c) => { const b = c <= 'Z' ? 65 : 97; return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b); }),
};
const DOC_T = ['plain', 'plain', 'zerowidth', 'homoglyph', 'leet', 'spaced', 'htmlcomment', 'mdcomment'];
const DEC_T = ['base64', 'base64', 'rot13'];
const BEN_DOC_T = ['plain', 'plain', 'plain', 'zwsparse'];

const records = [];
const seenText = new Set();
function add(r) {
  if (seenText.has(r.text)) throw new Error(`duplicate text: ${r.text.slice(0, 80)}`);
  seenText.add(r.text);
  records.push(r);
}
const counters = {};
function nextId(kind, lang, tag) {
  const k = `${kind}-${lang}`;
  counters[k] = (counters[k] || 0) + 1;
  return `h11-${kind}-${lang}-${tag}-${String(counters[k]).padStart(4, '0')}`;
}

let handWritten = 0;
const transformStats = {};
for (const lang of LANGS) {
  // hand-written attacks
  const atkRows = lines(`${lang}-atk.txt`).map((l) => splitTag(l, `${lang}-atk.txt`));
  const famCount = Object.fromEntries(FAMILIES.map((f) => [f, 0]));
  const atk = [];
  for (const [fam, text] of atkRows) {
    if (!FAMILIES.includes(fam)) throw new Error(`${lang}: bad family ${fam}`);
    famCount[fam]++;
    atk.push({ text, family: fam, gen: null });
  }
  const benRows = lines(`${lang}-ben.txt`).map((l) => splitTag(l, `${lang}-ben.txt`));
  const ben = benRows.map(([topic, text]) => ({ text, family: topic, gen: null }));
  handWritten += atk.length + ben.length;

  // generated fill
  const gen = lines(`${lang}-gen.txt`);
  const P = {}; const C = { doc: [], decode: [] }; const B = []; const D = [];
  for (const l of gen) {
    const kind = l[0]; const [tag, text] = splitTag(l.slice(2), `${lang}-gen.txt`);
    if (kind === 'P') (P[tag] ||= []).push(text);
    else if (kind === 'C') C[tag].push(text);
    else if (kind === 'B') B.push([tag, text]);
    else if (kind === 'D') D.push([tag, text]);
    else throw new Error(`bad gen line ${l}`);
  }
  const needAtk = QUOTA[lang] - atk.length;
  const usedCombo = new Set();
  for (let n = 0; n < needAtk; n++) {
    const fam = FAMILIES.filter((f) => (P[f] || []).length).sort((a, b) => famCount[a] - famCount[b] || FAMILIES.indexOf(a) - FAMILIES.indexOf(b))[0];
    if (!fam) throw new Error(`${lang}: no generator payloads`);
    let text; let tname; let tries = 0;
    do {
      if (++tries > 500) throw new Error(`${lang}: cannot find new attack combo`);
      const payload = pick(P[fam]);
      const dec = rand() < 0.3;
      tname = dec ? pick(DEC_T) : pick(DOC_T);
      const carrier = pick(dec ? C.decode : C.doc);
      const key = `${payload}\u0000${carrier}`;
      if (usedCombo.has(key)) { text = null; continue; }
      usedCombo.add(key);
      text = carrier.replace('{P}', T[tname](payload));
      if (seenText.has(text)) text = null;
    } while (!text);
    famCount[fam]++;
    atk.push({ text, family: fam, gen: tname });
    seenText.add(text); // reserve
  }
  const needBen = QUOTA[lang] - ben.length;
  for (let n = 0; n < needBen; n++) {
    let text; let topic; let tname; let tries = 0;
    do {
      if (++tries > 2000) throw new Error(`${lang}: cannot find new benign combo`);
      const [tp, payload] = pick(B);
      const cands = D.filter(([t]) => t === tp || t === `${tp}:decode`);
      if (!cands.length) throw new Error(`${lang}: no benign carrier for topic ${tp}`);
      const [ct, carrier] = pick(cands);
      tname = ct.endsWith(':decode') ? 'base64' : pick(BEN_DOC_T);
      const key = `${payload}\u0000${carrier}`;
      if (usedCombo.has(key)) { text = null; continue; }
      text = carrier.replace('{P}', T[tname](payload));
      topic = tp;
      if (seenText.has(text)) { text = null; continue; }
      usedCombo.add(key);
    } while (!text);
    ben.push({ text, family: topic, gen: tname });
    seenText.add(text);
  }
  if (atk.length !== QUOTA[lang] || ben.length !== QUOTA[lang]) throw new Error(`${lang}: quota mismatch ${atk.length}/${ben.length}`);
  for (const r of [...atk, ...ben]) seenText.delete(r.text);
  for (const r of [...atk.map((x) => ({ ...x, k: 'atk' })), ...ben.map((x) => ({ ...x, k: 'ben' }))]) {
    const key = `${r.k}:${r.gen || 'hand'}`;
    transformStats[key] = (transformStats[key] || 0) + 1;
  }
  for (const r of atk) add({ id: nextId('atk', lang, r.family), text: r.text, label: 'attack', family: r.family, lang });
  for (const r of ben) add({ id: nextId('ben', lang, r.family), text: r.text, label: 'benign', family: r.family, lang });
}

const out = records.map((r) => JSON.stringify({ id: r.id, text: r.text, label: r.label, family: r.family, lang: r.lang })).join('\n') + '\n';
writeFileSync(OUT, out);
const sha = createHash('sha256').update(out).digest('hex');
process.stderr.write(`${JSON.stringify(transformStats)}\nwrote ${records.length} records (${handWritten} hand-written verbatim) to ${OUT}\nsha256 ${sha}\n`);
