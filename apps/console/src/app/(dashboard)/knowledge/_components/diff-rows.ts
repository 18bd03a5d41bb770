import { diffLines } from 'diff';

export type TDiffRow =
  | { kind: 'added' | 'removed' | 'same'; text: string; oldLine: number | null; newLine: number | null }
  | { kind: 'gap'; hidden: TDiffRow[] };

export interface TLineDiff {
  rows: TDiffRow[];
  added: number;
  removed: number;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  // diffLines keeps each line's newline, so a trailing "" is the end of the last line, not a line.
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * A line diff of two texts as rows with line numbers. Unchanged runs longer than twice the
 * context are folded into one "gap" row holding the lines it hides, so a reader can unfold it.
 */
export function buildLineDiff(before: string, after: string, context = 3): TLineDiff {
  const flat: Exclude<TDiffRow, { kind: 'gap' }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  // "b" and "b\n" are the same last line to a reader: compare with one final newline each.
  const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  for (const change of diffLines(withNewline(before), withNewline(after))) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        flat.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
        added += 1;
      } else if (change.removed) {
        flat.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
        removed += 1;
      } else {
        flat.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }

  const rows: TDiffRow[] = [];
  let i = 0;
  while (i < flat.length) {
    if (flat[i]!.kind !== 'same') {
      rows.push(flat[i]!);
      i += 1;
      continue;
    }
    let end = i;
    while (end < flat.length && flat[end]!.kind === 'same') end += 1;
    const run = flat.slice(i, end);
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = end === flat.length ? 0 : context;
    if (run.length > keepBefore + keepAfter + 1) {
      rows.push(...run.slice(0, keepBefore));
      rows.push({ kind: 'gap', hidden: run.slice(keepBefore, run.length - keepAfter) });
      rows.push(...run.slice(run.length - keepAfter));
    } else {
      rows.push(...run);
    }
    i = end;
  }
  return { rows, added, removed };
}
