import { createInterface } from 'node:readline';
import { z } from 'zod';

export type TRecordId = string | number;

export const ZRecordId = z.union([z.string(), z.number()], { error: '"id" must be a string or a number' });

const ZRecord = z.object({
  id: ZRecordId,
  text: z.string({ error: '"text" must be a string' }),
});

function leniently(line: string): TRecordId | null {
  try {
    const id = (JSON.parse(line) as { id?: unknown } | null)?.id;
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/**
 * Reads `{"id","text"}` JSON Lines from stdin and writes one JSON line per input line, in
 * order. A bad line gets `{"id", "error"}` instead of being dropped, so outputs always pair with
 * inputs; returns how many lines failed. Streams with back-pressure, in constant memory.
 */
export async function mapJsonLines(handle: (record: { id: TRecordId; text: string }) => object): Promise<number> {
  return mapJsonLinesWith(ZRecord, async (record) => handle(record), 'expected {"id", "text"}');
}

/**
 * The same contract for any record shape and an async handler: lines are processed one after
 * another (outputs stay in input order), and a handler error becomes that line's `error`.
 */
export async function mapJsonLinesWith<T extends { id: TRecordId }>(
  schema: z.ZodType<T>,
  handle: (record: T) => Promise<object>,
  shapeHint: string,
): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failed = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    let output: object;
    try {
      if (line.trim() === '') throw new Error('empty line');
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error('not valid JSON');
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? shapeHint);
      output = { id: parsed.data.id, ...(await handle(parsed.data)) };
    } catch (error) {
      failed += 1;
      output = { id: leniently(line), error: `line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!process.stdout.write(`${JSON.stringify(output)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  return failed;
}

export function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threshold = Number(value);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new Error(`--threshold must be a number between 0 and 1, got ${value}`);
  }
  return threshold;
}
