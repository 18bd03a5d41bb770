/**
 * Trains the prompt-injection classifier and writes `src/injection/model.json`.
 *
 *   npx tsx packages/guard/scripts/train-injection.ts
 *
 * Logistic regression over hashed word and whole-text character n-grams of the normalised scan copy plus
 * structural cues (`src/injection/features.ts`, `structure.ts`), trained by `scripts/injection-corpus/trainer.ts` on
 * the training side of `injection-corpus/training-data.ts` (train.jsonl, grammar.jsonl and 85 % of the hand-written
 * session-3 to session-6 files and, since session 6, of the v6–v9 held-out files), reported on its dev side. v10 and
 * the calibration sets are never trained on (`scripts/eval-injection.ts` measures them; the loader reads their texts
 * only to drop training rows equal or nearly equal to them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMetrics, measureBinary } from './injection-corpus/evaluate';
import { exampleWeight, TRAINER_CONFIG, trainShippedModel } from './injection-corpus/model-config';
import { corpusDirectory, loadTrainingSets } from './injection-corpus/training-data';
import { classifierInputOf, featureViewOf } from './injection-corpus/trainer';

const modelPath = join(corpusDirectory, '..', '..', 'src', 'injection', 'model.json');

async function main(): Promise<void> {
  const sets = loadTrainingSets();
  for (const row of sets.dropped) console.log(`dropped ${row.file} ${row.id}: ${row.reason}`);
  console.log(`train ${sets.train.length}, dev ${sets.dev.length}; per file (train/dev): ${Object.entries(sets.counts).map(([file, count]) => `${file} ${count.train}/${count.dev}`).join(', ')}`);
  const examples = sets.train.map((record) => ({
    ...featureViewOf(classifierInputOf(record.text), TRAINER_CONFIG.groups),
    label: record.label === 'attack' ? (1 as const) : (0 as const),
    weight: exampleWeight(record),
  }));
  const model = trainShippedModel(examples);
  const json = JSON.stringify(model);
  writeFileSync(modelPath, `${json}\n`);
  const strongest = Object.entries(model.structure ?? {}).sort(([, left], [, right]) => right - left);
  console.log(`structural features: ${strongest.length}; strongest for: ${strongest.slice(0, 6).map(([name, weight]) => `${name} ${weight}`).join(', ')}`);
  console.log(`strongest against: ${strongest.slice(-4).map(([name, weight]) => `${name} ${weight}`).join(', ')}`);
  console.log(`wrote ${modelPath} (${(json.length / 1024).toFixed(0)} KiB, ${model.weights.filter((weight) => weight !== 0).length} non-zero weights)`);

  // Imported only now, so the scorer sees the model written above.
  const { predictInjectionProbability } = await import('../src/injection/classifier');
  const { scoreInjection } = await import('../src/injection/index');
  const classifierOnly = (text: string): number => predictInjectionProbability(classifierInputOf(text));
  for (const threshold of [0.5, 0.7, 0.85]) console.log(`dev classifier only @${threshold}: ${formatMetrics(measureBinary(sets.dev, (text) => classifierOnly(text) >= threshold))}`);
  for (const threshold of [0.5, 0.6, 0.7]) console.log(`dev combined        @${threshold}: ${formatMetrics(measureBinary(sets.dev, (text) => scoreInjection(text, { threshold }).flagged))}`);
}

await main();
