import { predictInjectionProbability } from './classifier';
import { extractTopSignalWords } from './classifier-evidence';
import { normalizeForScan } from './normalize';
import { matchInjectionRules, shortenEvidence, type TRuleHit } from './rules';
import { type TInjectionOptions, type TInjectionReason, type TInjectionResult } from './types';

/** Chosen on the dev split (see `scripts/train-injection.ts` output), never on test. */
export const DEFAULT_INJECTION_THRESHOLD = 0.5;

/** Hiding instructions in a comment or an encoding is itself suspicious, on top of the instruction. */
const OBFUSCATION_WEIGHT = 0.3;

export type TScoringContext = 'message' | 'document';

type TScoredText = { score: number; reasons: TInjectionReason[]; normalized: string };

/**
 * Scores one customer message (or any untrusted text) for prompt injection.
 * Rules give explainable, multilingual evidence; the classifier catches paraphrases no rule names.
 */
export function scoreInjection(text: string, options: TInjectionOptions = {}): TInjectionResult {
  const threshold = options.threshold ?? DEFAULT_INJECTION_THRESHOLD;
  const { score, reasons, normalized } = scoreTextInContext(text, 'message');
  const result: TInjectionResult = { score, flagged: score >= threshold, reasons };
  if (options.includeNormalized) result.normalized = normalized;
  return result;
}

/** Shared by `scoreInjection` and the document scanner, which weighs AI-addressed text higher. */
export function scoreTextInContext(text: string, context: TScoringContext): TScoredText {
  const scan = normalizeForScan(text);
  const reasonsByRule = new Map<string, TInjectionReason>();
  const addHit = (hit: TRuleHit, prefix: string): void => {
    const weight = context === 'document' ? (hit.rule.documentWeight ?? hit.rule.weight) : hit.rule.weight;
    const existing = reasonsByRule.get(hit.rule.id);
    if (existing && existing.weight >= weight) return;
    reasonsByRule.set(hit.rule.id, { family: hit.rule.family, rule: hit.rule.id, weight, evidence: shortenEvidence(prefix + hit.evidence) });
  };

  for (const hit of matchInjectionRules(scan.text)) addHit(hit, '');
  for (const segment of scan.decodedSegments) {
    const hits = matchInjectionRules(segment.text);
    if (hits.length === 0) continue;
    for (const hit of hits) addHit(hit, `[${segment.kind}] `);
    reasonsByRule.set(`obfuscation.${segment.kind}`, {
      family: 'obfuscation',
      rule: `obfuscation.${segment.kind}`,
      weight: OBFUSCATION_WEIGHT,
      evidence: shortenEvidence(segment.text),
    });
  }

  const classifierInput = [scan.text, ...scan.decodedSegments.map((segment) => segment.text)].join('\n');
  const probability = predictInjectionProbability(classifierInput);
  const reasons = [...reasonsByRule.values()];
  reasons.push({
    family: 'classifier',
    weight: round(probability),
    evidence: shortenEvidence(`p=${round(probability)}; ${extractTopSignalWords(classifierInput).join(', ') || 'no strong words'}`),
  });

  const score = combineWeights(reasons.map((reason) => reason.weight));
  reasons.sort((left, right) => right.weight - left.weight);
  return { score: round(score), reasons, normalized: scan.text };
}

/** Noisy-OR: independent pieces of evidence each get a chance to explain the text. */
function combineWeights(weights: number[]): number {
  return 1 - weights.reduce((remaining, weight) => remaining * (1 - Math.min(Math.max(weight, 0), 1)), 1);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
