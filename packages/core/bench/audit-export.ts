// Audit export throughput and memory. Prints figures, asserts nothing.
//   pnpm --filter @vouch/core bench:audit-export      (vouch_test database; BENCH_AUDIT_EVENTS, default 200000)
// Builds a synthetic, valid hash chain for a bench tenant (hashes computed in Node, rows inserted
// in multi-row batches as the owner role), exports it through writeAuditExport as the app role
// under RLS, verifies the export offline, and prints events/s and peak RSS, scaled to 1M events.
// Constant memory: with `node --expose-gc` (the bench script passes it) the live heap is sampled
// after a full GC at every tenth of the export; flat samples mean nothing accumulates, whatever
// the RSS peak (V8 grows its heap lazily before collecting). Run it under a capped heap too:
//   NODE_OPTIONS=--max-old-space-size=160 BENCH_AUDIT_EVENTS=1000000 pnpm --filter @vouch/core bench:audit-export
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { loadTestEnv } from '../../../tooling/vitest/test-env';
import { insertSyntheticChain } from '../src/audit/testing/insert-synthetic-chain';
import { verifyAuditExport } from '../src/audit/verify-audit-export';
import { writeAuditExport } from '../src/audit/write-audit-export';

loadTestEnv();
process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 200_000);

/** Samples RSS every 20 ms while `fn` runs; returns its result, seconds and the peak RSS seen. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - started) / 1000, peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const system = getSystemClient();
  const owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  const tenant = await system.tenant.create({ data: { slug: `bench-audit-${randomBytes(3).toString('hex')}`, name: 'Bench audit' } });
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'vouch-bench-audit-')), 'export');
  try {
    const inserted = await measured(() => insertSyntheticChain(owner, tenant.id, EVENTS));
    console.log(`chain: ${EVENTS.toLocaleString('en')} events built and inserted in ${inserted.seconds.toFixed(1)} s`);

    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const baseRss = process.memoryUsage().rss / 1024 / 1024;
    const heapSamples: string[] = [];
    let nextSample = EVENTS / 10;
    const onProgress = (done: number) => {
      if (!gc || done < nextSample) return;
      nextSample += EVENTS / 10;
      gc();
      heapSamples.push(`${Math.round((done / EVENTS) * 100)}%:${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)}`);
    };
    const exported = await measured(() =>
      withTenant(tenant.id, (tx) => writeAuditExport(tx, tenant.id, dir, {}, { onProgress }), { timeoutMs: 1_800_000 }),
    );
    const jsonlMb = (await stat(path.join(dir, 'events.jsonl'))).size / 1024 / 1024;
    const csvMb = (await stat(path.join(dir, 'events.csv'))).size / 1024 / 1024;
    const exportRate = exported.value.count / exported.seconds;
    console.log(
      `export: ${exported.value.count.toLocaleString('en')} events in ${exported.seconds.toFixed(1)} s = ${Math.round(exportRate).toLocaleString('en')} events/s; ` +
        `peak RSS ${exported.peakRssMb.toFixed(0)} MB (${baseRss.toFixed(0)} MB before); events.jsonl ${jsonlMb.toFixed(1)} MB, events.csv ${csvMb.toFixed(1)} MB`,
    );
    const heapLimit = (await import('node:v8')).getHeapStatistics().heap_size_limit / 1024 / 1024;
    console.log(
      gc
        ? `live heap after full GC during the export (MB): ${heapSamples.join(' ')}; heap limit ${heapLimit.toFixed(0)} MB`
        : 'live heap samples skipped: run with node --expose-gc',
    );

    const verified = await measured(() => verifyAuditExport(dir));
    const verifyRate = EVENTS / verified.seconds;
    console.log(`verify-export (offline): ok=${verified.value.ok} in ${verified.seconds.toFixed(1)} s = ${Math.round(verifyRate).toLocaleString('en')} events/s; peak RSS ${verified.peakRssMb.toFixed(0)} MB`);
    console.log(
      `scaled to 1,000,000 events: export ≈ ${(1_000_000 / exportRate).toFixed(0)} s, verify ≈ ${(1_000_000 / verifyRate).toFixed(0)} s, ` +
        `files ≈ ${((jsonlMb * 1_000_000) / EVENTS).toFixed(0)} MB + ${((csvMb * 1_000_000) / EVENTS).toFixed(0)} MB; memory flat (batches of 1,000)`,
    );
  } finally {
    await rm(path.dirname(dir), { recursive: true, force: true });
    // audit_events is append-only even for the owner; on the test database only, lift the guard
    // in one transaction to remove the synthetic chain, as the tamper tests do.
    if (new URL(ownerDatabaseUrl()).pathname.endsWith('_test')) {
      await owner.query('BEGIN');
      await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await owner.query('DELETE FROM audit_events WHERE tenant_id = $1', [tenant.id]);
      await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await owner.query('COMMIT');
      await owner.query('DELETE FROM tenants WHERE id = $1', [tenant.id]);
    }
    await owner.end();
    await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
  }
}

void main();
