/**
 * Prompt-injection benchmark: Vouch vs @andersmyrmel/vard vs @presidio-dev/hai-guardrails
 * (offline modes only), same process, same corpora.
 *
 *   npx tsx packages/guard/bench/injection.ts
 *
 * Rows: v11 and v12 (blind once after session 6), v10 (blind once after session 5, seen since), the calibration sets of sessions 6 and 5 (settings chosen on them,
 * never trained on), the dev side (15 %) of v6–v9 (training data since session 6) and of the written files (s3–s6), then
 * each public corpus in /work/shared/corpora (or
 * $VOUCH_SHARED_CORPORA) when present. Those files are read in place for evaluation only; they
 * are never copied into the repo or used for training. Prints figures, asserts nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBinary, readJsonl, type TBinaryMetrics, type TLabelledRecord } from '../scripts/injection-corpus/evaluate';
import { loadTrainingSets, TRAINED_HOLDOUT_FILES, WRITTEN_FILES } from '../scripts/injection-corpus/training-data';
import { loadDetectors, type TDetector } from './injection/detectors';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const sharedCorporaDirectory = process.env.VOUCH_SHARED_CORPORA ?? '/work/shared/corpora';

type TCorpus = { name: string; records: TLabelledRecord[] };
type TRow = { corpus: string; detector: string; metrics?: TBinaryMetrics; messagesPerSecond?: number; note?: string };

function writtenDevSplits(): TCorpus[] {
  const all = loadTrainingSets().dev;
  const dev = all.filter((record) => WRITTEN_FILES.includes(record.source ?? ''));
  return [
    // v6–v9 were blind once each and are training data since session 6: only their dev side (15 %) is scored.
    { name: 'vouch v6-v9 dev side', records: all.filter((record) => TRAINED_HOLDOUT_FILES.includes(record.source ?? '')) },
    { name: 'vouch written dev (s3)', records: dev.filter((record) => record.source?.startsWith('written-s3')) },
    { name: 'vouch written dev (s4)', records: dev.filter((record) => record.source?.startsWith('written-s4')) },
    { name: 'vouch written dev (s5)', records: dev.filter((record) => record.source?.startsWith('written-s5')) },
    { name: 'vouch written dev (s6)', records: dev.filter((record) => record.source?.startsWith('written-s6')) },
  ];
}

function loadCorpora(): TCorpus[] {
  const corpora: TCorpus[] = [
    // Written blind by a sixth and a seventh author outside the repository in session 6, committed after the detector
    // was frozen and measured once by the lead (see corpora/injection/holdout-v11.README.md and -v12.README.md).
    { name: 'vouch v11 (blind, 6th author)', records: readJsonl(join(packageRoot, 'corpora', 'injection', 'holdout-v11.jsonl')) },
    { name: 'vouch v12 (blind, 7th author)', records: readJsonl(join(packageRoot, 'corpora', 'injection', 'holdout-v12.jsonl')) },
    // Written blind by a fifth author outside the repository in session 5, committed after the detector was frozen
    // and measured once by the lead (87.2 % / 1.2 %, see corpora/injection/holdout-v10.README.md). Seen since (only
    // checked for damage), never trained on.
    { name: 'vouch v10 (dev, seen)', records: readJsonl(join(packageRoot, 'corpora', 'injection', 'holdout-v10.jsonl')) },
    // Calibration sets (authors who wrote no training rows, see corpora/injection/calibration-s*.README.md): thresholds
    // and settings were chosen on them (s6 in session 6, s5 in sessions 5 and 6), so they are seen; never trained on.
    { name: 'vouch calibration s6 (dev, seen)', records: readJsonl(join(packageRoot, 'corpora', 'injection', 'calibration-s6.jsonl')) },
    { name: 'vouch calibration s5 (dev, seen)', records: readJsonl(join(packageRoot, 'corpora', 'injection', 'calibration-s5.jsonl')) },
    // The dev side (15 %) of the hand-written session-3 and session-4 files; the other 85 % is training material.
    ...writtenDevSplits(),
  ];
  if (!existsSync(sharedCorporaDirectory)) {
    console.log(`shared corpora not found at ${sharedCorporaDirectory}, skipped`);
    return corpora;
  }
  for (const file of readdirSync(sharedCorporaDirectory).filter((name) => name.endsWith('.jsonl')).sort()) {
    corpora.push({ name: file.replace(/\.jsonl$/, ''), records: readJsonl(join(sharedCorporaDirectory, file)) });
  }
  return corpora;
}

async function measure(detector: TDetector, records: readonly TLabelledRecord[]): Promise<{ metrics: TBinaryMetrics; messagesPerSecond: number }> {
  const isFlagged = detector.isFlagged;
  if (!isFlagged) throw new Error(`${detector.name} cannot run`);
  const flags = new Map<string, boolean>();
  const started = performance.now();
  for (const record of records) flags.set(record.text, await isFlagged(record.text));
  const seconds = (performance.now() - started) / 1000;
  return { metrics: measureBinary(records, (text) => flags.get(text) ?? false), messagesPerSecond: records.length / Math.max(seconds, 1e-9) };
}

function formatTable(rows: TRow[]): string {
  const percent = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const header = ['corpus', 'detector', 'n (atk/ben)', 'TPR', 'FPR', 'F1', 'msg/s'];
  const cells = rows.map((row) =>
    row.metrics
      ? [row.corpus, row.detector, `${row.metrics.attacks + row.metrics.benign} (${row.metrics.attacks}/${row.metrics.benign})`, percent(row.metrics.tpr), percent(row.metrics.fpr), Number.isNaN(row.metrics.f1) ? 'n/a' : row.metrics.f1.toFixed(3), Math.round(row.messagesPerSecond ?? 0).toLocaleString('en-US')]
      : [row.corpus, row.detector, '-', '-', '-', '-', `skipped: ${row.note ?? ''}`],
  );
  const widths = header.map((title, column) => Math.max(title.length, ...cells.filter((cell) => !cell[6]?.startsWith('skipped')).map((cell) => (cell[column] ?? '').length)));
  const line = (cell: string[]): string => cell.map((value, column) => (column === cell.length - 1 ? value : value.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const detectors = await loadDetectors();
  const corpora = loadCorpora();
  const rows: TRow[] = [];
  for (const corpus of corpora) {
    for (const detector of detectors) {
      if (detector.skipped) {
        if (corpus === corpora[0]) rows.push({ corpus: corpus.name, detector: detector.name, note: detector.skipped });
        continue;
      }
      rows.push({ corpus: corpus.name, detector: detector.name, ...(await measure(detector, corpus.records)) });
    }
  }
  console.log(`Prompt-injection benchmark (node ${process.version}); TPR on attacks, FPR on benign rows; n/a where a corpus has no rows of that label.\n`);
  console.log(formatTable(rows));
  // hai-guardrails keeps (crashed) worker threads referenced; do not wait for them.
  process.exit(0);
}

await main();
