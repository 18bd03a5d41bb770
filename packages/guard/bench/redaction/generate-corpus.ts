/**
 * Writes the labelled PII corpus (corpora/pii/*.jsonl) from a fixed seed, so the committed files are
 * reproducible: `npx tsx bench/redaction/generate-corpus.ts` from packages/guard.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, LANGUAGES } from './fake-values';
import { NEGATIVE_TEMPLATES, POSITIVE_TEMPLATES, RecordBuilder, type TGoldEntity } from './templates';

export type TCorpusRecord = { id: string; text: string; entities: TGoldEntity[] };

const SEED = 20240611;
const POSITIVE_RECORDS = 780;
const NEGATIVE_RECORDS = 520;

export function generateCorpus(seed = SEED): { positives: TCorpusRecord[]; negatives: TCorpusRecord[] } {
  const r = createRandom(seed);
  const build = (prefix: string, count: number, templates: typeof POSITIVE_TEMPLATES): TCorpusRecord[] =>
    Array.from({ length: count }, (_, i) => {
      const b = new RecordBuilder();
      const parts = prefix === 'neg' || r.chance(0.75) ? 1 : 2;
      for (let p = 0; p < parts; p++) {
        if (p > 0) b.t('\n\n');
        const template = templates[(i + p * 7) % templates.length] ?? r.pick(templates);
        template(r, b, r.pick(LANGUAGES));
      }
      // A negative sentence inside a positive record keeps the two from being trivially separable.
      if (prefix === 'pos' && r.chance(0.35)) {
        b.t(r.pick(['\n\n', '\n']));
        r.pick(NEGATIVE_TEMPLATES)(r, b, r.pick(LANGUAGES));
      }
      return { id: `${prefix}-${String(i + 1).padStart(4, '0')}`, text: b.text, entities: b.entities };
    });
  return { positives: build('pos', POSITIVE_RECORDS, POSITIVE_TEMPLATES), negatives: build('neg', NEGATIVE_RECORDS, NEGATIVE_TEMPLATES) };
}

function writeJsonl(path: string, records: readonly TCorpusRecord[]): void {
  writeFileSync(path, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
  mkdirSync(out, { recursive: true });
  const { positives, negatives } = generateCorpus();
  writeJsonl(join(out, 'positives.jsonl'), positives);
  writeJsonl(join(out, 'hard-negatives.jsonl'), negatives);
  console.log(`wrote ${positives.length} positive and ${negatives.length} negative records to ${out}`);
}
