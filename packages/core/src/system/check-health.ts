import { getAppClient } from '@vouch/db';
import { getRedis } from '@vouch/jobs';

export interface THealth {
  ok: boolean;
  postgres: { ok: boolean; latencyMs: number; error?: string };
  redis: { ok: boolean; latencyMs: number; error?: string };
}

async function probe(check: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2s')), 2000)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the kind of failure leaves the server, never connection strings or stacks.
    const message = error instanceof Error && /timed out/.test(error.message) ? 'timeout' : 'unreachable';
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message };
  }
}

export async function checkHealth(): Promise<THealth> {
  const [postgres, redis] = await Promise.all([
    probe(() => getAppClient().$queryRaw`SELECT 1`),
    probe(() => getRedis().ping()),
  ]);
  return { ok: postgres.ok && redis.ok, postgres, redis };
}
