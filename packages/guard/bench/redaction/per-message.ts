/**
 * Profiling aid for the dense corpus (not the benchmark): CPU µs a message for Vouch and redact-pii (its bare call)
 * on the benign records, the records with PII and all of them, in interleaved passes (median of the rounds), plus a
 * trivial message in a long loop. The "Redaction benchmark" README section quotes it.
 *   npx tsx bench/redaction/per-message.ts [rounds]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SyncRedactor } from 'redact-pii';
import { redact } from '../../src/redact/index';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
const rows: { text: string; entities?: unknown[] }[] = [];
for (const f of ['hard-negatives', 'positives']) {
  for (const line of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) rows.push(JSON.parse(line) as { text: string; entities?: unknown[] });
}
const peer = new SyncRedactor();
const systems: [string, (text: string) => unknown][] = [
  ['vouch', (text) => redact(text)],
  ['redact-pii', (text) => peer.redact(text)],
];
const groups: [string, string[]][] = [
  ['benign', rows.filter((r) => !r.entities?.length).map((r) => r.text)],
  ['pii', rows.filter((r) => r.entities?.length).map((r) => r.text)],
  ['all', rows.map((r) => r.text)],
];
const rounds = Number(process.argv[2] ?? 15);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function pass(fn: (text: string) => unknown, texts: readonly string[], repeat = 1): number {
  // CPU time of this process, not wall time: other work on a shared machine then weighs much less.
  const started = process.cpuUsage();
  for (let k = 0; k < repeat; k++) for (const text of texts) fn(text);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / texts.length / repeat;
}

// Warm-up on the whole corpus; then every round times each group for each system, so the optimised code always has
// seen both kinds of message (timing one group alone for many passes re-optimises for it and deopts on the next).
for (let i = 0; i < 10; i++) for (const [, fn] of systems) pass(fn, groups[2]![1]);
const times = new Map<string, number[]>();
for (let i = 0; i < rounds; i++) {
  for (const [group, texts] of groups) {
    for (const [name, fn] of systems) {
      const key = `${group}/${name}`;
      if (!times.has(key)) times.set(key, []);
      times.get(key)!.push(pass(fn, texts));
    }
  }
}
for (const [group, texts] of groups) {
  const vouch = median(times.get(`${group}/vouch`)!);
  const other = median(times.get(`${group}/redact-pii`)!);
  const chars = texts.join('').length / texts.length;
  console.log(`${group.padEnd(7)} ${String(texts.length).padStart(4)} messages, ${chars.toFixed(0)} chars avg: vouch ${vouch.toFixed(2)} µs, redact-pii ${other.toFixed(2)} µs, ratio ${(other / vouch).toFixed(2)}×`);
}
const trivial = ['hello there, how are you?'];
const trivialTimes = systems.map(([name, fn]) => {
  const values: number[] = [];
  for (let i = 0; i < 7; i++) values.push(pass(fn, trivial, 100_000));
  return `${name} ${median(values).toFixed(2)} µs`;
});
console.log(`trivial 'hello there, how are you?' (100,000 calls a round): ${trivialTimes.join(', ')}`);
