import { withTenant } from '@vouch/db';
import { embedOffline } from '../src/index';
import { loadTestEnv } from '../../../tooling/vitest/test-env';
loadTestEnv();
const tenant = process.argv[2]!;
const q = 'warranty router ROU-105?';
const vector = `[${embedOffline(q).join(',')}]`;
const rows = await withTenant(tenant, async (tx) => {
  await tx.$executeRaw`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)`;
  const a = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ANALYZE SELECT id FROM chunks WHERE embedding IS NOT NULL ORDER BY embedding <=> '${vector}'::vector LIMIT 40`);
  const b = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ANALYZE SELECT id, ts_rank_cd(tsv, query) FROM chunks, websearch_to_tsquery('english', 'warranty router ROU-105') query WHERE tsv @@ query ORDER BY 2 DESC LIMIT 40`);
  return [a, b];
});
for (const plan of rows) console.log(plan.map((r) => r['QUERY PLAN']).join('\n'), '\n---');
process.exit(0);
