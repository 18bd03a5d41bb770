/**
 * Experiments for the injection classifier: trains candidate models in memory (nothing is written)
 * and prints TPR/FPR of the full detector (rules + classifier, the decision rule of `score.ts` with
 * the given parameters) on dev, v6, v7 (dev, seen) and the public corpora (evaluation only).
 *
 *   npx tsx packages/guard/scripts/injection-experiment.ts
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectRuleEvidence, combineEvidence } from '../src/injection/score';
import { readJsonl, type TLabelledRecord } from './injection-corpus/evaluate';
import { piiCorpusAsBenign } from './injection-corpus/pii-benign';
import { corpusDirectory, loadTrainingSets, WRITTEN_FILES } from './injection-corpus/training-data';
import { featureViewOf, predictView, trainLogistic, type TFeatureView, type TTrainerConfig } from './injection-corpus/trainer';

const sharedCorporaDirectory = process.env.VOUCH_SHARED_CORPORA ?? '/work/shared/corpora';

type TCached = { label: 'attack' | 'benign'; id: string; ruleScore: number; strongestRule: number; view: TFeatureView; words: number };

function cache(records: readonly TLabelledRecord[]): TCached[] {
  return records.map((record) => {
    const evidence = collectRuleEvidence(record.text, 'message');
    const ruleOnly = combineEvidence(evidence, 0, false);
    return { label: record.label, id: record.id, ruleScore: ruleOnly.score, strongestRule: Math.max(0, ...evidence.reasons.map((reason) => reason.weight)), view: featureViewOf(evidence.classifierInput), words: (evidence.classifierInput.match(/\p{L}+/gu) ?? []).length };
  });
}

export type TDecision = { shortWords?: number; shortSolo?: number; floor: number; maxWeight: number; ruleSupport: number; soloCap: number; soloProbability: number; soloWeight: number; threshold: number };
export const CURRENT_DECISION: TDecision = { floor: 0.5, maxWeight: 0.95, ruleSupport: 0.4, soloCap: 0.35, soloProbability: 0.75, soloWeight: 0.7, threshold: 0.6 };

function flagged(row: TCached, probability: number, decision: TDecision): boolean {
  const corroborating = (Math.max(0, probability - decision.floor) / (1 - decision.floor)) * decision.maxWeight;
  const solo = row.words < (decision.shortWords ?? 0) ? (decision.shortSolo ?? 1) : decision.soloProbability;
  const weight = row.strongestRule >= decision.ruleSupport ? corroborating : probability >= solo ? decision.soloWeight : Math.min(corroborating, decision.soloCap);
  return 1 - (1 - row.ruleScore) * (1 - weight) >= decision.threshold;
}

function metrics(rows: readonly TCached[], probabilities: readonly number[], decision: TDecision): { tpr: number; fpr: number; atk: number; ben: number; tp: number; fp: number } {
  let tp = 0;
  let fp = 0;
  let atk = 0;
  let ben = 0;
  rows.forEach((row, index) => {
    const hit = flagged(row, probabilities[index]!, decision);
    if (row.label === 'attack') {
      atk += 1;
      if (hit) tp += 1;
    } else {
      ben += 1;
      if (hit) fp += 1;
    }
  });
  return { tpr: atk ? tp / atk : Number.NaN, fpr: ben ? fp / ben : Number.NaN, atk, ben, tp, fp };
}

const started = performance.now();
const sets = loadTrainingSets();
console.log(`train ${sets.train.length}, dev ${sets.dev.length}, dropped ${sets.dropped.length}; ${JSON.stringify(sets.counts)}`);
const evaluation: { name: string; rows: TCached[] }[] = [
  { name: 'dev', rows: cache(sets.dev) },
  { name: 'dev-s3', rows: cache(sets.dev.filter((record) => WRITTEN_FILES.includes(record.source ?? ''))) },
  { name: 'v6', rows: cache(readJsonl(join(corpusDirectory, 'test.jsonl'))) },
  { name: 'v7', rows: cache(readJsonl(join(corpusDirectory, 'holdout-v7.jsonl'))) },
];
// The PII corpus (redaction benchmark), redacted as the answer pipeline scores it: support messages, all benign here.
evaluation.push({ name: 'pii', rows: cache(piiCorpusAsBenign()) });
if (existsSync(sharedCorporaDirectory)) {
  for (const file of readdirSync(sharedCorporaDirectory).filter((name) => name.endsWith('.jsonl')).sort()) {
    evaluation.push({ name: file.replace(/_.*$/, ''), rows: cache(readJsonl(join(sharedCorporaDirectory, file))) });
  }
}
const trainViews = sets.train.map((record) => featureViewOf(normalizeInput(record.text)));
type TWeighting = { written?: number; grammar?: number; generated?: number };
const examplesFor = (weighting: TWeighting) =>
  sets.train.map((record, index) => ({
    ...trainViews[index]!,
    label: record.label === 'attack' ? (1 as const) : (0 as const),
    weight: WRITTEN_FILES.includes(record.source ?? '') ? (weighting.written ?? 1) : record.source === 'grammar.jsonl' ? (weighting.grammar ?? 1) : (weighting.generated ?? 1),
  }));
console.log(`features cached in ${((performance.now() - started) / 1000).toFixed(0)} s`);

function normalizeInput(text: string): string {
  return collectRuleEvidence(text, 'message').classifierInput;
}

const BASE: TTrainerConfig = { groups: ['words', 'wordChars'], dimensions: 1 << 16, epochs: 4, learningRate: 0.8, l2: 3e-3, structureL2: 3e-3, structureValue: 0.35, seed: 7 };
const configs: { name: string; config: TTrainerConfig; weighting?: TWeighting; members?: Partial<TTrainerConfig>[] }[] = JSON.parse(process.env.EXPERIMENTS ?? 'null') ?? [{ name: 'base', config: BASE }];
const decisions: { name: string; decision: TDecision }[] = JSON.parse(process.env.DECISIONS ?? 'null') ?? [{ name: 'current', decision: CURRENT_DECISION }];

const format = (value: { tpr: number; fpr: number }): string => `${Number.isNaN(value.tpr) ? '  -  ' : (value.tpr * 100).toFixed(1).padStart(5)}/${Number.isNaN(value.fpr) ? ' -  ' : (value.fpr * 100).toFixed(1).padStart(4)}`;
console.log(`${'candidate'.padEnd(40)} ${evaluation.map((set) => set.name.padEnd(11)).join(' ')}`);
const logit = (probability: number): number => Math.log(Math.max(probability, 1e-9) / Math.max(1 - probability, 1e-9));
for (const { name, config, weighting, members } of configs) {
  const full = { ...BASE, ...config };
  const models = (members ?? [{}]).map((member) => trainLogistic(examplesFor(weighting ?? {}), { ...full, ...member }));
  const probabilities = evaluation.map((set) => set.rows.map((row) => 1 / (1 + Math.exp(-models.reduce((sum, model) => sum + logit(predictView(model, row.view)), 0) / models.length))));
  for (const { name: decisionName, decision } of decisions) {
    const cells = evaluation.map((set, index) => format(metrics(set.rows, probabilities[index]!, { ...CURRENT_DECISION, ...decision })).padEnd(11));
    console.log(`${`${name} ${decisionName}`.padEnd(40)} ${cells.join(' ')}`);
  }
}

// SHOW=<set name>: false alarms and misses of the last candidate and decision on that set.
if (process.env.SHOW) {
  const last = configs[configs.length - 1]!;
  const decision = { ...CURRENT_DECISION, ...decisions[decisions.length - 1]!.decision };
  const model = trainLogistic(examplesFor(last.weighting ?? {}), { ...BASE, ...last.config });
  const set = evaluation.find((candidate) => candidate.name === process.env.SHOW)!;
  const texts = new Map([...sets.dev, ...readJsonl(join(corpusDirectory, 'holdout-v7.jsonl')), ...readJsonl(join(corpusDirectory, 'test.jsonl'))].map((record) => [record.id, record.text]));
  for (const row of set.rows) {
    const probability = predictView(model, row.view);
    const hit = flagged(row, probability, decision);
    if ((row.label === 'attack') === hit) continue;
    console.log(`${row.label === 'attack' ? 'MISS ' : 'FALSE'} rule=${row.ruleScore.toFixed(2)} p=${probability.toFixed(2)} ${row.id} ${(texts.get(row.id) ?? '').replace(/\s+/g, ' ').slice(0, 150)}`);
  }
}
