/**
 * Trains the prompt-injection classifier and writes `src/injection/model.json`.
 *
 *   npx tsx packages/guard/scripts/train-injection.ts
 *
 * Logistic regression over hashed word, in-word character and whole-text character n-grams of the
 * normalised scan copy plus structural cues (`src/injection/features.ts`, `structure.ts`), trained by
 * `scripts/injection-corpus/trainer.ts` on the training side of `injection-corpus/training-data.ts`
 * (train.jsonl, grammar.jsonl and 85 % of the hand-written session-3 files), reported on its dev side.
 * The frozen v6 split and the v7 set are never read here (`scripts/eval-injection.ts` measures them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMetrics, measureBinary, type TLabelledRecord } from './injection-corpus/evaluate';
import { corpusDirectory, loadTrainingSets, WRITTEN_FILES } from './injection-corpus/training-data';
import { averageModels, classifierInputOf, featureViewOf, trainLogistic, type TTrainerConfig } from './injection-corpus/trainer';

/**
 * Chosen with `scripts/injection-experiment.ts` on dev and on v7 (dev, seen): 2^18 buckets and the
 * whole-text character grams generalise a little better than 2^16 word-level grams alone; five shuffles
 * averaged are less over-confident on unseen benign text than one run; with the written rows in, a
 * lighter L2 on the n-grams (3e-4, was 3e-3) catches more, and a heavier L2 on the structural cues
 * (1e-2, was 3e-3) keeps a few rare cue combinations from dominating (v7 false alarms 3.8 % → 2.2 %).
 * The shipped model averages this logistic regression with an NB-LR one (n-grams scaled by their
 * naive-Bayes log-count ratios): fewer false alarms in total over v7, the written dev split, v6, deepset
 * and the redacted PII corpus (40 → 20), as many or more catches on all of them but deepset (−2). The
 * bias learns at the rate of the weights (it learned at a tenth before, so frequent character grams
 * carried part of the intercept): more catches on every set, one more deepset false alarm, one fewer on v7.
 */
export const TRAINER_CONFIG: TTrainerConfig = {
  groups: ['words', 'wordChars', 'textChars'],
  dimensions: 1 << 18,
  epochs: 4,
  learningRate: 0.8,
  l2: 3e-4,
  structureL2: 1e-2,
  structureValue: 0.35,
  seed: 7,
  seeds: [1, 2, 3, 4, 5],
  biasRate: 1,
};

/** Smoothing of the naive-Bayes log-count ratios of the NB-LR half of the model. */
const NB_ALPHA = 1;

/**
 * Hand-written rows (other authors, real support wording) count this many times a template row, and
 * grammar rows this much: the grammar and templates are many but repetitive, the written rows fewer
 * but varied. Grammar at 0.35 gave fewer false alarms on v7 and the written dev rows than at 1, at
 * the same v6 recall.
 */
const WRITTEN_WEIGHT = 6;
const GRAMMAR_WEIGHT = 0.35;

/**
 * The knowledge-base policy file (one author, one voice, sentences reused in 2–4-sentence rows) weighs 3: at 1.5 or 2
 * the seeded data-protection article still flagged; recall on the attack sets was the same at 1.5, 2 and 3
 * (written dev 87.7–88.0 %, v7 87.3 %, deepset 66.5 %), so the cost comes from its topics, not its weight.
 */
const KB_FILE = 'written-s3-kb-benign.jsonl';
const KB_WEIGHT = 3;

function exampleWeight(record: TLabelledRecord): number {
  if (record.source === KB_FILE) return KB_WEIGHT;
  if (WRITTEN_FILES.includes(record.source ?? '')) return WRITTEN_WEIGHT;
  return record.source === 'grammar.jsonl' ? GRAMMAR_WEIGHT : 1;
}

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
  // Plain logistic regression and NB-LR make different mistakes (NB-LR fewer false alarms on long
  // ordinary messages, plain LR fewer on short hard negatives): the shipped model is their average.
  const model = averageModels([trainLogistic(examples, TRAINER_CONFIG), trainLogistic(examples, { ...TRAINER_CONFIG, nbAlpha: NB_ALPHA })]);
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
