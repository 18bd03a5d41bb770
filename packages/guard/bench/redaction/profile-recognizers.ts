/**
 * Where the time of a short message goes: per recogniser, how often the prefilter gate opens on the corpus
 * and the mean cost of its detect() when it runs. Profiling aid for the "Redaction benchmark" README section.
 *   npx tsx bench/redaction/profile-recognizers.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_RECOGNIZERS } from '../../src/redact/recognizers/index';
import { scanText } from '../../src/redact/prefilter';
import { withScoringFloor } from '../../src/redact/context';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
const texts: string[] = [];
for (const f of ['hard-negatives', 'positives']) for (const l of readFileSync(join(dir, `${f}.jsonl`), 'utf8').split('\n').filter(Boolean)) texts.push((JSON.parse(l) as { text: string }).text);

const ROUNDS = Number(process.argv[2] ?? 20);
const rows = BUILT_IN_RECOGNIZERS.map((r) => ({ r, open: 0, ns: 0, found: 0 }));
let scanNs = 0;
withScoringFloor(0.5, () => {
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of texts) {
      let t = process.hrtime.bigint();
      const f = scanText(text);
      scanNs += Number(process.hrtime.bigint() - t);
      for (const row of rows) {
        if (row.r.mayMatch && !row.r.mayMatch(f, 0.5, text)) continue;
        t = process.hrtime.bigint();
        const found = row.r.detect(text);
        row.ns += Number(process.hrtime.bigint() - t);
        if (round === 0) { row.open++; row.found += found.filter((d) => d.score >= 0.5).length; }
      }
    }
  }
});
const per = (ns: number) => (ns / ROUNDS / texts.length / 1000).toFixed(2);
console.log(`scanText ${per(scanNs)} µs/msg`);
for (const row of rows) console.log(`${row.r.type.padEnd(16)} open ${String(row.open).padStart(5)}/${texts.length} found ${String(row.found).padStart(4)}  ${per(row.ns)} µs/msg  ${(row.ns / ROUNDS / Math.max(1, row.open) / 1000).toFixed(2)} µs/run`);
