import { describe, expect, it } from 'vitest';
import { buildLineDiff } from './diff-rows';

describe('buildLineDiff', () => {
  it('marks added and removed lines with their line numbers', () => {
    const diff = buildLineDiff('# Refunds\nWithin 14 days.\nKeep the receipt.\n', '# Refunds\nWithin 30 days.\nKeep the receipt.\n');
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.rows).toEqual([
      { kind: 'same', text: '# Refunds', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'Within 14 days.', oldLine: 2, newLine: null },
      { kind: 'added', text: 'Within 30 days.', oldLine: null, newLine: 2 },
      { kind: 'same', text: 'Keep the receipt.', oldLine: 3, newLine: 3 },
    ]);
  });

  it('treats a missing final newline as the same last line', () => {
    const diff = buildLineDiff('a\nb', 'a\nb\nc');
    expect(diff.added).toBe(1);
    expect(diff.rows.filter((r) => r.kind === 'added')).toEqual([{ kind: 'added', text: 'c', oldLine: null, newLine: 3 }]);
  });

  it('folds long unchanged runs into a gap that keeps the hidden lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const after = [...lines.slice(0, 10), 'inserted', ...lines.slice(10)];
    const diff = buildLineDiff(`${lines.join('\n')}\n`, `${after.join('\n')}\n`, 2);
    const kinds = diff.rows.map((r) => r.kind);
    expect(kinds).toEqual(['gap', 'same', 'same', 'added', 'same', 'same', 'gap']);
    const first = diff.rows[0]!;
    expect(first.kind === 'gap' && first.hidden.length).toBe(8);
  });

  it('reports no changes for identical texts', () => {
    const diff = buildLineDiff('same\n', 'same\n');
    expect(diff.added + diff.removed).toBe(0);
  });
});
