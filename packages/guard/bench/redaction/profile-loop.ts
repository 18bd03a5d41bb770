/**
 * Profiling aid for the dense corpus (not the benchmark): redact() on every corpus message in a loop, and
 * optionally redact-pii (as the bench calls it) in alternating passes, reporting the median µs per message and
 * the median of the per-pair ratios (robust to load on a shared machine).
 *   npx tsx bench/redaction/profile-loop.ts [vouch|both] [pairs]
 *   node --cpu-prof --import tsx bench/redaction/profile-loop.ts vouch 30
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SyncRedactor } from 'redact-pii';
import { redact } from '../../src/redact/index';
import { alignReplacements } from './peers';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
const texts: string[] = [];
for (const f of ['hard-negatives', 'positives']) for (const l of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) texts.push((JSON.parse(l) as { text: string }).text);

const mode = process.argv[2] ?? 'both';
const pairs = Number(process.argv[3] ?? 20);
const redactor = new SyncRedactor();
const vouch = (t: string): unknown => redact(t);
const peer = (t: string): unknown => alignReplacements(t, redactor.redact(t));

function pass(fn: (t: string) => unknown): number {
  // CPU time of this process, not wall time: other work on a shared machine then weighs much less.
  const started = process.cpuUsage();
  for (const t of texts) fn(t);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / texts.length;
}

for (let i = 0; i < 3; i++) {
  pass(vouch);
  if (mode === 'both') pass(peer);
}
const vs: number[] = [];
const ps: number[] = [];
const ratios: number[] = [];
for (let i = 0; i < pairs; i++) {
  const v = (pass(vouch) + pass(vouch)) / 2;
  vs.push(v);
  if (mode === 'both') {
    const p = pass(peer);
    ps.push(p);
    ratios.push(p / v);
  }
}
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;
console.log(
  `vouch ${median(vs).toFixed(2)} µs/msg` +
    (mode === 'both' ? `  redact-pii ${median(ps).toFixed(2)} µs/msg  ratio (median of pairs) ${median(ratios).toFixed(2)}×` : ''),
);
