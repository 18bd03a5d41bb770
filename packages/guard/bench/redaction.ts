/**
 * Redaction benchmark: Vouch vs redact-pii (SyncRedactor) vs @openredaction/openredaction in one process,
 * on two workloads: the labelled corpus in corpora/pii (short, dense messages) and one ~1 MB chat transcript
 * that is mostly benign (bench/redaction/transcript.ts, fixed seed). A third table gives quality only on the
 * independent authors' sets in corpora/pii-blind (written by people who never read the recognisers; see their
 * READMEs for which were measured blind). Prints figures; asserts nothing.
 *   pnpm --filter @vouch/guard bench      (or: npx tsx bench/redaction.ts)
 *   BENCH_TRANSCRIPT_BYTES=0 skips the transcript; OPENREDACTION_TRANSCRIPT=0 skips openredaction on it
 *   (one pass of it takes minutes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCounts, countMatches, sumCounts, summarize, type TCounts, type TSpan } from './redaction/metrics';
import { createOpenRedactionSystem, createRedactPiiSystem, type TSystem, vouchSystem } from './redaction/peers';
import { generateTranscript } from './redaction/transcript';

type TRecord = { id: string; text: string; entities: TSpan[] };

const TYPES = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'PERSON', 'STREET_ADDRESS', 'DATE_OF_BIRTH', 'PASSPORT', 'NATIONAL_ID', 'SECRET'];
/** Per system: throughput is timed in interleaved rounds (one corpus pass per system per round). */
const MIN_MEASURE_MS = 2_000;
const MIN_ROUNDS = 3;

function loadCorpus(folder: 'pii' | 'pii-blind'): TRecord[] {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../corpora', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as TRecord));
}

type TEvaluation = { counts: Map<string, TCounts>; benignTouched: number; benignTotal: number; mbPerSecond: number; iterations: number };

async function evaluate(system: TSystem, corpus: readonly TRecord[]): Promise<TEvaluation> {
  const counts = new Map<string, TCounts>();
  let benignTouched = 0;
  let benignTotal = 0;
  for (const record of corpus) {
    const predicted = await system.detect(record.text);
    addCounts(counts, countMatches(predicted, record.entities, TYPES));
    if (record.entities.length === 0) {
      benignTotal++;
      if (predicted.length > 0) benignTouched++;
    }
  }
  return { counts, benignTouched, benignTotal, mbPerSecond: 0, iterations: 0 };
}

/**
 * Throughput after the quality pass (which doubles as warm-up). Systems take turns, one whole corpus
 * pass each per round, until every system has run MIN_MEASURE_MS and MIN_ROUNDS: on a shared machine
 * the load then weighs on all systems alike, so the speed-up ratios are stable even when MB/s are not.
 */
async function measureThroughput(systems: readonly TSystem[], corpus: readonly TRecord[], results: Map<string, TEvaluation>): Promise<void> {
  const bytes = corpus.reduce((sum, r) => sum + Buffer.byteLength(r.text, 'utf8'), 0);
  const elapsed = new Map(systems.map((s) => [s.name, 0]));
  let rounds = 0;
  while (rounds < MIN_ROUNDS || systems.some((s) => elapsed.get(s.name)! < MIN_MEASURE_MS)) {
    for (const system of systems) {
      const started = performance.now();
      for (const record of corpus) await system.detect(record.text);
      elapsed.set(system.name, elapsed.get(system.name)! + performance.now() - started);
    }
    rounds++;
  }
  for (const system of systems) {
    const result = results.get(system.name)!;
    result.iterations = rounds;
    result.mbPerSecond = (bytes * rounds) / 1e6 / (elapsed.get(system.name)! / 1000);
  }
}

const f2 = (n: number) => n.toFixed(2);
const fmtPrf = (c: TCounts | undefined, supported: boolean) => {
  if (!c || c.found + c.missed === 0) return '      –        ';
  const s = summarize(c);
  return `${f2(s.precision)} ${f2(s.recall)} ${f2(s.f1)}${supported ? ' ' : '*'}`;
};

function qualityLines(title: string, corpus: readonly TRecord[], systems: readonly TSystem[], results: Map<string, TEvaluation>): string[] {
  const goldCount = corpus.reduce((n, r) => n + r.entities.length, 0);
  const mb = corpus.reduce((sum, r) => sum + Buffer.byteLength(r.text, 'utf8'), 0) / 1e6;
  const lines: string[] = [];
  lines.push(`${title}: ${corpus.length} records (${corpus.filter((r) => r.entities.length === 0).length} benign), ${goldCount} gold entities, ${mb.toFixed(2)} MB; Node ${process.version}`);
  lines.push('Cells: precision recall F1 (span match: same type and IoU ≥ 0.5, or prediction inside gold). * = type not supported by that system (counts as missed).');
  lines.push('');
  const header = `${'entity'.padEnd(22)}${systems.map((s) => s.name.padEnd(18)).join('')}`;
  lines.push(header, '-'.repeat(header.length));
  for (const type of TYPES) {
    const gold = [...results.values()][0]?.counts.get(type);
    const n = gold ? gold.found + gold.missed : 0;
    lines.push(`${`${type} (${n})`.padEnd(22)}${systems.map((s) => fmtPrf(results.get(s.name)?.counts.get(type), s.supports.includes(type)).padEnd(18)).join('')}`);
  }
  lines.push('-'.repeat(header.length));
  lines.push(`${'OVERALL'.padEnd(22)}${systems.map((s) => fmtPrf(sumCounts(results.get(s.name)!.counts.values()), true).padEnd(18)).join('')}`);
  lines.push(`${'benign touched'.padEnd(22)}${systems.map((s) => { const r = results.get(s.name)!; return `${r.benignTouched}/${r.benignTotal} (${((100 * r.benignTouched) / r.benignTotal).toFixed(1)}%)`.padEnd(18); }).join('')}`);
  return lines;
}

async function evaluateAll(systems: readonly TSystem[], corpus: readonly TRecord[]): Promise<Map<string, TEvaluation>> {
  const results = new Map<string, TEvaluation>();
  for (const system of systems) results.set(system.name, await evaluate(system, corpus));
  return results;
}

async function main(): Promise<void> {
  const corpus = loadCorpus('pii');
  const systems = [vouchSystem, createRedactPiiSystem(), createOpenRedactionSystem()];
  const results = await evaluateAll(systems, corpus);
  await measureThroughput(systems, corpus, results);

  const lines = qualityLines('Corpus', corpus, systems, results);
  lines.push(`${'throughput MB/s'.padEnd(22)}${systems.map((s) => `${results.get(s.name)!.mbPerSecond.toFixed(3)} (${results.get(s.name)!.iterations}×)`.padEnd(18)).join('')}`);
  const vouch = results.get('vouch')!.mbPerSecond;
  lines.push(`${'vouch speed-up'.padEnd(22)}${systems.map((s) => `${(vouch / results.get(s.name)!.mbPerSecond).toFixed(1)}×`.padEnd(18)).join('')}`);
  lines.push('');
  lines.push('"benign touched": records without any gold entity where the system redacted something (any type, mapped or not).');
  console.log(lines.join('\n'));

  const blind = loadCorpus('pii-blind');
  console.log(`\n${qualityLines('Independent authors (corpora/pii-blind, quality only)', blind, systems, await evaluateAll(systems, blind)).join('\n')}`);

  const transcriptBytes = Number(process.env.BENCH_TRANSCRIPT_BYTES ?? 1_000_000);
  if (transcriptBytes > 0) console.log(`\n${await benchTranscript(systems, transcriptBytes)}`);
}

/**
 * The second workload: one long transcript redacted in one call, mostly benign text (the common case).
 * The first pass per system gives quality and warms up; then systems take turns as above. openredaction
 * needs minutes per pass, so its single first pass is its timing (still in the same process and run).
 */
async function benchTranscript(systems: readonly TSystem[], targetBytes: number): Promise<string> {
  const { text, entities } = generateTranscript(targetBytes);
  const bytes = Buffer.byteLength(text, 'utf8');
  const skipped = process.env.OPENREDACTION_TRANSCRIPT === '0' ? new Set(['openredaction']) : new Set<string>();
  const timedOnce = new Set(['openredaction']);
  const rows = new Map<string, { counts: TCounts; predicted: number; ms: number; passes: number }>();
  for (const system of systems) {
    if (skipped.has(system.name)) continue;
    const started = performance.now();
    const predicted = await system.detect(text);
    const ms = performance.now() - started;
    const counts = sumCounts(countMatches(predicted, entities, TYPES).values());
    rows.set(system.name, { counts, predicted: predicted.length, ms: timedOnce.has(system.name) ? ms : 0, passes: timedOnce.has(system.name) ? 1 : 0 });
  }
  const repeated = systems.filter((s) => rows.has(s.name) && !timedOnce.has(s.name));
  while (repeated.some((s) => rows.get(s.name)!.passes < MIN_ROUNDS || rows.get(s.name)!.ms < MIN_MEASURE_MS)) {
    for (const system of repeated) {
      const row = rows.get(system.name)!;
      const started = performance.now();
      await system.detect(text);
      row.ms += performance.now() - started;
      row.passes++;
    }
  }
  const mbPerSecond = (name: string) => {
    const row = rows.get(name);
    return row ? (bytes * row.passes) / 1e6 / (row.ms / 1000) : NaN;
  };
  const vouch = mbPerSecond('vouch');
  const lines: string[] = [];
  lines.push(`Transcript: ${(bytes / 1e6).toFixed(2)} MB in one string, ${text.split('\n').length - 1} lines, ${entities.length} gold entities (≈3 % of turns carry PII)`);
  const header = `${''.padEnd(22)}${systems.map((s) => s.name.padEnd(18)).join('')}`;
  lines.push(header, '-'.repeat(header.length));
  const cell = (name: string, f: (row: { counts: TCounts; predicted: number; ms: number; passes: number }) => string) => {
    const row = rows.get(name);
    return (row ? f(row) : 'skipped').padEnd(18);
  };
  lines.push(`${'P R F1 (all types)'.padEnd(22)}${systems.map((s) => cell(s.name, (r) => fmtPrf(r.counts, true).trim())).join('')}`);
  lines.push(`${'spans reported'.padEnd(22)}${systems.map((s) => cell(s.name, (r) => String(r.predicted))).join('')}`);
  lines.push(`${'throughput MB/s'.padEnd(22)}${systems.map((s) => cell(s.name, (r) => `${mbPerSecond(s.name).toFixed(3)} (${r.passes}×)`)).join('')}`);
  lines.push(`${'vouch speed-up'.padEnd(22)}${systems.map((s) => cell(s.name, () => `${(vouch / mbPerSecond(s.name)).toFixed(1)}×`)).join('')}`);
  return lines.join('\n');
}

await main();
