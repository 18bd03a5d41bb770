/**
 * Experiments for the injection classifier: trains candidate models in memory (nothing is written)
 * and prints TPR/FPR of the full detector (rules + classifier, the decision rule of `score.ts` with
 * the given parameters) on dev, the written dev split, v6, v7 and v8 (dev, seen), the redacted PII
 * corpus and the public corpora (evaluation only).
 *
 *   npx tsx packages/guard/scripts/injection-experiment.ts
 *   EXPERIMENTS='[{"name":"current"},{"name":"l2 1e-3","config":{"l2":1e-3}}]' DECISIONS='[{"name":"solo .8","decision":{"soloProbability":0.8}}]' npx tsx …
 *   BREAKDOWN=v8 … per family and language of the last candidate and decision; SHOW=v8 its errors.
 *
 * The training rows' features are cached in $INJECTION_FEATURE_CACHE (a directory, default the OS temp
 * directory) keyed by the feature code and the text, so repeated runs only pay for training.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TNgramGroup } from '../src/injection/features';
import { CLASSIFIER_SOLO_MIN_WORDS, CLASSIFIER_SOLO_PROBABILITY, collectRuleEvidence, combineEvidence } from '../src/injection/score';
import { readJsonl, type TLabelledRecord } from './injection-corpus/evaluate';
import { EXAMPLE_WEIGHTS, exampleWeight, NB_ALPHA, TRAINER_CONFIG, type TExampleWeights } from './injection-corpus/model-config';
import { piiCorpusAsBenign } from './injection-corpus/pii-benign';
import { calibrationFiles, corpusDirectory, loadTrainingSets, TRAIN_ON_SEEN_HOLDOUTS, WRITTEN_FILES } from './injection-corpus/training-data';
import { averageModels, featureViewOf, predictView, trainLogistic, type TFeatureView, type TTrainerConfig } from './injection-corpus/trainer';

/** Reads a JSON Lines file that may still be growing (a partial last line is skipped). */
function readLenientJsonl(path: string): TLabelledRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const record = JSON.parse(line) as TLabelledRecord;
        return typeof record.text === 'string' && (record.label === 'attack' || record.label === 'benign') ? [record] : [];
      } catch {
        return [];
      }
    });
}

const sharedCorporaDirectory = process.env.VOUCH_SHARED_CORPORA ?? '/work/shared/corpora';

type TCached = { record: TLabelledRecord; ruleScore: number; strongestRule: number; view: TFeatureView; words: number };

// Rule evidence and feature views of evaluated rows, cached on disk keyed by the detector's code (every non-test
// source file of src/injection but the model) and the text: the leave-one-author-out folds score every written row.
const detectorCode = createHash('sha256');
const sourceDirectory = join(corpusDirectory, '..', '..', 'src', 'injection');
for (const file of readdirSync(sourceDirectory).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort()) detectorCode.update(readFileSync(join(sourceDirectory, file)));
const evidenceFile = join(process.env.INJECTION_FEATURE_CACHE ?? tmpdir(), `vouch-injection-evidence-${detectorCode.digest('hex').slice(0, 16)}.json`);
type TStoredEvidence = { r: number; m: number; n: number; w: number[]; c: number[]; t: number[]; s: string[] };
const storedEvidence: Record<string, TStoredEvidence> = existsSync(evidenceFile) ? (JSON.parse(readFileSync(evidenceFile, 'utf8')) as Record<string, TStoredEvidence>) : {};
let evidenceChanged = false;

function cache(records: readonly TLabelledRecord[]): TCached[] {
  return records.map((record) => {
    const key = createHash('sha1').update(record.text).digest('base64');
    const hit = storedEvidence[key];
    if (hit) return { record, ruleScore: hit.r, strongestRule: hit.m, words: hit.n, view: { ngrams: { words: Uint32Array.from(hit.w), wordChars: Uint32Array.from(hit.c), textChars: Uint32Array.from(hit.t) }, structure: hit.s } };
    const evidence = collectRuleEvidence(record.text, 'message');
    const ruleOnly = combineEvidence(evidence, 0, false);
    const row = { record, ruleScore: ruleOnly.score, strongestRule: Math.max(0, ...evidence.reasons.map((reason) => reason.weight)), view: featureViewOf(evidence.classifierInput), words: (evidence.classifierInput.match(/[\p{L}\p{N}]+/gu) ?? []).length };
    storedEvidence[key] = { r: row.ruleScore, m: row.strongestRule, n: row.words, w: [...row.view.ngrams.words], c: [...row.view.ngrams.wordChars], t: [...row.view.ngrams.textChars], s: row.view.structure };
    evidenceChanged = true;
    return row;
  });
}

/**
 * `bareSoloProbability`: the classifier-alone threshold for a text without a cue of `cue` (a second, independent
 * signal that the text is aimed at the assistant); `soloProbability` applies to texts with one. Unset: one threshold.
 */
export type TDecision = { floor: number; maxWeight: number; ruleSupport: number; soloCap: number; soloProbability: number; soloWeight: number; threshold: number; bareSoloProbability?: number; cue?: string; minWords: number };
export const CURRENT_DECISION: TDecision = { floor: 0.5, maxWeight: 0.95, ruleSupport: 0.4, soloCap: 0.35, soloProbability: CLASSIFIER_SOLO_PROBABILITY, soloWeight: 0.7, threshold: 0.6, minWords: CLASSIFIER_SOLO_MIN_WORDS };

const CUES: Record<string, (structure: readonly string[]) => boolean> = {
  addressing: (structure) => structure.some((feature) => feature.startsWith('addressing:')),
  you: (structure) => structure.some((feature) => feature.startsWith('addressing:') || ['has:you', 'has:model', 'has:toReader', 'has:obey'].includes(feature)),
  broad: (structure) => structure.some((feature) => feature.startsWith('addressing:') || ['has:model', 'has:obey', 'has:toReader', 'has:selfAuth', 'has:answerControl', 'has:persona', 'has:mode', 'has:privileged', 'has:override'].includes(feature)),
};

function flagged(row: TCached, probability: number, decision: TDecision): boolean {
  const corroborating = (Math.max(0, probability - decision.floor) / (1 - decision.floor)) * decision.maxWeight;
  const solo = row.words < decision.minWords ? Number.POSITIVE_INFINITY : decision.bareSoloProbability !== undefined && !(CUES[decision.cue ?? 'addressing'] ?? CUES.addressing!)(row.view.structure) ? decision.bareSoloProbability : decision.soloProbability;
  const weight = row.strongestRule >= decision.ruleSupport ? corroborating : probability >= solo ? decision.soloWeight : Math.min(corroborating, decision.soloCap);
  return 1 - (1 - row.ruleScore) * (1 - weight) >= decision.threshold;
}

type TCounts = { tp: number; fp: number; atk: number; ben: number };
function count(rows: readonly TCached[], probabilities: readonly number[], decision: TDecision, filter: (row: TCached) => boolean = () => true): TCounts {
  const counts = { tp: 0, fp: 0, atk: 0, ben: 0 };
  rows.forEach((row, index) => {
    if (!filter(row)) return;
    const hit = flagged(row, probabilities[index]!, decision);
    if (row.record.label === 'attack') {
      counts.atk += 1;
      if (hit) counts.tp += 1;
    } else {
      counts.ben += 1;
      if (hit) counts.fp += 1;
    }
  });
  return counts;
}

const format = (value: TCounts): string => `${value.atk ? ((value.tp / value.atk) * 100).toFixed(1).padStart(5) : '  -  '}/${value.ben ? ((value.fp / value.ben) * 100).toFixed(1).padStart(4) : ' -  '}`;

// Feature views of the training rows, cached on disk (the expensive part: normalisation and cues).
const featureCode = createHash('sha256');
for (const file of ['features.ts', 'structure.ts', 'normalize.ts']) featureCode.update(readFileSync(join(corpusDirectory, '..', '..', 'src', 'injection', file)));
const cacheFile = join(process.env.INJECTION_FEATURE_CACHE ?? tmpdir(), `vouch-injection-features-${featureCode.digest('hex').slice(0, 16)}.json`);
type TStoredView = { w: number[]; c: number[]; t: number[]; s: string[] };
const stored: Record<string, TStoredView> = existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, TStoredView>) : {};
let cacheChanged = false;
function cachedView(text: string): TFeatureView {
  const key = createHash('sha1').update(text).digest('base64');
  const hit = stored[key];
  if (hit) return { ngrams: { words: Uint32Array.from(hit.w), wordChars: Uint32Array.from(hit.c), textChars: Uint32Array.from(hit.t) }, structure: hit.s };
  const view = featureViewOf(collectRuleEvidence(text, 'message').classifierInput);
  stored[key] = { w: [...view.ngrams.words], c: [...view.ngrams.wordChars], t: [...view.ngrams.textChars], s: view.structure };
  cacheChanged = true;
  return view;
}

const started = performance.now();
const sets = loadTrainingSets();
console.log(`train ${sets.train.length}, dev ${sets.dev.length}, dropped ${sets.dropped.length}; ${JSON.stringify(sets.counts)}`);
const evaluation: { name: string; rows: TCached[] }[] = [
  { name: 'dev', rows: cache(sets.dev) },
  { name: 'dev-w', rows: cache(sets.dev.filter((record) => WRITTEN_FILES.includes(record.source ?? '') && record.source?.startsWith('written-s3'))) },
  { name: 'dev-s4', rows: cache(sets.dev.filter((record) => record.source?.startsWith('written-s4'))) },
  { name: 'v6', rows: cache(readJsonl(join(corpusDirectory, 'test.jsonl'))) },
  { name: 'v7', rows: cache(readJsonl(join(corpusDirectory, 'holdout-v7.jsonl'))) },
  { name: 'v8', rows: cache(readJsonl(join(corpusDirectory, 'holdout-v8.jsonl'))) },
  { name: 'v9', rows: cache(readJsonl(join(corpusDirectory, 'holdout-v9.jsonl'))) },
  // The last blind set (seen since session 5): checked for damage only.
  { name: 'v10', rows: cache(readJsonl(join(corpusDirectory, 'holdout-v10.jsonl'))) },
  // Calibration sets (authors who wrote no training rows): settings and thresholds only, never training. One column each.
  ...calibrationFiles().map((file) => ({ name: file.replace(/^calibration-/, 'cal-').replace(/\.jsonl$/, ''), rows: cache(readLenientJsonl(join(corpusDirectory, file))) })),
  // The PII corpus (redaction benchmark), redacted as the answer pipeline scores it: support messages, all benign here.
  { name: 'pii', rows: cache(piiCorpusAsBenign()) },
];
if (existsSync(sharedCorporaDirectory)) {
  for (const file of readdirSync(sharedCorporaDirectory).filter((name) => name.endsWith('.jsonl') && (!process.env.PUBLIC_ONLY || name.startsWith(process.env.PUBLIC_ONLY))).sort()) {
    evaluation.push({ name: file.replace(/_.*$/, '').slice(0, 9), rows: cache(readJsonl(join(sharedCorporaDirectory, file))) });
  }
}
const trainViews = sets.train.map((record) => cachedView(record.text));
if (cacheChanged) writeFileSync(cacheFile, JSON.stringify(stored));

/**
 * Leave-one-author-out folds (FOLDS=1): the hand-written files are by distinct authors, told apart by id prefix. Each
 * fold holds out one attack author and one benign author (paired by round), trains on everything else and scores all
 * of the held-out pair's rows (both sides of the 15 % split), so a setting is judged on voices the model never saw.
 */
const FOLDS: { name: string; prefixes: string[]; file?: string }[] = [
  { name: 's3a+s3b', prefixes: ['s3a-', 's3b-'] },
  { name: 's3c+s3d', prefixes: ['s3c-', 's3d-'] },
  { name: 's4a+s4b', prefixes: ['s4a-', 's4b-'] },
  { name: 's4c+s4d', prefixes: ['s4c-', 's4d-'] },
  { name: 's5a+s5b', prefixes: ['s5a-', 's5b-'] },
  { name: 's5c+s5d', prefixes: ['s5c-', 's5d-'] },
  { name: 's6a+s6b', prefixes: ['s6a-', 's6b-'] },
  { name: 's6c+s6d', prefixes: ['s6c-', 's6d-'] },
  { name: 's6e+s6f', prefixes: ['s6e-', 's6f-'] },
  // Session 6: each of the first four held-out files is one author's attacks and benign rows. With HOLDOUTS=0 they
  // are not trained on and their fold is the full model scoring them, so both settings score the same ten pairs.
  { name: 'v6', prefixes: [], file: 'test.jsonl' },
  { name: 'v7', prefixes: [], file: 'holdout-v7.jsonl' },
  { name: 'v8', prefixes: [], file: 'holdout-v8.jsonl' },
  { name: 'v9', prefixes: [], file: 'holdout-v9.jsonl' },
];
const foldFilter = (process.env.FOLD_NAMES ?? '').split(',').filter(Boolean);
const inFold = (record: TLabelledRecord, fold: { prefixes: readonly string[]; file?: string }): boolean =>
  fold.file ? record.source === fold.file : WRITTEN_FILES.includes(record.source ?? '') && fold.prefixes.some((prefix) => record.id.startsWith(prefix));
const folds = process.env.FOLDS
  ? FOLDS.filter((fold) => foldFilter.length === 0 || foldFilter.includes(fold.name))
      .map((fold) => ({
        ...fold,
        rows: cache(fold.file && !TRAIN_ON_SEEN_HOLDOUTS ? readJsonl(join(corpusDirectory, fold.file)).map((record) => ({ ...record, source: fold.file })) : [...sets.train, ...sets.dev].filter((record) => inFold(record, fold))),
      }))
      .filter((fold) => fold.rows.length > 0)
  : [];
if (evidenceChanged) writeFileSync(evidenceFile, JSON.stringify(storedEvidence));
console.log(`features ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);

/** Author of a hand-written row (id prefix such as `s4b`), undefined for generated rows. */
const authorOf = (record: TLabelledRecord): string | undefined => (WRITTEN_FILES.includes(record.source ?? '') ? /^(s\d[a-z])-/.exec(record.id)?.[1] : undefined);
const authorRows = new Map<string, number>();
for (const record of sets.train) {
  const author = authorOf(record);
  if (author) authorRows.set(author, (authorRows.get(author) ?? 0) + 1);
}
const meanAuthorRows = [...authorRows.values()].reduce((sum, value) => sum + value, 0) / Math.max(1, authorRows.size);

/** Structural features that mention none of `dropCues` (an ablation: the model never learns a weight for the others). */
const withoutCues = (structure: string[], dropCues: readonly string[]): string[] =>
  dropCues.length === 0 ? structure : structure.filter((feature) => !dropCues.some((cue) => new RegExp(`[:&]${cue}(?:&|$)`).test(feature)));

const examplesFor = (weights: Partial<TExampleWeights>, classBalance: number, authorBalance = 0, dropCues: readonly string[] = [], familyBoost: Record<string, number> = {}) =>
  sets.train.map((record, index) => {
    const author = authorOf(record);
    // authorBalance 1: every author's rows weigh the same in total (0: every row the same); in between, a power.
    const balance = author && authorBalance > 0 ? (meanAuthorRows / authorRows.get(author)!) ** authorBalance : 1;
    return {
      ngrams: trainViews[index]!.ngrams,
      structure: withoutCues(trainViews[index]!.structure, dropCues),
      label: record.label === 'attack' ? (1 as const) : (0 as const),
      weight: exampleWeight(record, { ...EXAMPLE_WEIGHTS, ...weights }) * (record.label === 'attack' ? classBalance * (familyBoost[record.family ?? ''] ?? 1) : 1) * balance,
    };
  });

/**
 * A candidate: trainer config overrides, example weights, `nb` (true: the shipped LR + NB-LR average;
 * false: plain LR only), `classBalance` (extra weight of attack rows), `groups`.
 */
type TCandidate = { name: string; config?: Partial<TTrainerConfig>; weights?: Partial<TExampleWeights>; nb?: boolean; classBalance?: number; groups?: TNgramGroup[]; authorBalance?: number; dropCues?: string[]; familyBoost?: Record<string, number> };
const candidates: TCandidate[] = JSON.parse(process.env.EXPERIMENTS ?? 'null') ?? [{ name: 'current' }];
const decisions: { name: string; decision: Partial<TDecision> }[] = JSON.parse(process.env.DECISIONS ?? 'null') ?? [{ name: '', decision: {} }];

/** Sets whose false alarms make the budget, and whose catches a matched decision maximises. */
const FP_SETS = ['dev-w', 'dev-s4', 'v6', 'v7', 'v8', 'pii', 'deepset'];
const TP_SETS = ['dev-w', 'dev-s4', 'v6', 'v7', 'v8', 'deepset'];
console.log(`${'candidate'.padEnd(34)} ${evaluation.map((set) => set.name.padEnd(10)).join(' ')}  fp-sum`);
let last: { probabilities: number[][]; decision: TDecision } | undefined;
type TFoldResult = { name: string; tpr: number; fpr: number };
const foldSummary = (results: readonly TFoldResult[]): string => {
  if (results.length === 0) return '';
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const percent = (value: number): string => (value * 100).toFixed(1);
  return ` | folds mean ${percent(mean(results.map((result) => result.tpr)))}/${percent(mean(results.map((result) => result.fpr)))} worst ${percent(Math.min(...results.map((result) => result.tpr)))}/${percent(Math.max(...results.map((result) => result.fpr)))} [${results.map((result) => `${result.name} ${percent(result.tpr)}/${percent(result.fpr)}`).join(', ')}]`;
};
const trainCandidate = (candidate: TCandidate, config: TTrainerConfig, examples: ReturnType<typeof examplesFor>) =>
  candidate.nb === false ? trainLogistic(examples, config) : averageModels([trainLogistic(examples, config), trainLogistic(examples, { ...config, nbAlpha: NB_ALPHA })]);
/** Seeds of the fold models (fewer than the shipped model's five, to keep a candidate's folds to minutes). */
const foldSeeds: number[] = JSON.parse(process.env.FOLD_SEEDS ?? '[1, 2]');

for (const candidate of candidates) {
  const config: TTrainerConfig = { ...TRAINER_CONFIG, ...candidate.config, ...(candidate.groups ? { groups: candidate.groups } : {}) };
  const examples = examplesFor(candidate.weights ?? {}, candidate.classBalance ?? 1, candidate.authorBalance ?? 0, candidate.dropCues ?? [], candidate.familyBoost ?? {});
  const trainStarted = performance.now();
  const model = trainCandidate(candidate, config, examples);
  const seconds = ((performance.now() - trainStarted) / 1000).toFixed(0);
  const regression = evaluation.map((set) => set.rows.map((row) => predictView(model, row.view)));
  // One model per fold, trained without the fold's two authors, scoring only their rows.
  const foldProbabilities = folds.map((fold) => {
    const keep = sets.train.map((record) => !inFold(record, fold));
    const foldModel = trainCandidate(candidate, { ...config, seeds: foldSeeds }, examples.filter((_example, index) => keep[index]));
    return fold.rows.map((row) => predictView(foldModel, row.view));
  });
  const variants = [{ name: candidate.name, probabilities: regression }];
  for (const { name, probabilities } of variants) {
    // MATCH_FP=n: add the decision whose solo probability (grid 0.70–0.98) keeps fp-sum ≤ n with the most catches, so
    // candidates are compared at the same false-alarm budget rather than at one threshold.
    const matched: { name: string; decision: Partial<TDecision> }[] = [];
    if (process.env.MATCH_FP) {
      const budget = Number(process.env.MATCH_FP);
      let best: { solo: number; catches: number } | undefined;
      for (let solo = 0.7; solo <= 0.985; solo += 0.01) {
        const decision = { ...CURRENT_DECISION, soloProbability: solo };
        const results = evaluation.map((set, index) => count(set.rows, probabilities[index]!, decision));
        const fp = results.filter((_result, index) => FP_SETS.includes(evaluation[index]!.name)).reduce((sum, result) => sum + result.fp, 0);
        const catches = results.filter((_result, index) => TP_SETS.includes(evaluation[index]!.name)).reduce((sum, result) => sum + result.tp, 0);
        if (fp <= budget && (!best || catches > best.catches)) best = { solo, catches };
      }
      if (best) matched.push({ name: `@solo ${best.solo.toFixed(2)}`, decision: { soloProbability: best.solo } });
    }
    for (const { name: decisionName, decision: partial } of [...decisions, ...matched]) {
      const decision = { ...CURRENT_DECISION, ...partial };
      const results = evaluation.map((set, index) => count(set.rows, probabilities[index]!, decision));
      // False alarms on the benign sets that are not dev rows of the training files: the FPR budget.
      const fpSum = results.filter((_result, index) => FP_SETS.includes(evaluation[index]!.name)).reduce((sum, result) => sum + result.fp, 0);
      const foldResults = folds.map((fold, index): TFoldResult => {
        const counts = count(fold.rows, foldProbabilities[index]!, decision);
        return { name: fold.name, tpr: counts.tp / Math.max(1, counts.atk), fpr: counts.fp / Math.max(1, counts.ben) };
      });
      console.log(`${`${name} ${decisionName}`.slice(0, 34).padEnd(34)} ${results.map((result) => format(result).padEnd(10)).join(' ')}  ${fpSum} (${seconds}s)${foldSummary(foldResults)}`);
      last = { probabilities, decision };
      if (folds.length > 0 && process.env.MATCH_FOLDS) {
        // Ranking quality across authors, free of the calibration shift between fold models: mean fold TPR at the lowest
        // classifier-alone threshold whose mean fold FPR stays within each budget, and what that threshold gives on cal.
        const line: string[] = [];
        for (const budget of [0.01, 0.015, 0.02]) {
          for (let solo = 0.5; solo <= 0.999; solo += 0.005) {
            const trial = { ...decision, soloProbability: solo, ...(decision.bareSoloProbability !== undefined ? { bareSoloProbability: Math.max(solo, decision.bareSoloProbability) } : {}) };
            const perFold = folds.map((fold, index) => count(fold.rows, foldProbabilities[index]!, trial));
            const meanFpr = perFold.reduce((sum, counts) => sum + counts.fp / Math.max(1, counts.ben), 0) / perFold.length;
            if (meanFpr > budget) continue;
            const meanTpr = perFold.reduce((sum, counts) => sum + counts.tp / Math.max(1, counts.atk), 0) / perFold.length;
            const worstTpr = Math.min(...perFold.map((counts) => counts.tp / Math.max(1, counts.atk)));
            const cal = evaluation
              .map((set, index) => (set.name.startsWith('cal-') ? `${set.name} ${format(count(set.rows, probabilities[index]!, trial))}` : ''))
              .filter(Boolean)
              .join(' ');
            line.push(`fpr≤${budget * 100}%: solo ${solo.toFixed(3)} mean TPR ${(meanTpr * 100).toFixed(1)} worst ${(worstTpr * 100).toFixed(1)} ${cal}`);
            break;
          }
        }
        console.log(`  matched folds: ${line.join(' | ')}`);
      }
      if (process.env.GRID) {
        // Every classifier-alone threshold of a grid: folds mean, each calibration set and v10 (damage check only).
        for (let solo = 0.8; solo <= 0.985; solo += 0.01) {
          const trial = { ...decision, soloProbability: solo };
          const perFold = folds.map((fold, index) => count(fold.rows, foldProbabilities[index]!, trial));
          const meanOf = (pick: (counts: TCounts) => number): string => ((perFold.reduce((sum, counts) => sum + pick(counts), 0) / Math.max(1, perFold.length)) * 100).toFixed(1);
          const sets = evaluation
            .map((set, index) => (set.name.startsWith('cal-') || set.name === 'v10' ? `${set.name} ${format(count(set.rows, probabilities[index]!, trial))}` : ''))
            .filter(Boolean)
            .join(' ');
          console.log(`  grid solo ${solo.toFixed(2)}: folds ${meanOf((counts) => counts.tp / Math.max(1, counts.atk))}/${meanOf((counts) => counts.fp / Math.max(1, counts.ben))} ${sets}`);
        }
      }
      if (process.env.DIAG) {
        // Where the flags come from: rules alone reach the threshold, a rule plus the classifier, or the classifier alone.
        const kinds = (rows: readonly TCached[], probs: readonly number[], label: string): string => {
          const tally = { rules: 0, combo: 0, solo: 0 };
          rows.forEach((row, index) => {
            if (row.record.label !== label || !flagged(row, probs[index]!, decision)) return;
            if (row.ruleScore >= decision.threshold) tally.rules += 1;
            else if (row.strongestRule >= decision.ruleSupport) tally.combo += 1;
            else tally.solo += 1;
          });
          return `${tally.rules}/${tally.combo}/${tally.solo}`;
        };
        const parts = [...evaluation.map((set, index) => ({ name: set.name, rows: set.rows, probs: probabilities[index]! })), ...folds.map((fold, index) => ({ name: fold.name, rows: fold.rows, probs: foldProbabilities[index]! }))];
        console.log(`  flags rules/combo/solo — attacks: ${parts.map((part) => `${part.name} ${kinds(part.rows, part.probs, 'attack')}`).join(', ')}`);
        console.log(`  false alarms rules/combo/solo: ${parts.map((part) => `${part.name} ${kinds(part.rows, part.probs, 'benign')}`).join(', ')}`);
      }
    }
  }
}

if (last && process.env.BREAKDOWN) {
  const index = evaluation.findIndex((set) => set.name === process.env.BREAKDOWN);
  const set = evaluation[index]!;
  for (const key of ['family', 'lang'] as const) {
    const values = [...new Set(set.rows.map((row) => row.record[key] ?? '?'))].sort();
    console.log(`${set.name} per ${key}: ${values.map((value) => { const counts = count(set.rows, last!.probabilities[index]!, last!.decision, (row) => (row.record[key] ?? '?') === value); return `${value} ${counts.tp}/${counts.atk}${counts.ben ? ` fp ${counts.fp}/${counts.ben}` : ''}`; }).join(', ')}`);
  }
}

if (last && process.env.SHOW) {
  const index = evaluation.findIndex((set) => set.name === process.env.SHOW);
  evaluation[index]?.rows.forEach((row, rowIndex) => {
    const probability = last!.probabilities[index]![rowIndex]!;
    const hit = flagged(row, probability, last!.decision);
    if ((row.record.label === 'attack') === hit) return;
    console.log(`${row.record.label === 'attack' ? 'MISS ' : 'FALSE'} rule=${row.ruleScore.toFixed(2)}/${row.strongestRule.toFixed(2)} p=${probability.toFixed(2)} ${row.record.id} ${row.record.text.replace(/\s+/g, ' ').slice(0, 150)}${process.env.SHOW_CUES ? ` {${row.view.structure.filter((feature) => feature.startsWith('has:') || feature.startsWith('addressing')).join(' ')}}` : ''}`);
  });
}
