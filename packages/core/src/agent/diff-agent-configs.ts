import { diffLines } from 'diff';
import type { TAgentConfig } from './agent-config';

export interface TTextDiffPart {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

export interface TConfigChange {
  /** Dotted path of the field, e.g. `persona`, `provider.model`, `escalation.afterFailedAnswers`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
  /** Free-text fields (instructions, greeting): a line diff. */
  text?: TTextDiffPart[];
  /** Lists of plain values (topics, sources, domains): what was added and removed. */
  items?: { added: unknown[]; removed: unknown[] };
}

/** Fields compared as text: a reader wants to see which lines of the instructions changed. */
const TEXT_FIELDS = new Set(['persona', 'greeting']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function textDiff(before: string, after: string): TTextDiffPart[] {
  const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  return diffLines(withNewline(before), withNewline(after)).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

function compare(path: string, before: unknown, after: unknown, out: TConfigChange[]): void {
  if (same(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      compare(path ? `${path}.${key}` : key, before[key], after[key], out);
    }
    return;
  }
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const change: TConfigChange = { path, kind, before: before ?? null, after: after ?? null };
  if (TEXT_FIELDS.has(path) && typeof before === 'string' && typeof after === 'string') change.text = textDiff(before, after);
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every((v) => typeof v !== 'object' || v === null)) {
    change.items = { added: after.filter((v) => !before.some((b) => same(b, v))), removed: before.filter((v) => !after.some((a) => same(a, v))) };
  }
  out.push(change);
}

/**
 * Field-by-field differences between two parsed configs (defaults applied, so an old version
 * and a new one compare by behaviour, not by which fields happened to be stored).
 */
export function diffAgentConfigs(before: TAgentConfig, after: TAgentConfig): TConfigChange[] {
  const out: TConfigChange[] = [];
  compare('', before, after, out);
  return out;
}
