// What one database round trip costs the Node process, through Prisma and through the pg driver
// it runs on. Prints figures, asserts nothing.
//   pnpm --filter @vouch/api bench:db     (the test database: vouch_test, or TEST_DATABASE_NAME)
// The widget answer path issues two tenant transactions and about eleven statements per message
// (bench/widget-load.ts counts them); this shows how much of its CPU is per-statement overhead.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { disconnectAppClient, disconnectTenantSql, getAppClient, withTenant, withTenantSql } from '@vouch/db';
import { loadTestEnv } from '../../../tooling/vitest/test-env';

loadTestEnv();

type TPgClient = { query(text: string, values?: unknown[]): Promise<unknown>; release(): void };
type TPgPool = { query(text: string, values?: unknown[]): Promise<unknown>; connect(): Promise<TPgClient>; end(): Promise<void> };

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const CONCURRENCY = 10;

/** CPU of this process and wall time per call, CONCURRENCY callers at once, after a warm-up. */
async function measure(name: string, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i += 1) await fn();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = 0; i < CALLS / CONCURRENCY; i += 1) await fn();
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  console.log(`  ${name.padEnd(62)} ${((cpu.user + cpu.system) / 1000 / CALLS).toFixed(3)} ms CPU, ${((performance.now() - started) / CALLS).toFixed(3)} ms wall per call`);
}

async function main(): Promise<void> {
  // pg is @vouch/db's dependency (through @prisma/adapter-pg): the very driver Prisma uses here.
  const fromDb = createRequire(createRequire(import.meta.url).resolve('@vouch/db'));
  const pg = createRequire(fromDb.resolve('@prisma/adapter-pg'))('pg') as { Pool: new (options: object) => TPgPool };
  const prisma = getAppClient();
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  // A well-formed tenant id that owns nothing: RLS shows it no rows, which is all a SELECT 1 needs.
  const tenant = '6f1c2b3a-1d2e-4f5a-8b7c-0123456789ab';
  console.log(`Node CPU per database call as the app role, ${CONCURRENCY} callers, ${CALLS} calls; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}:`);
  await measure('Prisma $queryRaw, one statement', () => prisma.$queryRaw`SELECT ${1}::int AS x`);
  await measure('pg pool.query, one statement', () => pool.query('SELECT $1::int AS x', [1]));
  await measure('withTenant (Prisma transaction) + one $queryRaw: 4 statements', () => withTenant(tenant, (tx) => tx.$queryRaw`SELECT ${1}::int AS x`));
  await measure('pg client: BEGIN, set_config, one statement, COMMIT', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
      await client.query('SELECT $1::int AS x', [1]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });
  await measure('withTenantSql (thin pg path) + one statement: 4 statements', () => withTenantSql(tenant, (sql) => sql.query`SELECT ${1}::int AS x`));
  await Promise.all([pool.end(), disconnectAppClient(), disconnectTenantSql()]);
}

await main();
