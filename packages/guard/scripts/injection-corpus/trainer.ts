/**
 * Logistic-regression trainer of the injection classifier (`src/injection/classifier.ts` reads its
 * output). Shared by `scripts/train-injection.ts` and the experiment script, so both train the same way.
 */
import { extractRawNgrams, toFeatureIndices, type TNgramGroup, type TRawNgrams } from '../../src/injection/features';
import { type TInjectionModel } from '../../src/injection/classifier';
import { normalizeForScan } from '../../src/injection/normalize';
import { classifierView } from '../../src/injection/structure';
import { createRandom } from './random';

export type TTrainerConfig = {
  groups: TNgramGroup[];
  dimensions: number;
  epochs: number;
  learningRate: number;
  /** L2 on the n-gram weights, applied at every update. */
  l2: number;
  /** L2 on the structural cue weights. */
  structureL2: number;
  /** Value of each structural feature; n-grams have 1/√n. */
  structureValue: number;
  seed: number;
  /**
   * Train once per seed (each a different order of the examples) and average the weights: the mean
   * of linear models is the model whose logit is the mean of theirs, an ensemble at no size cost
   * that is less over-confident on phrasings none of the runs saw.
   */
  seeds?: number[];
  /** Learning-rate factor of the bias (0.1 unless set). */
  biasRate?: number;
  /**
   * NB-LR: scale each n-gram by its naive-Bayes log-count ratio (smoothing `nbAlpha`) before the
   * regression; the stored weight is the product, so the runtime is unchanged. Off unless set.
   */
  nbAlpha?: number;
};

/** What the classifier sees of one text, computed once (the expensive part). */
export type TFeatureView = { ngrams: TRawNgrams; structure: string[] };
/** `weight` scales the example's loss (hand-written rows count more than generated ones); default 1. */
export type TTrainingExample = TFeatureView & { label: 0 | 1; weight?: number };

export const ALL_GROUPS: TNgramGroup[] = ['words', 'wordChars', 'textChars'];

/** The classifier's input for a raw text: scan copy plus decoded segments, as `score.ts` builds it. */
export function classifierInputOf(text: string): string {
  const scan = normalizeForScan(text);
  return [scan.text, ...scan.decodedSegments.map((segment) => segment.text)].join('\n');
}

export function featureViewOf(classifierInput: string, groups: readonly TNgramGroup[] = ALL_GROUPS): TFeatureView {
  const view = classifierView(classifierInput);
  return { ngrams: extractRawNgrams(view.ngramText, groups), structure: view.structure };
}

/** Weights are stored as integers (weight × SCALE); |weight| below 1/(2·SCALE) is dropped. */
const SCALE = 1000;

export function trainLogistic(examples: readonly TTrainingExample[], config: TTrainerConfig): TInjectionModel {
  const seeds = config.seeds ?? [config.seed];
  return averageModels(seeds.map((seed) => trainOnce(examples, config, seed)));
}

/**
 * The model whose logit is the mean of the given models' logits (same n-gram groups, buckets and
 * structural value): their weights averaged.
 */
export function averageModels(runs: readonly TInjectionModel[]): TInjectionModel {
  const first = runs[0]!;
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const weights = first.weights.map((_weight, index) => Math.round(mean(runs.map((run) => run.weights[index]!))));
  const structureNames = [...new Set(runs.flatMap((run) => Object.keys(run.structure ?? {})))].sort();
  const structure = Object.fromEntries(
    structureNames.map((name): [string, number] => [name, Math.round(mean(runs.map((run) => run.structure?.[name] ?? 0)) * SCALE) / SCALE]).filter(([, weight]) => weight !== 0),
  );
  return { ...first, bias: Math.round(mean(runs.map((run) => run.bias)) * SCALE) / SCALE, weights, structure };
}

function trainOnce(examples: readonly TTrainingExample[], config: TTrainerConfig, seed: number): TInjectionModel {
  const random = createRandom(seed);
  const structureIds = new Map<string, number>();
  const prepared = examples.map((example) => ({
    indices: Int32Array.from(toFeatureIndices(example.ngrams, config.groups, config.dimensions)),
    structure: Int32Array.from(
      example.structure.map((feature) => {
        let id = structureIds.get(feature);
        if (id === undefined) {
          id = structureIds.size;
          structureIds.set(feature, id);
        }
        return id;
      }),
    ),
    label: example.label,
    weight: example.weight ?? 1,
  }));
  const weights = new Float64Array(config.dimensions);
  const structure = new Float64Array(structureIds.size);
  let bias = 0;
  const ratio = new Float64Array(config.dimensions).fill(1);
  if (config.nbAlpha !== undefined) {
    const positive = new Float64Array(config.dimensions).fill(config.nbAlpha);
    const negative = new Float64Array(config.dimensions).fill(config.nbAlpha);
    for (const example of prepared) for (const index of example.indices) (example.label === 1 ? positive : negative)[index]! += example.weight;
    const positiveSum = positive.reduce((sum, value) => sum + value, 0);
    const negativeSum = negative.reduce((sum, value) => sum + value, 0);
    for (let index = 0; index < config.dimensions; index += 1) ratio[index] = Math.abs(Math.log(positive[index]! / positiveSum / (negative[index]! / negativeSum)));
  }
  const total = prepared.reduce((sum, example) => sum + example.weight, 0);
  const positives = prepared.reduce((sum, example) => sum + (example.label === 1 ? example.weight : 0), 0);
  // Balance the classes so the larger side does not dominate the loss.
  const classWeight = { 1: total / (2 * positives), 0: total / (2 * (total - positives)) };
  const order = prepared.map((_example, index) => index);
  for (let epoch = 0; epoch < config.epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = random.int(index + 1);
      [order[index], order[swap]] = [order[swap] as number, order[index] as number];
    }
    const learningRate = config.learningRate / (1 + epoch * 0.2);
    for (const exampleIndex of order) {
      const example = prepared[exampleIndex]!;
      const value = 1 / Math.sqrt(Math.max(1, example.indices.length));
      let logit = bias;
      for (const featureIndex of example.indices) logit += weights[featureIndex]! * value * ratio[featureIndex]!;
      for (const featureId of example.structure) logit += structure[featureId]! * config.structureValue;
      const gradient = (1 / (1 + Math.exp(-logit)) - example.label) * classWeight[example.label] * example.weight;
      bias -= learningRate * gradient * (config.biasRate ?? 0.1);
      for (const featureIndex of example.indices) {
        const current = weights[featureIndex]!;
        weights[featureIndex] = current - learningRate * (gradient * value * ratio[featureIndex]! + config.l2 * current);
      }
      for (const featureId of example.structure) {
        const current = structure[featureId]!;
        structure[featureId] = current - learningRate * (gradient * config.structureValue + config.structureL2 * current);
      }
    }
  }
  const structureWeights = Object.fromEntries(
    [...structureIds.entries()]
      .map(([feature, id]): [string, number] => [feature, Math.round(structure[id]! * SCALE) / SCALE])
      .filter(([, weight]) => weight !== 0)
      .sort(([left], [right]) => left.localeCompare(right)),
  );
  return {
    version: 3,
    groups: config.groups,
    dimensions: config.dimensions,
    bias: Math.round(bias * SCALE) / SCALE,
    scale: SCALE,
    weights: Array.from(weights, (weight, index) => Math.round(weight * ratio[index]! * SCALE)),
    structureValue: config.structureValue,
    structure: structureWeights,
  };
}

/** Probability of a cached feature view under a model (same arithmetic as `createInjectionClassifier`). */
export function predictView(model: TInjectionModel, view: TFeatureView): number {
  const groups = model.groups ?? ['words', 'wordChars'];
  const indices = toFeatureIndices(view.ngrams, groups, model.dimensions);
  const value = 1 / Math.sqrt(Math.max(1, indices.length));
  let logit = model.bias;
  for (const index of indices) logit += ((model.weights[index] ?? 0) / model.scale) * value;
  for (const feature of view.structure) logit += (model.structure?.[feature] ?? 0) * (model.structureValue ?? 0);
  return 1 / (1 + Math.exp(-logit));
}
