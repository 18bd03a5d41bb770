/**
 * Profiling aid (not the benchmark): redact() on the corpus records that carry PII only, in a loop, printing the
 * median CPU µs a message. For a CPU profile of the per-entity costs:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/redaction/profile-pii.ts 80
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redact } from '../../src/redact/index';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
const texts: string[] = [];
for (const f of ['hard-negatives', 'positives']) {
  for (const line of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as { text: string; entities?: unknown[] };
    if (row.entities?.length) texts.push(row.text);
  }
}
const passes = Number(process.argv[2] ?? 40);
function pass(): number {
  const started = process.cpuUsage();
  for (const t of texts) redact(t);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / texts.length;
}
for (let i = 0; i < 5; i++) pass();
const times: number[] = [];
for (let i = 0; i < passes; i++) times.push(pass());
times.sort((a, b) => a - b);
console.log(`${texts.length} PII messages: vouch ${times[times.length >> 1]!.toFixed(2)} µs/msg (median of ${passes} passes)`);
