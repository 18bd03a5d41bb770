import { readFileSync } from 'node:fs';
import { redact } from '../../src/redact/index';
import { SyncRedactor } from 'redact-pii';
import { alignReplacements } from './peers';
const texts: string[] = [];
for (const f of ['hard-negatives', 'positives']) for (const l of readFileSync(`/work/main/packages/guard/corpora/pii/${f}.jsonl`, 'utf8').split('\n').filter(Boolean)) texts.push(JSON.parse(l).text);
const mode = process.argv[2] ?? 'both';
const r = new SyncRedactor();
function timeIt(name: string, fn: (t: string) => unknown, rounds: number) {
  const started = performance.now();
  for (let k = 0; k < rounds; k++) for (const t of texts) fn(t);
  const us = ((performance.now() - started) * 1000) / (rounds * texts.length);
  return us;
}
for (let i = 0; i < 3; i++) { timeIt('v', (t) => redact(t), 5); if (mode==='both') timeIt('r', (t) => alignReplacements(t, r.redact(t)), 2); }
const vs: number[] = [], rs: number[] = [];
for (let i = 0; i < Number(process.argv[3] ?? 8); i++) {
  vs.push(timeIt('v', (t) => redact(t), 10));
  if (mode === 'both') rs.push(timeIt('r', (t) => alignReplacements(t, r.redact(t)), 3));
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
console.log(`vouch ${med(vs).toFixed(2)} µs/msg` + (mode === 'both' ? `  redact-pii ${med(rs).toFixed(2)} µs/msg  ratio ${(med(rs) / med(vs)).toFixed(2)}×` : ''));
