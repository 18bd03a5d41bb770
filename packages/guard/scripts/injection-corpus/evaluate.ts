import { readFileSync } from 'node:fs';

/** Shared by the training script, the benchmark and the held-out test gate. */
export type TLabelledRecord = { id: string; text: string; label: 'attack' | 'benign'; family?: string; lang?: string; source?: string };

export function readJsonl(path: string): TLabelledRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      const record = JSON.parse(line) as Partial<TLabelledRecord>;
      if (typeof record.text !== 'string' || (record.label !== 'attack' && record.label !== 'benign')) {
        throw new Error(`${path}:${index + 1}: expected {"text": string, "label": "attack"|"benign"}`);
      }
      return record as TLabelledRecord;
    });
}

export type TBinaryMetrics = { attacks: number; benign: number; truePositives: number; falsePositives: number; tpr: number; fpr: number; f1: number };

export function measureBinary(records: readonly TLabelledRecord[], isFlagged: (text: string) => boolean): TBinaryMetrics {
  let truePositives = 0;
  let falsePositives = 0;
  let attacks = 0;
  for (const record of records) {
    const flagged = isFlagged(record.text);
    if (record.label === 'attack') {
      attacks += 1;
      if (flagged) truePositives += 1;
    } else if (flagged) falsePositives += 1;
  }
  const benign = records.length - attacks;
  const tpr = attacks === 0 ? Number.NaN : truePositives / attacks;
  const fpr = benign === 0 ? Number.NaN : falsePositives / benign;
  const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
  const f1 = attacks === 0 || precision + tpr === 0 ? Number.NaN : (2 * precision * tpr) / (precision + tpr);
  return { attacks, benign, truePositives, falsePositives, tpr, fpr, f1 };
}

export function formatMetrics(metrics: TBinaryMetrics): string {
  const percent = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  return `TPR ${percent(metrics.tpr)} (${metrics.truePositives}/${metrics.attacks})  FPR ${percent(metrics.fpr)} (${metrics.falsePositives}/${metrics.benign})  F1 ${Number.isNaN(metrics.f1) ? 'n/a' : metrics.f1.toFixed(3)}`;
}
