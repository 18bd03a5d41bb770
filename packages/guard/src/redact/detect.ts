import { BUILT_IN_RECOGNIZERS, compileCustomRecognizer, DEFAULT_CUSTOM_PATTERN_MAX_INPUT, type TRecognizer } from './recognizers/index';
import { setScoringFloor } from './context';
import { scanText } from './prefilter';
import { mayContainSpokenDigits, normalizeSpokenDigits } from './spoken-digits';
import { BUILT_IN_ENTITY_TYPES, type TDetection, type TRedactOptions } from './types';

export const DEFAULT_THRESHOLD = 0.5;

export type TDetectionPlan = {
  recognizers: readonly TRecognizer[];
  threshold: number;
  /** Skip recognisers the single-pass prefilter rules out (default). `false` runs every recogniser (tests compare both). */
  prefilter?: boolean;
};

const planCache = new WeakMap<readonly unknown[], readonly TRecognizer[]>();

/** Compiles options once per distinct customEntities array (tenants reuse theirs on every message). */
const DEFAULT_PLAN: TDetectionPlan = Object.freeze({ recognizers: BUILT_IN_RECOGNIZERS, threshold: DEFAULT_THRESHOLD });

export function planDetection(options: TRedactOptions): TDetectionPlan {
  // The common call (`redact(text)`) allocates no plan at all.
  if (options.threshold === undefined && !options.customEntities?.length && !options.entities) return DEFAULT_PLAN;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError('threshold must be within 0..1');
  let custom: readonly TRecognizer[] = [];
  if (options.customEntities?.length) {
    const cached = planCache.get(options.customEntities);
    custom =
      cached ??
      options.customEntities.map((entity) =>
        compileCustomRecognizer(entity, BUILT_IN_ENTITY_TYPES, options.customPatternMaxInput ?? DEFAULT_CUSTOM_PATTERN_MAX_INPUT),
      );
    if (!cached && options.customPatternMaxInput === undefined) planCache.set(options.customEntities, custom);
  }
  const wanted = options.entities ? new Set<string>(options.entities) : null;
  const recognizers = [...BUILT_IN_RECOGNIZERS, ...custom].filter((r) => !wanted || wanted.has(r.type));
  return { recognizers, threshold };
}

/**
 * Above this length the single-pass prefilter is skipped: a long transcript contains the raw material of
 * nearly every recogniser somewhere, so every gate opens and the scan (~15 ns a character) is pure
 * overhead. Recognisers then run ungated, each still trying its regex only at its own candidate starts.
 */
export const PREFILTER_MAX_LENGTH = 32_768;

/** Every recogniser's candidates at or above threshold, overlaps resolved, sorted by start. */
export function detectEntities(text: string, plan: TDetectionPlan): TDetection[] {
  // The reference path (prefilter: false) scores every candidate in full.
  if (plan.prefilter === false) return collectDetections(text, plan);
  const previous = setScoringFloor(plan.threshold);
  try {
    return collectDetections(text, plan);
  } finally {
    setScoringFloor(previous);
  }
}

/** Whether any recogniser of the list also reads rewritten spelled-out digits; asked once per list. */
const readsSpokenCache = new WeakMap<readonly TRecognizer[], boolean>();
function anyReadsSpokenDigits(recognizers: readonly TRecognizer[]): boolean {
  let reads = readsSpokenCache.get(recognizers);
  if (reads === undefined) {
    reads = recognizers.some((r) => r.readsSpokenDigits === true);
    readsSpokenCache.set(recognizers, reads);
  }
  return reads;
}

function collectDetections(text: string, plan: TDetectionPlan): TDetection[] {
  const candidates: TDetection[] = [];
  const fast = plan.prefilter !== false;
  const features = fast && text.length <= PREFILTER_MAX_LENGTH ? scanText(text) : null;
  for (const recognizer of plan.recognizers) {
    if (features && recognizer.mayMatch && !recognizer.mayMatch(features, plan.threshold, text)) continue;
    const found = fast || !recognizer.detectExhaustively ? recognizer.detect(text) : recognizer.detectExhaustively(text);
    for (const d of found) candidates.push(d);
  }

  // No per-call closures on this path (it runs for every message): a cached flag, a plain loop below.
  const readsSpoken = (!features || mayContainSpokenDigits(features)) && anyReadsSpokenDigits(plan.recognizers);
  const spoken = readsSpoken ? normalizeSpokenDigits(text, fast) : null;
  if (spoken) {
    for (const recognizer of plan.recognizers) {
      if (!recognizer.readsSpokenDigits) continue;
      let found: TDetection[];
      if (fast && recognizer.detectRange) {
        // Outside the windows the rewritten text reads like the input: matches there are duplicates of the
        // first pass (same span and score, which resolveOverlaps drops), so only the windows are scanned.
        found = [];
        for (const [from, to] of spoken.windows) for (const d of recognizer.detectRange(spoken.text, from, to)) found.push(d);
      } else found = fast || !recognizer.detectExhaustively ? recognizer.detect(spoken.text) : recognizer.detectExhaustively(spoken.text);
      for (const d of found) {
        const start = spoken.sourceStart(d.start);
        const end = spoken.sourceEnd(d.end - 1);
        if (start !== undefined && end !== undefined) candidates.push({ ...d, start, end, value: spoken.text.slice(d.start, d.end) });
      }
    }
  }
  const kept: TDetection[] = [];
  for (const c of candidates) if (c.score >= plan.threshold && c.end > c.start) kept.push(c);
  // `kept` is this call's own array: resolved in place, without the defensive copy.
  return kept.length <= 1 ? kept : resolveOverlapsInPlace(kept, text.length);
}

/** The overlap order: highest score first, then the longest span, then the earliest start. */
const byPriority = (a: TDetection, b: TDetection): number => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;

/** Highest score wins, then the longest span; the loser is dropped entirely (no partial spans). */
export function resolveOverlaps(candidates: TDetection[], textLength: number): TDetection[] {
  return resolveOverlapsInPlace([...candidates], textLength);
}

/**
 * `resolveOverlaps` on an array the caller gives up (it is reordered). A message with PII has a handful of
 * candidates: they are ordered by a stable insertion sort with the same comparison as `Array.prototype.sort`
 * (also stable, so the order is the same, ties included), and the accepted spans (disjoint, so their starts
 * differ) likewise by start; no comparator closures or sort calls per message. Tested against the sort-based
 * reference with distinguishable ties.
 */
function resolveOverlapsInPlace(ordered: TDetection[], textLength: number): TDetection[] {
  const accepted: TDetection[] = [];
  if (ordered.length <= 32) {
    for (let i = 1; i < ordered.length; i++) {
      const item = ordered[i]!;
      let j = i - 1;
      while (j >= 0 && byPriority(ordered[j]!, item) > 0) {
        ordered[j + 1] = ordered[j]!;
        j--;
      }
      ordered[j + 1] = item;
    }
    // A short message has a handful of candidates: comparing spans beats allocating a text-long bitmap
    // (a plain loop: no closure per candidate).
    for (const candidate of ordered) {
      let free = true;
      for (const a of accepted) {
        if (a.start < candidate.end && candidate.start < a.end) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      let j = accepted.length - 1;
      accepted.push(candidate);
      while (j >= 0 && accepted[j]!.start > candidate.start) {
        accepted[j + 1] = accepted[j]!;
        j--;
      }
      accepted[j + 1] = candidate;
    }
    return accepted;
  }
  ordered.sort(byPriority);
  const taken = new Uint8Array(textLength);
  for (const candidate of ordered) {
    let free = true;
    for (let i = candidate.start; i < candidate.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    accepted.push(candidate);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
