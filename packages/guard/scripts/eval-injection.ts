/**
 * Compact evaluation of `scoreInjection` for iterating on the detector (not the benchmark: that is
 * `bench/injection.ts`, with peers). Prints TPR/FPR on the repo's dev split, the dev side of the hand-written
 * session-3 to session-6 files and of v6–v9, the v5 records inside train/dev, v10 and the calibration sets (seen) and
 * each public corpus in /work/shared/corpora (or
 * $VOUCH_SHARED_CORPORA), which are read in place for evaluation only.
 *
 *   npx tsx packages/guard/scripts/eval-injection.ts [--threshold 0.6] [--misses <corpus>]
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreInjection } from '../src/injection/index';
import { formatMetrics, measureBinary, readJsonl, type TLabelledRecord } from './injection-corpus/evaluate';
import { piiCorpusAsBenign } from './injection-corpus/pii-benign';
import { loadTrainingSets, TRAINED_HOLDOUT_FILES, WRITTEN_FILES } from './injection-corpus/training-data';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDirectory = join(packageRoot, 'corpora', 'injection');
const sharedCorporaDirectory = process.env.VOUCH_SHARED_CORPORA ?? '/work/shared/corpora';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const threshold = Number(argument('--threshold') ?? Number.NaN);
const missesOf = argument('--misses');

const corpora: { name: string; records: TLabelledRecord[] }[] = [];
const dev = readJsonl(join(corpusDirectory, 'dev.jsonl'));
corpora.push({ name: 'dev', records: dev });
// The dev side of the hand-written session-3 files (`injection-corpus/training-data.ts`).
const writtenDev = loadTrainingSets().dev.filter((record) => WRITTEN_FILES.includes(record.source ?? ''));
corpora.push({ name: 'dev s3 (written)', records: writtenDev.filter((record) => record.source?.startsWith('written-s3')) });
corpora.push({ name: 'dev s4 (written)', records: writtenDev.filter((record) => record.source?.startsWith('written-s4')) });
corpora.push({ name: 'dev s5 (written)', records: writtenDev.filter((record) => record.source?.startsWith('written-s5')) });
corpora.push({ name: 'dev s6 (written)', records: writtenDev.filter((record) => record.source?.startsWith('written-s6')) });
const v5 = [...readJsonl(join(corpusDirectory, 'train.jsonl')), ...dev].filter((record) => /^(atk|ben)-v5-/.test(record.id));
corpora.push({ name: 'v5 (in train/dev)', records: v5 });
// v6–v9: blind once each, training data since session 6; only their dev side (15 %) is not trained on.
corpora.push({ name: 'v6-v9 dev side', records: loadTrainingSets().dev.filter((record) => TRAINED_HOLDOUT_FILES.includes(record.source ?? '')) });
// Blind once after session 5 (87.2 % / 1.2 %), seen since, never trained on: checked for damage only.
corpora.push({ name: 'v10 (seen)', records: readJsonl(join(corpusDirectory, 'holdout-v10.jsonl')) });
// Calibration sets (settings and thresholds chosen on them, never trained on).
corpora.push({ name: 'calibration s6 (seen)', records: readJsonl(join(corpusDirectory, 'calibration-s6.jsonl')) });
corpora.push({ name: 'calibration s5 (seen)', records: readJsonl(join(corpusDirectory, 'calibration-s5.jsonl')) });
// The redaction corpus after redaction, as the answer pipeline scores messages: benign support traffic.
corpora.push({ name: 'pii corpus (redacted)', records: piiCorpusAsBenign() });
if (existsSync(sharedCorporaDirectory)) {
  for (const file of readdirSync(sharedCorporaDirectory).filter((name) => name.endsWith('.jsonl')).sort()) {
    corpora.push({ name: file.replace(/_.*$/, ''), records: readJsonl(join(sharedCorporaDirectory, file)) });
  }
}

for (const corpus of corpora) {
  const started = performance.now();
  const scores = new Map(corpus.records.map((record) => [record.text, scoreInjection(record.text, Number.isNaN(threshold) ? {} : { threshold })]));
  const seconds = (performance.now() - started) / 1000;
  const metrics = measureBinary(corpus.records, (text) => scores.get(text)?.flagged ?? false);
  console.log(`${corpus.name.padEnd(20)} ${formatMetrics(metrics)}  (${Math.round(corpus.records.length / seconds)} msg/s)`);
  if (missesOf && corpus.name.startsWith(missesOf)) {
    for (const record of corpus.records) {
      const result = scores.get(record.text);
      const wrong = record.label === 'attack' ? !result?.flagged : result?.flagged;
      if (wrong) console.log(`  ${record.label === 'attack' ? 'MISS' : 'FALSE'} ${result?.score} ${record.id} ${record.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
}
