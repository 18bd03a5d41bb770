/**
 * Before/after aid for redaction changes: loads `redact` from another copy of this package's sources (e.g. the
 * session-start commit) beside the working tree's, in one process.
 *
 *   git archive <commit> packages/guard/src | tar -x -C /tmp/before
 *   npx tsx bench/redaction/compare-trees.ts /tmp/before outputs   # every output compared, differences listed
 *   npx tsx bench/redaction/compare-trees.ts /tmp/before speed 30  # CPU time, alternating passes, new/old
 *   npx tsx bench/redaction/compare-trees.ts /tmp/before recognizers  # each recogniser's gate + detect, per tree
 *
 * `outputs` redacts every corpus record (as written, upper-cased, NBSP-spaced), 3,000 random corpus-fragment
 * texts (joined by spaces or CRLF), two long joins and the 1 MB bench transcript with four option sets (default,
 * threshold 0.3, hash/mask operators, threshold 0.05 with includeText) and the records with one shared session,
 * and compares text and entities. `speed` prints the median CPU µs a message of each tree and the median of the
 * per-pair ratios, for all, benign and PII-bearing records (both trees' code is loaded, so absolute µs read
 * higher than in a process of its own; compare the ratio).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { redact as redactNew, RedactionSession as SessionNew } from '../../src/redact/index';
import { type TRedactOptions, type TRedactResult } from '../../src/redact/types';
import { generateTranscript } from './transcript';

type TRedact = (text: string, options?: TRedactOptions) => TRedactResult;

const otherRoot = process.argv[2];
const mode = process.argv[3] ?? 'outputs';
if (!otherRoot) throw new Error('usage: compare-trees.ts <other copy (holding packages/guard/src)> [outputs|speed|recognizers] [pairs]');
const other = (await import(pathToFileURL(resolve(otherRoot, 'packages/guard/src/redact/index.ts')).href)) as {
  redact: TRedact;
  RedactionSession: new () => NonNullable<TRedactOptions['session']>;
};

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../corpora/pii');
const benign: string[] = [];
const pii: string[] = [];
for (const file of ['hard-negatives', 'positives']) {
  for (const line of readFileSync(join(dir, `${file}.jsonl`), 'utf8').split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as { text: string; entities?: unknown[] };
    (record.entities?.length ? pii : benign).push(record.text);
  }
}
const records = [...benign, ...pii];

if (mode === 'recognizers') {
  // Each recogniser's gate and detect on the corpus messages its gate opens, per tree, in separate rounds (as
  // the pipeline calls them: the gate right before detect, at threshold 0.5 with the scoring floor set).
  type TRecognizerModule = {
    BUILT_IN_RECOGNIZERS: readonly { type: string; mayMatch?: (f: unknown, t: number, text: string) => boolean; detect: (text: string) => unknown }[];
  };
  const load = async (root: string): Promise<[TRecognizerModule, (t: string) => unknown, (n: number) => number]> => {
    const base = resolve(root, 'packages/guard/src/redact');
    const recognizers = (await import(pathToFileURL(join(base, 'recognizers/index.ts')).href)) as TRecognizerModule;
    const { scanText } = (await import(pathToFileURL(join(base, 'prefilter.ts')).href)) as { scanText: (t: string) => unknown };
    const { setScoringFloor } = (await import(pathToFileURL(join(base, 'context.ts')).href)) as { setScoringFloor: (n: number) => number };
    return [recognizers, scanText, setScoringFloor];
  };
  const trees = [
    ['other', await load(otherRoot)],
    ['this', await load(join(dirname(fileURLToPath(import.meta.url)), '../../../..'))],
  ] as const;
  const cpu = (): number => {
    const used = process.cpuUsage();
    return used.user + used.system;
  };
  const rows = new Map<string, string[]>();
  for (const [name, [recognizers, scanText, setScoringFloor]] of trees) {
    setScoringFloor(0.5);
    for (const recognizer of recognizers.BUILT_IN_RECOGNIZERS) {
      const open = records.filter((t) => !recognizer.mayMatch || recognizer.mayMatch(scanText(t), 0.5, t));
      const features = open.map((t) => scanText(t));
      let best = Infinity;
      for (let round = 0; round < 5; round++) {
        const started = cpu();
        for (let r = 0; r < 100; r++) {
          for (let k = 0; k < open.length; k++) {
            recognizer.mayMatch?.(features[k], 0.5, open[k]!);
            recognizer.detect(open[k]!);
          }
        }
        if (round > 0) best = Math.min(best, (cpu() - started) / 100 / Math.max(1, open.length));
      }
      rows.set(recognizer.type, [...(rows.get(recognizer.type) ?? []), `${name} ${best.toFixed(2)} µs (${open.length} open)`]);
    }
  }
  console.log('µs per gate-open corpus message, gate + detect (best of 4 rounds of 100 passes):');
  for (const [type, cells] of rows) console.log(`${type.padEnd(15)} ${cells.join('   ')}`);
} else if (mode === 'speed') {
  const pairs = Number(process.argv[4] ?? 30);
  const cpu = (): number => {
    const used = process.cpuUsage();
    return used.user + used.system;
  };
  const pass = (fn: TRedact, texts: readonly string[]): number => {
    const started = cpu();
    for (const text of texts) fn(text);
    return (cpu() - started) / texts.length;
  };
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  for (const [name, texts] of [['all', records], ['benign', benign], ['pii', pii]] as const) {
    for (let i = 0; i < 5; i++) {
      pass(other.redact, texts);
      pass(redactNew, texts);
    }
    const old: number[] = [];
    const now: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      // Which tree runs first alternates, so neither gains from the other having just touched the same strings.
      let a: number;
      let b: number;
      if (i % 2 === 0) {
        a = pass(other.redact, texts);
        b = pass(redactNew, texts);
      } else {
        b = pass(redactNew, texts);
        a = pass(other.redact, texts);
      }
      old.push(a);
      now.push(b);
      ratios.push(b / a);
    }
    console.log(`${name.padEnd(6)} ${String(texts.length).padStart(4)} messages: other ${median(old).toFixed(2)} µs, this ${median(now).toFixed(2)} µs, this/other ${median(ratios).toFixed(3)}`);
  }
} else {
  // A fixed-seed generator: the same fragments on every run.
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const fragments: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 5);
    for (let k = 0; k < count; k++) {
      const text = records[Math.floor(random() * records.length)]!;
      const at = Math.floor(random() * text.length);
      parts.push(text.slice(at, at + 5 + Math.floor(random() * 60)));
    }
    fragments.push(parts.join(random() < 0.5 ? ' ' : '\r\n'));
  }
  const texts = [
    ...records,
    ...records.map((t) => t.toUpperCase()),
    ...records.map((t) => t.replace(/ /g, '\u00A0')),
    ...fragments,
    records.join('\n'),
    records.slice(0, 200).join('\r\n'),
    generateTranscript(1_000_000).text,
  ];
  const optionSets: (() => TRedactOptions)[] = [
    () => ({}),
    () => ({ threshold: 0.3 }),
    () => ({ operators: { PHONE: 'hash', EMAIL: 'mask' }, hashKey: 'compare-trees-hash-key' }),
    () => ({ threshold: 0.05, includeText: true }),
  ];
  const show = (r: TRedactResult): string => JSON.stringify({ text: r.text, entities: r.entities });
  let compared = 0;
  let differ = 0;
  const report = (text: string): void => {
    differ++;
    if (differ <= 5) console.log('differs:', JSON.stringify(text).slice(0, 300));
  };
  for (const options of optionSets) {
    for (const text of texts) {
      compared++;
      if (show(redactNew(text, options())) !== show(other.redact(text, options()))) report(text);
    }
  }
  const sessionNew = new SessionNew();
  const sessionOther = new other.RedactionSession();
  for (const text of records) {
    compared++;
    if (show(redactNew(text, { session: sessionNew })) !== show(other.redact(text, { session: sessionOther }))) report(text);
  }
  console.log(`compared ${compared} outputs, ${differ} differ`);
}
