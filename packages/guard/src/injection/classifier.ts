import { extractFeatureIndices, FEATURE_DIMENSIONS, hashFeature } from './features';
import model from './model.json';
import { classifierView } from './structure';

/**
 * Logistic regression over hashed n-grams, trained by `scripts/train-injection.ts` on the repo's
 * corpus. Weights are stored as integers (weight × scale) in a dense array to keep the JSON small;
 * it is imported statically so the library needs no file system access.
 */
type TInjectionModel = { version: number; dimensions: number; bias: number; scale: number; weights: number[]; structureValue?: number; structure?: Record<string, number> };

const injectionModel: TInjectionModel = model;
const structureWeights = new Map(Object.entries(injectionModel.structure ?? {}));
const structureValue = injectionModel.structureValue ?? 0;

if (injectionModel.weights.length > 0 && injectionModel.dimensions !== FEATURE_DIMENSIONS) {
  throw new Error(`injection model has ${injectionModel.dimensions} dimensions, features use ${FEATURE_DIMENSIONS}; retrain it`);
}

/** Probability in [0, 1] that the scan copy is an injection, according to the trained model alone. */
export function predictInjectionProbability(scanText: string): number {
  if (injectionModel.weights.length === 0) return 0;
  const view = classifierView(scanText);
  const indices = extractFeatureIndices(view.ngramText);
  if (indices.length === 0) return sigmoid(injectionModel.bias);
  // Binary features scaled by 1/√n so that long and short messages are comparable.
  const featureValue = 1 / Math.sqrt(indices.length);
  let logit = injectionModel.bias;
  for (const index of indices) logit += ((injectionModel.weights[index] ?? 0) / injectionModel.scale) * featureValue;
  // Structural cues (`structure.ts`) have a constant value: a relation such as "override & config"
  // counts the same in a one-line message and inside a long e-mail.
  for (const feature of view.structure) logit += (structureWeights.get(feature) ?? 0) * structureValue;
  return sigmoid(logit);
}

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** Feature index of a word unigram, for explaining a prediction. */
export function hashWord(word: string): number {
  return hashFeature(`w:${word}`);
}

export function modelWeight(index: number): number {
  return (injectionModel.weights[index] ?? 0) / injectionModel.scale;
}

/** Trained weight of a named structural feature (0 when unknown). */
export function structureWeight(feature: string): number {
  return structureWeights.get(feature) ?? 0;
}
