import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { createEmbeddingsFromEnv, embedderSpecFromEnv, retrieveChunks } from '@vouch/rag';
import type { TActor } from '../actor';
import { dryRunAnswer } from '../agent/dry-run-answer';
import { getKnowledgeSettings, requestKnowledgeReindex } from '../knowledge/knowledge-settings';
import { reembedTenant } from '../knowledge/reembed-tenant';
import { answerCustomerMessage } from './answer-customer-message';
import { resolveAgentDeployment } from './resolve-agent-deployment';
import { ARTICLES, createTenantWithArticles, type TTestTenant } from './testing/conversation-fixture';

// Answers embed the question with the tenant's own embedder (knowledge_settings), not the env's
// default: after a tenant re-embeds to another size, a question vector of the old size would find
// no vector candidates and answers would silently run on full text alone.

const system = getSystemClient();
const OFFLINE_768 = { provider: 'offline', model: 'hash-lemma-v1', dimensions: 768 } as const;
const QUESTION = 'How long does express shipping take?';
let tenant: TTestTenant;

type TRetrievedTrace = { chunkId: string; score: number; vectorSimilarity: number | null; textScore: number | null }[];

beforeAll(async () => {
  // The test means something only if the env's embedder is not already the tenant's new one.
  expect(embedderSpecFromEnv().dimensions).not.toBe(768);
  tenant = await createTenantWithArticles('embed768', ARTICLES);
  const owner: TActor = { type: 'user', userId: tenant.ownerId, tenantId: tenant.id, roles: ['owner'] };
  await withTenant(tenant.id, (tx) => requestKnowledgeReindex(tx, tenant.id, owner, { embedder: OFFLINE_768 }));
  expect(await reembedTenant(tenant.id)).toMatchObject({ switched: true });
}, 60_000);

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe("answers use the tenant's embedder", () => {
  it('the tenant serves 768-dimension vectors only, and a question vector of the env size finds no vector candidates there', async () => {
    expect((await withTenant(tenant.id, (tx) => getKnowledgeSettings(tx))).embedder).toMatchObject({ dimensions: 768 });
    const dims = await system.$queryRaw<{ dims: number; n: bigint }[]>`
      SELECT vector_dims(embedding) AS dims, count(*) AS n FROM chunks WHERE tenant_id = ${tenant.id}::uuid GROUP BY 1`;
    expect(dims.map((d) => d.dims)).toEqual([768]);
    // The failure this guards against: the env embedder's vector matches nothing on the vector side.
    const envEmbeddings = await createEmbeddingsFromEnv();
    const envVector = await envEmbeddings.embeddings.embedQuery(QUESTION);
    const withEnvVector = await withTenant(tenant.id, (tx) => retrieveChunks(tx, { queryText: QUESTION, queryEmbedding: envVector, sourceIds: null, k: 5 }));
    expect(withEnvVector.length).toBeGreaterThan(0);
    expect(withEnvVector.every((c) => c.vectorSimilarity === null)).toBe(true);
  });

  it('a customer question gets a grounded, cited answer whose trace shows vector-retrieved candidates', async () => {
    const reply = await answerCustomerMessage(tenant.id, {
      target: { agent: null, environment: 'production' },
      visitor: { id: `visitor-${randomUUID()}`, ip: '203.0.113.68' },
      message: QUESTION,
    });
    expect(reply).toMatchObject({ escalated: false, reason: 'answered' });
    expect(reply.citations.map((c) => c.source)).toEqual(['shipping-times.md']);
    const trace = await system.messageTrace.findUniqueOrThrow({ where: { id: reply.traceId } });
    const retrieved = trace.retrieved as TRetrievedTrace;
    const vectorHits = retrieved.filter((r) => r.vectorSimilarity !== null);
    // Every serving chunk of this small tenant is a vector candidate; the cited one ranks with a real similarity.
    expect(vectorHits.length).toBe(retrieved.length);
    const cited = retrieved.find((r) => r.chunkId === reply.citations[0]!.chunkId);
    expect(cited?.vectorSimilarity).toBeGreaterThan(0.2);
  });

  it('the agent dry run (evaluations, playground) retrieves with the same embedder', async () => {
    const deployment = await withTenant(tenant.id, (tx) => resolveAgentDeployment(tx, { agent: null, environment: 'production' }));
    const dry = await dryRunAnswer(tenant.id, deployment, { message: QUESTION });
    expect(dry).toMatchObject({ escalated: false, reason: 'answered' });
    expect(dry.trace.retrieved.length).toBeGreaterThan(0);
    expect(dry.trace.retrieved.every((r) => r.vectorSimilarity !== null)).toBe(true);
    expect(dry.citations.map((c) => c.source)).toEqual(['shipping-times.md']);
  });
});
