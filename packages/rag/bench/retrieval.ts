// Retrieval benchmark. Prints figures, asserts nothing.
//   pnpm --filter @vouch/rag bench            (uses the vouch_test database; bench tenants are removed at the end)
//   BENCH_SIZES=10000 … to skip 100k; BENCH_KEEP=1 keeps the tenants for EXPLAIN ANALYZE.
// Retrieval: p50/p95 of hybrid retrieval (pgvector HNSW + full text, RRF, one statement) for one
// tenant at 10k and 100k chunks while 19 other tenants share the table, side by side with
// langchain's in-memory vector store (exact cosine) on the same vectors.
// Recall@5 on two labelled sets: templated questions (keywords shared with the answer) and a
// hand-written help-centre set (bench/help-center.ts: paraphrases, typos) mixed into the chunks.
// Ingestion throughput (pages/s through the full pipeline) is measured by the core bench:
// `pnpm --filter @vouch/core bench` (`pnpm bench` runs both).
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { embedOffline, OfflineHashEmbeddings, retrievalQuery, retrieveChunks } from '../src/index';
import { loadTestEnv } from '../../../tooling/vitest/test-env';
import { HELP_CENTER } from './help-center';

loadTestEnv();
process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');

const OTHER_TENANTS = 19;
const OTHER_CHUNKS_EACH = 1000;
const QUERIES = 200;
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const KEEP = process.env.BENCH_KEEP === '1';

const products = ['router', 'thermostat', 'doorbell', 'speaker', 'camera', 'lamp', 'lock', 'scale', 'kettle', 'blender'];
const topics = ['warranty', 'battery', 'firmware update', 'reset', 'pairing', 'return', 'cleaning', 'wall mounting', 'subscription', 'noise'];
const facts = ['lasts', 'takes', 'requires', 'costs', 'supports'];

/** A labelled article: product × topic × variant, with one distinctive fact to ask about. */
function article(i: number): { text: string; question: string } {
  const product = products[i % products.length]!;
  const topic = topics[Math.floor(i / products.length) % topics.length]!;
  const variant = Math.floor(i / (products.length * topics.length));
  const model = `${product.toUpperCase().slice(0, 3)}-${100 + variant}`;
  const fact = facts[i % facts.length]!;
  const amount = (i * 7919) % 97;
  return {
    text: `## ${topic} for the ${product} ${model}\n\nThe ${topic} of the ${product} ${model} ${fact} ${amount} units. Contact support if the ${product} ${model} shows an error during ${topic}.`,
    question: `${topic} ${product} ${model}?`,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function insertChunks(owner: pg.Client, tenantId: string, from: number, count: number): Promise<void> {
  const { rows } = await owner.query<{ id: string }>(
    `WITH s AS (INSERT INTO knowledge_sources (tenant_id, name, type, status) VALUES ($1, 'bench', 'article', 'approved') RETURNING id),
          v AS (INSERT INTO source_versions (tenant_id, source_id, version, status, ingest_status) SELECT $1, id, 1, 'approved', 'indexed' FROM s RETURNING id)
     INSERT INTO documents (tenant_id, source_version_id, title, content) SELECT $1, id, 'bench', '' FROM v RETURNING id`,
    [tenantId],
  );
  const documentId = rows[0]!.id;
  for (let start = from; start < from + count; start += 2000) {
    const batch = Array.from({ length: Math.min(2000, from + count - start) }, (_, j) => article(start + j));
    await owner.query(
      `INSERT INTO chunks (tenant_id, document_id, ordinal, content, embedding)
       SELECT $1, $2, o, c, e::vector FROM unnest($3::int[], $4::text[], $5::text[]) AS t(o, c, e)`,
      [tenantId, documentId, batch.map((_, j) => start + j), batch.map((a) => a.text), batch.map((a) => `[${embedOffline(a.text).join(',')}]`)],
    );
  }
}

async function insertHelpCenter(owner: pg.Client, tenantId: string): Promise<void> {
  const { rows } = await owner.query<{ id: string }>(
    `SELECT d.id FROM documents d WHERE d.tenant_id = $1 LIMIT 1`,
    [tenantId],
  );
  await owner.query(
    `INSERT INTO chunks (tenant_id, document_id, ordinal, content, embedding)
     SELECT $1, $2, o, c, e::vector FROM unnest($3::int[], $4::text[], $5::text[]) AS t(o, c, e)`,
    [tenantId, rows[0]!.id, HELP_CENTER.map((_, i) => 10_000_000 + i), HELP_CENTER.map((p) => p.text), HELP_CENTER.map((p) => `[${embedOffline(p.text).join(',')}]`)],
  );
}

const HELP_QUESTIONS = HELP_CENTER.flatMap((p) => p.questions.map((question) => ({ question, expected: p.text })));

async function measureVouch(tenantId: string, questions: { question: string; expected: string }[]) {
  const latencies: number[] = [];
  let hits = 0;
  for (const { question, expected } of questions) {
    const embedding = embedOffline(question);
    const started = performance.now();
    const results = await withTenant(tenantId, (tx) => retrieveChunks(tx, { queryText: question, queryEmbedding: embedding, sourceIds: null, k: 5 }));
    latencies.push(performance.now() - started);
    if (results.some((r) => r.content === expected)) hits += 1;
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), recall: hits / questions.length };
}

/**
 * The same statements timed inside Postgres (EXPLAIN ANALYZE: planning + execution), without the
 * client, the driver and the transaction round trips; on a loaded machine this shows what the
 * database itself spends.
 */
async function measureDatabase(tenantId: string, questions: { question: string }[]) {
  const times: number[] = [];
  for (const { question } of questions) {
    const sql = retrievalQuery({ queryText: question, queryEmbedding: embedOffline(question), sourceIds: null, k: 5 });
    const [row] = await withTenant(tenantId, (tx) => tx.$queryRawUnsafe<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, ...sql.values));
    const plan = row!['QUERY PLAN'][0];
    times.push(plan['Planning Time'] + plan['Execution Time']);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measureMemoryStore(count: number, questions: { question: string; expected: string }[]) {
  const store = new MemoryVectorStore(new OfflineHashEmbeddings());
  const docs = [...Array.from({ length: count }, (_, i) => article(i).text), ...HELP_CENTER.map((p) => p.text)];
  await store.addVectors(docs.map((d) => embedOffline(d)), docs.map((d) => new Document({ pageContent: d })));
  const latencies: number[] = [];
  let hits = 0;
  for (const { question, expected } of questions) {
    const embedding = embedOffline(question);
    const started = performance.now();
    const results = await store.similaritySearchVectorWithScore(embedding, 5);
    latencies.push(performance.now() - started);
    if (results.some(([doc]) => doc.pageContent === expected)) hits += 1;
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), recall: hits / questions.length };
}

async function main(): Promise<void> {
  const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  const tenants = Array.from({ length: OTHER_TENANTS + 1 }, () => randomUUID());
  const target = tenants[0]!;
  const rows: string[] = [];
  try {
    for (const [i, id] of tenants.entries()) {
      await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [id, `bench-${id.slice(0, 8)}`, `Bench ${i}`]);
    }
    let started = performance.now();
    for (const id of tenants.slice(1)) await insertChunks(owner, id, 0, OTHER_CHUNKS_EACH);
    await insertChunks(owner, target, 0, 10_000);
    await insertHelpCenter(owner, target);
    console.log(`loaded ${10_000 + OTHER_TENANTS * OTHER_CHUNKS_EACH} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const size of SIZES) {
      if (size > 10_000) {
        started = performance.now();
        await insertChunks(owner, target, 10_000, size - 10_000);
        console.log(`loaded ${size - 10_000} more chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      await owner.query('ANALYZE chunks');
      const questions = Array.from({ length: QUERIES }, (_, q) => {
        const i = (q * 104729) % size;
        return { question: article(i).question, expected: article(i).text };
      });
      await measureVouch(target, questions.slice(0, 20)); // warm-up
      const vouch = await measureVouch(target, questions);
      const vouchHelp = await measureVouch(target, HELP_QUESTIONS);
      const database = await measureDatabase(target, questions);
      const memory = await measureMemoryStore(size, questions);
      const memoryHelp = await measureMemoryStore(size, HELP_QUESTIONS);
      rows.push(
        `${String(size).padStart(7)} chunks  vouch hybrid (pgvector+FTS, RRF)   p50 ${vouch.p50.toFixed(1).padStart(6)} ms  p95 ${vouch.p95.toFixed(1).padStart(6)} ms  recall@5 templated ${vouch.recall.toFixed(2)}, help-centre ${vouchHelp.recall.toFixed(2)}  (load ${loadavg()[0]!.toFixed(1)})`,
        `${String(size).padStart(7)} chunks    of which inside Postgres           p50 ${database.p50.toFixed(1).padStart(6)} ms  p95 ${database.p95.toFixed(1).padStart(6)} ms  (EXPLAIN ANALYZE: planning + execution)`,
        `${String(size).padStart(7)} chunks  langchain MemoryVectorStore (exact) p50 ${memory.p50.toFixed(1).padStart(6)} ms  p95 ${memory.p95.toFixed(1).padStart(6)} ms  recall@5 templated ${memory.recall.toFixed(2)}, help-centre ${memoryHelp.recall.toFixed(2)}  (p95 ratio memory/vouch ${(memory.p95 / vouch.p95).toFixed(2)}×)`,
      );
    }
    console.log(
      `\nRetrieval, one tenant among ${OTHER_TENANTS + 1} (${OTHER_TENANTS * OTHER_CHUNKS_EACH} chunks of other tenants), ${QUERIES} templated + ${HELP_QUESTIONS.length} help-centre labelled queries, offline embedder, ${cpus().length} cores (load = 1-min load average at the end):`,
    );
    for (const row of rows) console.log(row);
  } finally {
    if (KEEP) {
      console.log(`kept the bench tenants; target tenant ${target}`);
    } else {
      for (const table of ['chunks', 'documents', 'source_versions', 'knowledge_sources']) {
        await owner.query(`DELETE FROM ${table} WHERE tenant_id = ANY($1::uuid[])`, [tenants]);
      }
      await owner.query('DELETE FROM tenants WHERE id = ANY($1::uuid[])', [tenants]);
    }
    await owner.end();
    await disconnectAppClient();
  }
}

await main();
