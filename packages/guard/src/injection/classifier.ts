import { extractRawNgrams, hashFeature, toFeatureIndices, type TNgramGroup } from './features';
import model from './model.json';
import { classifierView } from './structure';

/**
 * Logistic regression over hashed n-grams and structural cues, trained by
 * `scripts/train-injection.ts` on the repo's corpus. Weights are stored as integers
 * (weight × scale) in a dense array to keep the JSON small; it is imported statically so the
 * library needs no file system access.
 */
export type TInjectionModel = {
  version: number;
  /** n-gram groups the model was trained on (`features.ts`); absent in version 2 models. */
  groups?: TNgramGroup[];
  dimensions: number;
  bias: number;
  scale: number;
  weights: number[];
  structureValue?: number;
  structure?: Record<string, number>;
};

export type TInjectionClassifier = {
  /** Probability in [0, 1] that the scan copy is an injection, according to the trained model alone. */
  predict: (scanText: string) => number;
  /** Trained weight of a word unigram, for explaining a prediction. */
  wordWeight: (word: string) => number;
  /** Trained weight of a named structural feature (0 when unknown). */
  structureWeight: (feature: string) => number;
};

const LEGACY_GROUPS: TNgramGroup[] = ['words', 'wordChars'];

export function createInjectionClassifier(injectionModel: TInjectionModel): TInjectionClassifier {
  const groups = injectionModel.groups ?? LEGACY_GROUPS;
  const structureWeights = new Map(Object.entries(injectionModel.structure ?? {}));
  const structureValue = injectionModel.structureValue ?? 0;
  if (injectionModel.weights.length > 0 && injectionModel.weights.length !== injectionModel.dimensions) {
    throw new Error(`injection model has ${injectionModel.weights.length} weights for ${injectionModel.dimensions} dimensions; retrain it`);
  }
  const weight = (index: number): number => (injectionModel.weights[index] ?? 0) / injectionModel.scale;
  return {
    predict: (scanText) => {
      if (injectionModel.weights.length === 0) return 0;
      const view = classifierView(scanText);
      const indices = toFeatureIndices(extractRawNgrams(view.ngramText, groups), groups, injectionModel.dimensions);
      let logit = injectionModel.bias;
      // Binary features scaled by 1/√n so that long and short messages are comparable.
      const featureValue = 1 / Math.sqrt(Math.max(1, indices.length));
      for (const index of indices) logit += weight(index) * featureValue;
      // Structural cues (`structure.ts`) have a constant value: a relation such as "override & config"
      // counts the same in a one-line message and inside a long e-mail.
      for (const feature of view.structure) logit += (structureWeights.get(feature) ?? 0) * structureValue;
      return sigmoid(logit);
    },
    wordWeight: (word) => weight(hashFeature(`w:${word}`, injectionModel.dimensions)),
    structureWeight: (feature) => structureWeights.get(feature) ?? 0,
  };
}

const defaultClassifier = createInjectionClassifier(model as TInjectionModel);

/** Probability in [0, 1] that the scan copy is an injection, according to the shipped model. */
export function predictInjectionProbability(scanText: string): number {
  return defaultClassifier.predict(scanText);
}

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** Trained weight of a word unigram in the shipped model. */
export function wordWeight(word: string): number {
  return defaultClassifier.wordWeight(word);
}

/** Trained weight of a named structural feature (0 when unknown). */
export function structureWeight(feature: string): number {
  return defaultClassifier.structureWeight(feature);
}
