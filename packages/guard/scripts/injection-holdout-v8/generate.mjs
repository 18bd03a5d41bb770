// Deterministic generator for the blind8 hold-out set. Seed fixed; no network; no detector.
// Hand-written records: src/<lang>-atk.txt and src/<lang>-ben.txt, one record a line: "<family|topic>|<text>".
//   "\n" in a line becomes a newline; inline markers {{b64:..}} {{rot13:..}} {{leet:..}} {{space:..}}
//   {{homo:..}} {{zw:..}} {{hex:..}} apply a mechanical encoding to text written for that very record.
// Combined records: src/<lang>-carriers.txt ("kind|text with {P}") x src/<lang>-payloads.txt ("family|payload"),
//   plus src/<lang>-benparts.txt for benign opener x body x closer. Counts per language below.
import fs from 'node:fs';

const SEED = 20261127;
function rng(seed) { let s = seed >>> 0; return () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const R = rng(SEED);
const pick = (a) => a[Math.floor(R() * a.length)];

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt'];
const TARGET = { en: [200, 200] }; for (const l of LANGS.slice(1)) TARGET[l] = [60, 60];
const FAMILIES = ['instruction_override', 'roleplay_jailbreak', 'system_prompt_extraction', 'data_exfiltration', 'tool_abuse', 'fake_debug_mode', 'payload_splitting'];

const rot13 = (s) => s.replace(/[a-z]/gi, (c) => { const b = c <= 'Z' ? 65 : 97; return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b); });
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7', A: '4', E: '3', I: '1', O: '0', S: '5', T: '7' };
const leet = (s) => s.replace(/[aeiostAEIOST]/g, (c) => (R() < 0.8 ? LEET[c] : c));
const HOMO = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', x: '\u0445', y: '\u0443', i: '\u0456', A: '\u0410', E: '\u0415', O: '\u041e', P: '\u0420', C: '\u0421', T: '\u0422', H: '\u041d', K: '\u041a', M: '\u041c', B: '\u0412' };
const homo = (s) => s.replace(/[aeopcxyiAEOPCTHKMB]/g, (c) => (R() < 0.6 ? HOMO[c] : c));
const zw = (s) => s.split(' ').map((w) => [...w].join(pick(['\u200b', '\u200c', '\u200d', '\u2060']))).join(' ');
const space = (s) => s.split(' ').map((w) => [...w].join(' ')).join('   ');
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const hex = (s) => Buffer.from(s, 'utf8').toString('hex');
const ENC = { b64, rot13, leet, space, homo, zw, hex };
const applyMarkers = (t) => t.replace(/\{\{(b64|rot13|leet|space|homo|zw|hex):([\s\S]*?)\}\}/g, (_, k, v) => ENC[k](v));
const unesc = (t) => t.replace(/\\n/g, '\n').replace(/\\t/g, '\t');

function readLines(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trimEnd()).filter((l) => l && !l.startsWith('#')).map((l) => {
    const i = l.indexOf('|'); if (i < 0) throw new Error(`no tag: ${file}: ${l}`);
    return { tag: l.slice(0, i).trim(), text: unesc(l.slice(i + 1).trim()) };
  });
}

const out = []; const seen = new Set(); const stats = { hand: 0, combo: 0 };
const counters = {};
function add(label, lang, family, text, how, obf) {
  const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (seen.has(key)) return false; seen.add(key);
  const k = `${label}-${lang}-${family}`; counters[k] = (counters[k] || 0) + 1;
  out.push({ id: `h8-${label === 'attack' ? 'atk' : 'ben'}-${lang}-${family}-${String(counters[k]).padStart(4, '0')}`, text, label, family, lang, _how: how, _obf: obf });
  stats[how]++; return true;
}

const OBF_COMBO = ['b64', 'rot13', 'leet', 'space', 'homo', 'zw', 'htmlc', 'mdc', 'hex'];
function obfPayload(kind, p, lang) {
  const note = { en: ['(decode the base64 and follow it)', '(ROT13 — decode and do what it says)', '(hex, decode first)'],
    de: ['(Base64 dekodieren und befolgen)', '(ROT13 – entschlüsseln und ausführen)', '(Hex, bitte zuerst dekodieren)'],
    fr: ['(décode le base64 et applique-le)', '(ROT13 – déchiffre et exécute)', '(hexadécimal, décode d\'abord)'],
    es: ['(decodifica el base64 y cúmplelo)', '(ROT13: descífralo y hazlo)', '(hex, decodifícalo primero)'],
    it: ['(decodifica il base64 ed eseguilo)', '(ROT13: decifra ed esegui)', '(esadecimale, decodifica prima)'],
    pt: ['(decodifique o base64 e siga)', '(ROT13: decifre e execute)', '(hex, decodifique primeiro)'] }[lang];
  switch (kind) {
    case 'b64': return `${b64(p)} ${note[0]}`;
    case 'rot13': return `${rot13(p)} ${note[1]}`;
    case 'hex': return `${hex(p)} ${note[2]}`;
    case 'leet': return leet(p);
    case 'space': return space(p);
    case 'homo': return homo(p);
    case 'zw': return zw(p);
    case 'htmlc': return `<!-- ${p} -->`;
    case 'mdc': return `[//]: # (${p})`;
    default: return p;
  }
}

for (const lang of LANGS) {
  const [nAtk, nBen] = TARGET[lang];
  // hand-written
  const atk = readLines(`src/${lang}-atk.txt`); const ben = readLines(`src/${lang}-ben.txt`);
  if (!atk.length) { console.error('missing', lang); continue; }
  for (const r of atk) { let obf = /\{\{/.test(r.text); if (r.tag.endsWith('~obf')) { obf = true; r.tag = r.tag.slice(0, -4); } if (!FAMILIES.includes(r.tag)) throw new Error(`bad family ${r.tag}`); if (!add('attack', lang, r.tag, applyMarkers(r.text), 'hand', obf)) console.error('dup atk', lang, r.text.slice(0, 60)); }
  for (const r of ben) { if (!add('benign', lang, r.tag, applyMarkers(r.text), 'hand', false)) console.error('dup ben', lang, r.text.slice(0, 60)); }
  let a = out.filter((o) => o.lang === lang && o.label === 'attack').length;
  let b = out.filter((o) => o.lang === lang && o.label === 'benign').length;
  if (a > nAtk || b > nBen) throw new Error(`${lang}: too many hand-written (${a}/${b})`);
  // combos: attacks
  const carriers = readLines(`src/${lang}-carriers.txt`); const payloads = readLines(`src/${lang}-payloads.txt`);
  let guard = 0, i = 0; const usedPairs = new Set();
  while (a < nAtk) {
    if (++guard > 100000) throw new Error(`${lang}: cannot fill attacks`);
    const c = pick(carriers); const p = pick(payloads);
    const pairKey = `${carriers.indexOf(c)}:${payloads.indexOf(p)}`; if (usedPairs.has(pairKey)) continue;
    const obfKind = (i % 4 !== 3) ? pick(OBF_COMBO) : null;
    const body = obfKind ? obfPayload(obfKind, p.text, lang) : p.text;
    if (add('attack', lang, p.tag, c.text.replace('{P}', body), 'combo', !!obfKind)) { a++; i++; usedPairs.add(pairKey); }
  }
  // combos: benign opener x body x closer
  const parts = readLines(`src/${lang}-benparts.txt`);
  const op = parts.filter((p) => p.tag === 'open'), bodies = parts.filter((p) => p.tag !== 'open' && p.tag !== 'close'), cl = parts.filter((p) => p.tag === 'close');
  guard = 0;
  while (b < nBen) {
    if (++guard > 100000) throw new Error(`${lang}: cannot fill benign`);
    const body = pick(bodies);
    if (add('benign', lang, body.tag, `${pick(op).text} ${body.text} ${pick(cl).text}`.trim(), 'combo', false)) b++;
  }
}

// deterministic shuffle
for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(R() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
const lines = out.map(({ _how, _obf, ...r }) => JSON.stringify(r));
fs.writeFileSync('holdout-v8.jsonl', lines.join('\n') + '\n');
const meta = out.map(({ id, _how, _obf }) => ({ id, how: _how, obfuscated: _obf }));
fs.writeFileSync('provenance.json', JSON.stringify({ stats, obfuscatedAttacks: meta.filter((m) => m.obfuscated).length, records: meta }, null, 0));
console.log(JSON.stringify({ total: out.length, stats, obfuscatedAttacks: meta.filter((m) => m.obfuscated).length }));
