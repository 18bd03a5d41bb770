// Answer engine benchmark at 10k chunks. Prints figures, asserts nothing.
//   pnpm --filter @vouch/api bench:engine     (the test database: vouch_test, or TEST_DATABASE_NAME)
// One tenant with 10,000 synthetic chunks plus a hand-written help centre (the retrieval bench's
// passages, labelled paraphrased questions), 19 other tenants' chunks alongside. Measures, one
// question at a time:
//   engine alone: retrieval → grounding decision → offline extractive compose → sentence
//                 verification → output filter (composeGroundedReply), no writes;
//   whole message: answerCustomerMessage (rate limits, redaction, injection score, intake and
//                 reply transactions, trace, budget counters) on top.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { answerCustomerMessage, composeGroundedReply, createTenant, resolveAgentDeployment } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { embedOffline, OfflineHashEmbeddings } from '@vouch/rag';
import { loadTestEnv } from '../../../tooling/vitest/test-env';
import { HELP_CENTER } from '../../rag/bench/help-center';
import { counted, installCounters } from './instrument';

loadTestEnv();
process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 10_000);
const products = ['router', 'thermostat', 'doorbell', 'speaker', 'camera', 'lamp', 'lock', 'scale', 'kettle', 'blender'];
const topics = ['warranty', 'battery', 'firmware update', 'reset', 'pairing', 'return', 'cleaning', 'wall mounting', 'subscription', 'noise'];

function article(i: number): string {
  const product = products[i % products.length]!;
  const topic = topics[Math.floor(i / products.length) % topics.length]!;
  const model = `${product.toUpperCase().slice(0, 3)}-${100 + Math.floor(i / 100)}`;
  return `## ${topic} for the ${product} ${model}\n\nThe ${topic} of the ${product} ${model} takes ${(i * 7919) % 97} minutes. Contact support if the ${product} ${model} shows an error during ${topic}.`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`;
};

type TOwner = ReturnType<typeof getSystemClient>;

async function insertChunks(owner: TOwner, tenantId: string, texts: string[]): Promise<void> {
  const rows = await owner.$queryRawUnsafe<{ id: string }[]>(
    `WITH s AS (INSERT INTO knowledge_sources (tenant_id, name, type, status) VALUES ($1::uuid, 'bench', 'article', 'approved') RETURNING id),
          v AS (INSERT INTO source_versions (tenant_id, source_id, version, status, ingest_status) SELECT $1::uuid, id, 1, 'approved', 'indexed' FROM s RETURNING id)
     INSERT INTO documents (tenant_id, source_version_id, title, content) SELECT $1::uuid, id, 'bench', '' FROM v RETURNING id`,
    tenantId,
  );
  for (let start = 0; start < texts.length; start += 2000) {
    const batch = texts.slice(start, start + 2000);
    await owner.$executeRawUnsafe(
      `INSERT INTO chunks (tenant_id, document_id, ordinal, content, embedding)
       SELECT $1::uuid, $2::uuid, o, c, e::vector FROM unnest($3::int[], $4::text[], $5::text[]) AS t(o, c, e)`,
      tenantId,
      rows[0]!.id,
      batch.map((_, j) => start + j),
      batch,
      batch.map((t) => `[${embedOffline(t).join(',')}]`),
    );
  }
}

async function main(): Promise<void> {
  installCounters();
  const system = getSystemClient();
  const owner = system;
  const suffix = randomBytes(3).toString('hex');
  const created = await system.$transaction((tx) => createTenant(tx, { type: 'system', name: 'bench' }, { slug: `bench-engine-${suffix}`, ownerEmail: `bench-engine-${suffix}@example.test` }));
  const tenantId = created.tenant.id;
  let started = performance.now();
  await insertChunks(owner, tenantId, [...Array.from({ length: CHUNKS }, (_, i) => article(i)), ...HELP_CENTER.map((p) => p.text)]);
  await owner.$executeRawUnsafe('ANALYZE chunks');
  console.log(`loaded ${CHUNKS + HELP_CENTER.length} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const questions = [
    ...HELP_CENTER.flatMap((p) => p.questions),
    ...Array.from({ length: 100 }, (_, q) => {
      const i = (q * 104729) % CHUNKS;
      return `How long does the ${topics[Math.floor(i / products.length) % topics.length]} of the ${products[i % products.length]} ${products[i % products.length]!.toUpperCase().slice(0, 3)}-${100 + Math.floor(i / 100)} take?`;
    }),
    'Do you sell gift cards for horses?',
    'What is the meaning of life?',
  ];
  const embeddings = { embeddings: new OfflineHashEmbeddings(), id: 'offline-hash-384' };
  const deployment = await withTenant(tenantId, (tx) => resolveAgentDeployment(tx, { agent: null, environment: 'production' }));
  const { OfflineExtractiveProvider } = await import('@vouch/rag');
  const engine: number[] = [];
  const stages: Record<string, number[]> = {};
  const outcomes: Record<string, number> = {};
  for (const round of [0, 1]) {
    for (const question of questions) {
      const t0 = performance.now();
      const attempt = await composeGroundedReply(tenantId, deployment, { redactedText: question, history: [], customerTexts: [question] }, { embeddings, getProvider: async () => new OfflineExtractiveProvider() });
      if (round === 0) continue; // warm-up
      engine.push(performance.now() - t0);
      outcomes[attempt.outcome] = (outcomes[attempt.outcome] ?? 0) + 1;
      for (const [stage, ms] of Object.entries(attempt.timings)) (stages[stage] ??= []).push(ms);
    }
  }
  const whole: number[] = [];
  let statements = 0;
  let redisCommands = 0;
  started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const [i, question] of questions.entries()) {
    const t0 = performance.now();
    const { counts } = await counted(() =>
      answerCustomerMessage(tenantId, { target: { agent: null }, visitor: { id: `bench-visitor-${suffix}-${i}`, ip: `198.51.100.${(i % 250) + 1}` }, message: question }, { rateLimits: { windowSeconds: 60, perVisitor: 100, perIp: 100, perTenant: 100_000 } }),
    );
    whole.push(performance.now() - t0);
    statements += counts.queries;
    redisCommands += counts.redis;
  }
  const cpu = process.cpuUsage(cpuBefore);
  console.log(`\nAnswer engine, offline provider, ${CHUNKS} chunks (+${HELP_CENTER.length} help-centre passages), ${questions.length} questions one at a time, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}:`);
  console.log(`  engine alone (retrieve → ground → compose → verify → filter): ${summary(engine)}; outcomes ${JSON.stringify(outcomes)}`);
  for (const [stage, values] of Object.entries(stages)) console.log(`    ${stage.padEnd(12)} ${summary(values)}`);
  console.log(`  whole message (answerCustomerMessage, incl. intake and reply transactions, trace): ${summary(whole)}`);
  console.log(
    `    per message: ${(statements / whole.length).toFixed(1)} Postgres statements (BEGIN/COMMIT included; each opens a new conversation), ${(redisCommands / whole.length).toFixed(1)} Redis commands, ${((cpu.user + cpu.system) / 1000 / whole.length).toFixed(1)} ms Node CPU`,
  );
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
}

await main();
