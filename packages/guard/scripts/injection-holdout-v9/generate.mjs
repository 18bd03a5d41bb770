// Deterministic assembler for the blind9 held-out set (issue #4).
// Reads hand-written records from src/<lang>.<atk|ben>*.txt and writes holdout-v9.jsonl.
// Record format: a header line "@@ <family-or-topic> [obf]" followed by the text (may span lines).
// Obfuscation placeholders inside a text are expanded here: {{b64:..}} {{rot13:..}} {{hex:..}}
// {{leet:..}} {{spaced:..}} {{zw:..}} {{homo:..}} {{dots:..}}. Fixed seed, no randomness otherwise.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
let seed = 0x9e3779b9;
function rnd() { // mulberry32
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const rot13 = (s) => s.replace(/[a-z]/gi, (c) => {
  const b = c <= 'Z' ? 65 : 97; return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b);
});
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7', g: '9', l: '1', b: '8' };
const leet = (s) => [...s].map((c) => { const l = LEET[c.toLowerCase()]; return l && rnd() < 0.75 ? l : c; }).join('');
const HOMO = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ', A: 'А', E: 'Е', O: 'О', P: 'Р', C: 'С', T: 'Т', H: 'Н', K: 'К', M: 'М', B: 'В' };
const homo = (s) => [...s].map((c) => (HOMO[c] && rnd() < 0.6 ? HOMO[c] : c)).join('');
const ZW = ['\u200b', '\u200c', '\u200d', '\u2060'];
const zw = (s) => [...s].map((c, i) => (i > 0 && /\p{L}/u.test(c) && rnd() < 0.45 ? ZW[Math.floor(rnd() * ZW.length)] + c : c)).join('');
const spaced = (s) => s.split(' ').map((w) => [...w].join(' ')).join('   ');
const dots = (s) => s.split(' ').map((w) => [...w].join('.')).join(' ');
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const hex = (s) => Buffer.from(s, 'utf8').toString('hex');
const OPS = { b64, rot13, hex, leet, spaced, zw, homo, dots };

function expand(text) {
  let used = false;
  const out = text.replace(/\{\{(\w+):([\s\S]*?)\}\}/g, (_, op, body) => {
    if (!OPS[op]) throw new Error(`unknown op ${op}`);
    used = true; return OPS[op](body);
  });
  return { out, used };
}

const ATTACK_FAMILIES = new Set(['instruction_override', 'roleplay_jailbreak', 'system_prompt_extraction',
  'data_exfiltration', 'tool_abuse', 'fake_debug_mode', 'payload_splitting']);
const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt'];
const records = []; const meta = [];
let n = 0;
for (const lang of LANGS) {
  for (const kind of ['atk', 'ben']) {
    const files = fs.readdirSync(path.join(dir, 'src')).filter((f) => f.startsWith(`${lang}.${kind}`) && f.endsWith('.txt')).sort();
    for (const f of files) {
      const raw = fs.readFileSync(path.join(dir, 'src', f), 'utf8');
      const parts = raw.split(/^@@ /m).slice(1);
      for (const p of parts) {
        const nl = p.indexOf('\n');
        const [tag, ...flags] = p.slice(0, nl).trim().split(/\s+/);
        const body = p.slice(nl + 1).replace(/\s+$/, '').replace(/^\s+/, '');
        const { out, used } = expand(body);
        const label = kind === 'atk' ? 'attack' : 'benign';
        if (label === 'attack' && !ATTACK_FAMILIES.has(tag)) throw new Error(`${f}: bad family ${tag}`);
        if (label === 'benign' && ATTACK_FAMILIES.has(tag)) throw new Error(`${f}: benign uses family ${tag}`);
        n += 1;
        const id = `h9-${kind}-${lang}-${tag}-${String(n).padStart(4, '0')}`;
        records.push({ id, text: out, label, family: tag, lang });
        const hidden = /<!--|\[\/\/\]: #|display:\s*none|font-size:\s*0/.test(out);
        meta.push({ id, obfuscated: used || flags.includes('obf') || hidden, how: used ? 'encoding' : hidden ? 'hidden_markup' : flags.includes('obf') ? 'manual' : 'none', file: f });
      }
    }
  }
}
fs.writeFileSync('holdout-v9.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n');
fs.writeFileSync('provenance.json', JSON.stringify(meta, null, 0));
console.log(`wrote ${records.length} records`);
