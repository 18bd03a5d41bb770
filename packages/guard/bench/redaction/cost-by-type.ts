/**
 * Profiling aid: what each recogniser adds to a corpus message, in CPU time. Times `redact` over the corpus with
 * every built-in type, with none (the scan and the call alone) and with each type left out, in interleaved
 * rounds; prints the median µs a message and each type's share (listed − without it).
 *   npx tsx bench/redaction/cost-by-type.ts [rounds]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redact } from '../../src/redact/index';
import { BUILT_IN_ENTITY_TYPES, type TRedactOptions } from '../../src/redact/types';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
const texts: string[] = [];
for (const f of ['hard-negatives', 'positives']) for (const l of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) texts.push((JSON.parse(l) as { text: string }).text);

const rounds = Number(process.argv[2] ?? 15);
const variants: [string, TRedactOptions][] = [
  ['all', {}],
  // The same list through the `entities` option, which builds a plan per call: the baseline for the rows below.
  ['listed', { entities: [...BUILT_IN_ENTITY_TYPES] }],
  ['none', { entities: [] }],
  ...BUILT_IN_ENTITY_TYPES.map((t): [string, TRedactOptions] => [`-${t}`, { entities: BUILT_IN_ENTITY_TYPES.filter((x) => x !== t) }]),
];
const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
function pass(options: TRedactOptions): number {
  const started = process.cpuUsage();
  for (const t of texts) redact(t, options);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / texts.length;
}
for (let r = 0; r < rounds + 2; r++) for (const [name, options] of variants) {
  const t = pass(options);
  if (r >= 2) times.get(name)!.push(t);
}
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;
const listed = median(times.get('listed')!);
console.log(`all ${median(times.get('all')!).toFixed(2)} µs/msg; through \`entities\`: all ${listed.toFixed(2)}, none (scan + call) ${median(times.get('none')!).toFixed(2)}`);
for (const t of BUILT_IN_ENTITY_TYPES) console.log(`${t.padEnd(16)} ${(listed - median(times.get(`-${t}`)!)).toFixed(2)} µs/msg`);
