export type TSpan = { type: string; start: number; end: number };
/** tp/fp are counted over predictions, found/missed over gold spans (several predictions may cover one gold span). */
export type TCounts = { tp: number; fp: number; found: number; missed: number };

const zero = (): TCounts => ({ tp: 0, fp: 0, found: 0, missed: 0 });

/** A prediction counts when it has the gold type and IoU ≥ 0.5 with a gold span, or lies inside one. */
export function isSpanMatch(predicted: TSpan, gold: TSpan): boolean {
  if (predicted.type !== gold.type) return false;
  const overlap = Math.min(predicted.end, gold.end) - Math.max(predicted.start, gold.start);
  if (overlap <= 0) return false;
  const union = Math.max(predicted.end, gold.end) - Math.min(predicted.start, gold.start);
  const contained = predicted.start >= gold.start && predicted.end <= gold.end;
  return contained || overlap / union >= 0.5;
}

export function countMatches(predicted: readonly TSpan[], gold: readonly TSpan[], types: readonly string[]): Map<string, TCounts> {
  const counts = new Map<string, TCounts>(types.map((t) => [t, zero()]));
  for (const p of predicted) {
    const c = counts.get(p.type);
    if (!c) continue; // a type outside our scheme (a peer's URL or ZIP redactor) is neither right nor wrong here
    if (gold.some((g) => isSpanMatch(p, g))) c.tp++;
    else c.fp++;
  }
  for (const g of gold) {
    const c = counts.get(g.type);
    if (!c) continue;
    if (predicted.some((p) => isSpanMatch(p, g))) c.found++;
    else c.missed++;
  }
  return counts;
}

export function addCounts(into: Map<string, TCounts>, from: Map<string, TCounts>): void {
  for (const [type, c] of from) {
    const total = into.get(type) ?? zero();
    total.tp += c.tp;
    total.fp += c.fp;
    total.found += c.found;
    total.missed += c.missed;
    into.set(type, total);
  }
}

export function sumCounts(counts: Iterable<TCounts>): TCounts {
  const total = zero();
  for (const c of counts) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.found += c.found;
    total.missed += c.missed;
  }
  return total;
}

export function summarize(c: TCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.found + c.missed === 0 ? 0 : c.found / (c.found + c.missed);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
