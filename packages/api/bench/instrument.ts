// Load-independent counters for the benches: Postgres statements and Redis commands per request
// (attributed through AsyncLocalStorage to the request that issued them), the CPU time of this
// database's Postgres backends, and an optional CPU profile of one phase.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import Redis from 'ioredis';

export type TCounts = { queries: number; redis: number; redisTrips: number; log?: string[] };
const current = new AsyncLocalStorage<TCounts>();
let installed = false;

/** Counts every statement the pg driver sends and every Redis command, into the running request's counts. */
export function installCounters(): void {
  if (installed) return;
  installed = true;
  // pg is @vouch/db's dependency (through @prisma/adapter-pg), not ours: resolve it from there.
  const fromDb = createRequire(createRequire(import.meta.url).resolve('@vouch/db'));
  const fromAdapter = createRequire(fromDb.resolve('@prisma/adapter-pg'));
  const pg = fromAdapter('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function counted(this: unknown, ...args: unknown[]) {
    const counts = current.getStore();
    if (counts) {
      counts.queries += 1;
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      counts.log?.push(String(text).replace(/\s+/g, ' ').slice(0, 160));
    }
    return query.apply(this, args);
  };
  const proto = Redis.prototype as unknown as { sendCommand: (...args: unknown[]) => unknown };
  const send = proto.sendCommand;
  // A pipeline sends its commands through sendCommand with one shared stream object: one write,
  // one round trip for all of them.
  const pipelines = new WeakSet<object>();
  proto.sendCommand = function counted(this: unknown, ...args: unknown[]) {
    const counts = current.getStore();
    if (counts) {
      counts.redis += 1;
      const stream = args[1] as { isPipeline?: boolean } | undefined;
      if (!stream?.isPipeline) counts.redisTrips += 1;
      else if (!pipelines.has(stream)) {
        pipelines.add(stream);
        counts.redisTrips += 1;
      }
      counts.log?.push(`redis ${(args[0] as { name?: string } | undefined)?.name}`);
    }
    return send.apply(this, args);
  };
}

/** Runs fn with fresh counts; returns fn's result and what it (and everything it started) issued. */
export async function counted<T>(fn: () => Promise<T>, options: { log?: boolean } = {}): Promise<{ result: T; counts: TCounts }> {
  const counts: TCounts = { queries: 0, redis: 0, redisTrips: 0, ...(options.log ? { log: [] } : {}) };
  const result = await current.run(counts, fn);
  return { result, counts };
}

const TICK_MS = 10; // Linux USER_HZ is 100

function backendCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * CPU used by the Postgres backends serving `user` on this database between two snapshots (needs
 * the bench on the database host; reads /proc). Backends opened during the phase start from zero.
 */
export async function postgresCpu(system: { $queryRawUnsafe<T>(sql: string): Promise<T> }, user: string) {
  const pids = async () =>
    (await system.$queryRawUnsafe<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND usename = '${user}'`)).map((r) => r.pid);
  const before = new Map((await pids()).map((pid) => [pid, backendCpuMs(pid)]));
  return {
    async stop(): Promise<number> {
      let total = 0;
      for (const pid of await pids()) total += backendCpuMs(pid) - (before.get(pid) ?? 0);
      return total;
    },
  };
}

/** With BENCH_CPU_PROFILE=<file>, a V8 CPU profile of this process between start and stop. */
export async function cpuProfile(label: string) {
  const target = process.env.BENCH_CPU_PROFILE;
  if (!target) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      const file = target.replace(/(\.cpuprofile)?$/, `-${label}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`  CPU profile written to ${file}`);
    },
  };
}
