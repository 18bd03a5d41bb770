/**
 * The shipped classifier's training configuration, shared by `scripts/train-injection.ts` (writes
 * `model.json`) and `scripts/injection-experiment.ts` (trains candidates in memory), so an experiment's
 * "current" row is exactly the model the trainer writes.
 */
import { type TInjectionModel } from '../../src/injection/classifier';
import { type TLabelledRecord } from './evaluate';
import { TRAINED_HOLDOUT_FILES, WRITTEN_FILES } from './training-data';
import { averageModels, trainLogistic, type TTrainerConfig, type TTrainingExample } from './trainer';

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
 * Session 4 (with the session-4 written rows): L2 1.5e-4 on the n-grams (was 3e-4) together with the classifier-alone
 * threshold 0.8 (was 0.85, `score.ts`) catches more on the written dev splits, v6, v7, v8 and deepset at the same total
 * of false alarms; L2 1e-4 was within noise of it, a heavier structural L2 (2e-2), grammar at 0.2 and written rows at
 * 8 were not better at that budget. A one-hidden-layer network (16 units over 2^16 hashed features) mixed into the
 * logit was worse at every mix (its confidence on redacted PII messages: 2.8–10.5 % false alarms).
 *
 * Session 5 chose by generalisation across authors instead of dev-set score: `injection-experiment.ts FOLDS=1
 * MATCH_FOLDS=1` trains without one attack author and one benign author at a time (s3a+s3b, s3c+s3d, s4a+s4b,
 * s4c+s4d, s5a+s5b), and compares candidates by the mean held-out-author TPR at a matched mean held-out-author FPR
 * (1 %, 1.5 %, 2 %), then checks the calibration set. Dropping the in-word character grams (`wordChars`) was the one
 * change that won at every budget (77.8 / 81.8 / 84.7 % against 73.0 / 79.3 / 82.1 %, and more catches on the
 * calibration set at the same false alarms); the in-word grams memorise an author's spelling and morphology. Not
 * better across authors: L2 7.5e-5 or 3e-4, words alone, structural L2 3e-2 or structure value 0.6, plain LR without
 * the NB-LR half, two epochs, author-balanced row weights, attack rows at 0.6, written rows at 12, grammar at 0.1.
 */
export const TRAINER_CONFIG: TTrainerConfig = {
  groups: ['words', 'textChars'],
  dimensions: 1 << 18,
  epochs: 4,
  learningRate: 0.8,
  l2: 1.5e-4,
  structureL2: 1e-2,
  structureValue: 0.35,
  seed: 7,
  seeds: [1, 2, 3, 4, 5],
  biasRate: 1,
};

/** Smoothing of the naive-Bayes log-count ratios of the NB-LR half of the model. */
export const NB_ALPHA = 1;

/**
 * Hand-written rows (other authors, real support wording) count this many times a template row, and
 * grammar rows this much: the grammar and templates are many but repetitive, the written rows fewer
 * but varied. Grammar at 0.35 gave fewer false alarms on v7 and the written dev rows than at 1, at
 * the same v6 recall.
 */
export type TExampleWeights = { written: number; grammar: number; template: number; kb: number; holdout: number };
export const EXAMPLE_WEIGHTS: TExampleWeights = { written: 6, grammar: 0.35, template: 1, kb: 6, holdout: 6 };

/**
 * The knowledge-base policy files (the detector's author, one voice, sentences reused in 2–4-sentence rows) weighed 3
 * in session 3: at 1.5 or 2 the seeded data-protection article still flagged; recall on the attack sets was the same
 * at 1.5, 2 and 3. With the session-4 rows (data-exfiltration emphasis) that article flagged again (p 0.96) until
 * `written-s4-kb-benign.jsonl` was added and both files weigh 6, like the other written rows.
 */
const KB_FILES = ['written-s3-kb-benign.jsonl', 'written-s4-kb-benign.jsonl'];

export function exampleWeight(record: TLabelledRecord, weights: TExampleWeights = EXAMPLE_WEIGHTS): number {
  if (KB_FILES.includes(record.source ?? '')) return weights.kb;
  if (WRITTEN_FILES.includes(record.source ?? '')) return weights.written;
  if (TRAINED_HOLDOUT_FILES.includes(record.source ?? '')) return weights.holdout;
  return record.source === 'grammar.jsonl' ? weights.grammar : weights.template;
}

/**
 * Plain logistic regression and NB-LR make different mistakes (NB-LR fewer false alarms on long
 * ordinary messages, plain LR fewer on short hard negatives): the shipped model is their average.
 */
export function trainShippedModel(examples: readonly TTrainingExample[], config: TTrainerConfig = TRAINER_CONFIG, nbAlpha = NB_ALPHA): TInjectionModel {
  return averageModels([trainLogistic(examples, config), trainLogistic(examples, { ...config, nbAlpha })]);
}
