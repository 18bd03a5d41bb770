/**
 * Trains the prompt-injection classifier and writes `src/injection/model.json`.
 *
 *   npx tsx packages/guard/scripts/train-injection.ts
 *
 * Logistic regression over hashed word and character n-grams of the normalised scan copy
 * (`src/injection/features.ts`), trained on `corpora/injection/train.jsonl` with a fixed seed,
 * plus the grammar material in `grammar.jsonl` (`scripts/generate-injection-grammar.ts`), reported on `dev.jsonl`. The test split is never read here: it is the held-out quality gate.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatureIndices, FEATURE_DIMENSIONS } from '../src/injection/features';
import { normalizeForScan } from '../src/injection/normalize';
import { classifierView } from '../src/injection/structure';
import { createRandom } from './injection-corpus/random';
import { formatMetrics, measureBinary, readJsonl } from './injection-corpus/evaluate';

const SEED = 7;
// Strong L2 and few epochs (chosen on dev): the generated corpus repeats each phrasing, and an
// unregularised model becomes over-confident on customer wording it has never seen.
const EPOCHS = 4;
const INITIAL_LEARNING_RATE = 0.8;
const L2 = 3e-3;
/** Weights are stored as integers (weight × SCALE); |weight| below 1/SCALE is dropped. */
const SCALE = 1000;
/** Value of each structural feature (`src/injection/structure.ts`); n-grams have 1/√n. */
const STRUCTURE_VALUE = 0.35;
/** Structural features are few and concept-level: they get a lighter L2 than the n-grams. */
const STRUCTURE_L2 = 3e-3;

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDirectory = join(packageRoot, 'corpora', 'injection');
const modelPath = join(packageRoot, 'src', 'injection', 'model.json');

type TExample = { indices: number[]; structure: number[]; label: 0 | 1 };

const structureIds = new Map<string, number>();
function structureId(feature: string): number {
  let id = structureIds.get(feature);
  if (id === undefined) {
    id = structureIds.size;
    structureIds.set(feature, id);
  }
  return id;
}

function toExample(text: string, label: 'attack' | 'benign'): TExample {
  const scan = normalizeForScan(text);
  const classifierInput = [scan.text, ...scan.decodedSegments.map((segment) => segment.text)].join('\n');
  const view = classifierView(classifierInput);
  return { indices: extractFeatureIndices(view.ngramText), structure: view.structure.map(structureId), label: label === 'attack' ? 1 : 0 };
}

function train(examples: TExample[]): { weights: Float64Array; structure: Float64Array; bias: number } {
  const random = createRandom(SEED);
  const weights = new Float64Array(FEATURE_DIMENSIONS);
  const structure = new Float64Array(structureIds.size);
  let bias = 0;
  const positives = examples.filter((example) => example.label === 1).length;
  // Balance the classes so the larger benign side does not dominate the loss.
  const classWeight = { 1: examples.length / (2 * positives), 0: examples.length / (2 * (examples.length - positives)) };
  const order = examples.map((_example, index) => index);

  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = random.int(index + 1);
      [order[index], order[swap]] = [order[swap] as number, order[index] as number];
    }
    const learningRate = INITIAL_LEARNING_RATE / (1 + epoch * 0.2);
    for (const exampleIndex of order) {
      const example = examples[exampleIndex] as TExample;
      const value = 1 / Math.sqrt(Math.max(1, example.indices.length));
      let logit = bias;
      for (const featureIndex of example.indices) logit += (weights[featureIndex] ?? 0) * value;
      for (const featureId of example.structure) logit += (structure[featureId] ?? 0) * STRUCTURE_VALUE;
      const gradient = (1 / (1 + Math.exp(-logit)) - example.label) * classWeight[example.label];
      bias -= learningRate * gradient * 0.1;
      for (const featureIndex of example.indices) {
        const current = weights[featureIndex] ?? 0;
        weights[featureIndex] = current - learningRate * (gradient * value + L2 * current);
      }
      for (const featureId of example.structure) {
        const current = structure[featureId] ?? 0;
        structure[featureId] = current - learningRate * (gradient * STRUCTURE_VALUE + STRUCTURE_L2 * current);
      }
    }
  }
  return { weights, structure, bias };
}

async function main(): Promise<void> {
  const grammarPath = join(corpusDirectory, 'grammar.jsonl');
  const trainRecords = [...readJsonl(join(corpusDirectory, 'train.jsonl')), ...(existsSync(grammarPath) ? readJsonl(grammarPath) : [])];
  const devRecords = readJsonl(join(corpusDirectory, 'dev.jsonl'));
  const examples = trainRecords.map((record) => toExample(record.text, record.label));
  const { weights, structure, bias } = train(examples);

  const quantized = Array.from(weights, (weight) => Math.round(weight * SCALE));
  const structureWeights = Object.fromEntries(
    [...structureIds.entries()]
      .map(([feature, id]): [string, number] => [feature, Math.round((structure[id] ?? 0) * SCALE) / SCALE])
      .filter(([, weight]) => weight !== 0)
      .sort(([left], [right]) => left.localeCompare(right)),
  );
  const model = { version: 2, dimensions: FEATURE_DIMENSIONS, bias: Math.round(bias * SCALE) / SCALE, scale: SCALE, weights: quantized, structureValue: STRUCTURE_VALUE, structure: structureWeights };
  const json = JSON.stringify(model);
  writeFileSync(modelPath, `${json}\n`);
  const strongest = Object.entries(structureWeights).sort(([, left], [, right]) => right - left);
  console.log(`structural features: ${Object.keys(structureWeights).length}; strongest for: ${strongest.slice(0, 8).map(([name, weight]) => `${name} ${weight}`).join(', ')}`);
  console.log(`strongest against: ${strongest.slice(-6).map(([name, weight]) => `${name} ${weight}`).join(', ')}`);
  console.log(`wrote ${modelPath} (${(json.length / 1024).toFixed(0)} KiB, ${quantized.filter((weight) => weight !== 0).length} non-zero weights)`);

  // Imported only now, so the scorer sees the model written above.
  const { predictInjectionProbability } = await import('../src/injection/classifier');
  const { scoreInjection } = await import('../src/injection/index');
  const classifierOnly = (text: string): number => {
    const scan = normalizeForScan(text);
    return predictInjectionProbability([scan.text, ...scan.decodedSegments.map((segment) => segment.text)].join('\n'));
  };
  for (const threshold of [0.4, 0.5, 0.6, 0.7]) {
    console.log(`dev classifier only @${threshold}: ${formatMetrics(measureBinary(devRecords, (text) => classifierOnly(text) >= threshold))}`);
  }
  for (const threshold of [0.4, 0.5, 0.6, 0.7]) {
    console.log(`dev combined        @${threshold}: ${formatMetrics(measureBinary(devRecords, (text) => scoreInjection(text, { threshold }).flagged))}`);
  }
}

await main();
