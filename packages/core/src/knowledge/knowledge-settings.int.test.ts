import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import type { TActor } from '../actor';
import { addMember } from '../member/add-member';
import { createTenant } from '../tenant/create-tenant';
import { addArticleSource, addFaqSource } from './add-text-source';
import { ingestSourceVersion } from './ingest-source-version';
import { getKnowledgeSettings, requestKnowledgeReindex } from './knowledge-settings';
import { reembedTenant } from './reembed-tenant';
import { requestCrawl } from './request-crawl';
import { reviewSourceVersion } from './review-source-version';
import { searchKnowledge } from './search-knowledge';
import { uploadSource } from './upload-source';

const system = getSystemClient();
// Fixture transactions get room to finish on a loaded machine (Prisma's default is 5 s).
const SLOW = { timeout: 30_000, maxWait: 30_000 };
const OFFLINE_768 = { provider: 'offline', model: 'hash-lemma-v1', dimensions: 768 } as const;

interface TTestTenant {
  id: string;
  uploader: TActor;
  reviewer: TActor;
  owner: TActor;
}

async function makeTenant(label: string): Promise<TTestTenant> {
  const suffix = randomBytes(3).toString('hex');
  const actor = { type: 'system', name: 'knowledge-settings-test' } as const;
  const created = await system.$transaction((tx) => createTenant(tx, actor, { slug: `${label}-${suffix}`, ownerEmail: `${label}-owner-${suffix}@example.test` }), SLOW);
  const id = created.tenant.id;
  const builder = await system.$transaction((tx) => addMember(tx, id, actor, { email: `${label}-builder-${suffix}@example.test`, roles: ['agent_builder'] }), SLOW);
  const checker = await system.$transaction((tx) => addMember(tx, id, actor, { email: `${label}-reviewer-${suffix}@example.test`, roles: ['knowledge_reviewer'] }), SLOW);
  const ownerMembership = await system.membership.findFirstOrThrow({ where: { tenantId: id, roles: { has: 'owner' } } });
  return {
    id,
    uploader: { type: 'user', userId: builder.user.id, tenantId: id, roles: builder.roles },
    reviewer: { type: 'user', userId: checker.user.id, tenantId: id, roles: checker.roles },
    owner: { type: 'user', userId: ownerMembership.userId, tenantId: id, roles: ['owner'] },
  };
}

/** Uploads, ingests and approves one Markdown file; returns its version id. */
async function publish(t: TTestTenant, fileName: string, text: string): Promise<string> {
  const { versionId } = await withTenant(t.id, (tx) => uploadSource(tx, t.id, t.uploader, { fileName, contentBase64: Buffer.from(text).toString('base64') }));
  await ingestSourceVersion(t.id, versionId);
  await withTenant(t.id, (tx) => reviewSourceVersion(tx, t.id, t.reviewer, { versionId, decision: 'approve' }));
  return versionId;
}

const search = (t: TTestTenant, query: string) => withTenant(t.id, (tx) => searchKnowledge(tx, { query, k: 10 }));
const settingsOf = (t: TTestTenant) => withTenant(t.id, (tx) => getKnowledgeSettings(tx));
const reindex = (t: TTestTenant, input: Parameters<typeof requestKnowledgeReindex>[3]) => withTenant(t.id, (tx) => requestKnowledgeReindex(tx, t.id, t.owner, input));

async function dimsOf(tenantId: string): Promise<{ dims: number | null; next: number | null; n: bigint }[]> {
  return system.$queryRaw`
    SELECT vector_dims(embedding) AS dims, vector_dims(embedding_next) AS next, count(*) AS n
    FROM chunks WHERE tenant_id = ${tenantId}::uuid GROUP BY 1, 2 ORDER BY 1, 2`;
}

let a: TTestTenant;
let b: TTestTenant;

beforeAll(async () => {
  a = await makeTenant('kbset-a');
  b = await makeTenant('kbset-b');
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
});

describe('full-text language per tenant', () => {
  it("finds inflected German words once the tenant's language is German, and not before", async () => {
    const t = await makeTenant('kbset-de');
    await publish(t, 'ruecksendung.md', '# Rücksendung\n\nDie Rücksendung von Bestellungen ist innerhalb von dreißig Tagen kostenlos.');
    // English stemming leaves German inflections apart: no full-text match for other forms.
    const english = await search(t, 'Rücksendungen der Bestellung');
    expect(english.every((r) => r.textRank === null)).toBe(true);

    await reindex(t, { textSearchConfig: 'german' });
    const outcome = await reembedTenant(t.id);
    expect(outcome).toMatchObject({ switched: true, textSearchConfig: 'german' });
    expect((await settingsOf(t)).textSearchConfig).toBe('german');

    const german = await search(t, 'Rücksendungen der Bestellung');
    expect(german[0]).toMatchObject({ textRank: 1 });
    expect(german[0]!.content).toContain('Bestellungen');
    // New chunks are written in the tenant's language too (the trigger reads the setting).
    await publish(t, 'versand.md', '# Versand\n\nWir versenden alle Pakete mit klimaneutralen Lieferungen.');
    expect((await search(t, 'Lieferung Paket'))[0]!.content).toContain('Pakete');
  });

  it('refuses a language the tenant already has, and unknown languages', async () => {
    await expect(reindex(a, { textSearchConfig: 'english' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(reindex(a, { textSearchConfig: 'klingon' as never })).rejects.toThrow();
  });
});

describe('re-embedding a tenant', () => {
  it('records the embedder on first ingestion, re-embeds in resumable batches, keeps serving the old vectors until it switches, and leaves other tenants alone', async () => {
    expect((await settingsOf(a)).stored).toBe(false);
    const texts = Array.from({ length: 6 }, (_, i) => `# Topic ${i}\n\nThe warranty for device model Z${i}00 lasts ${i + 2} years from the date of purchase.`);
    for (const [i, text] of texts.entries()) await publish(a, `topic-${i}.md`, text);
    await publish(b, 'other.md', '# Other\n\nThe warranty for device model Z100 lasts forever at the other company.');
    const before = await settingsOf(a);
    expect(before).toMatchObject({ stored: true, embedder: { provider: 'offline', dimensions: 384 } });
    const total = texts.length;

    const requested = await reindex(a, { embedder: OFFLINE_768 });
    expect(requested).toMatchObject({ pending: { embedder: { dimensions: 768 } }, reindex: { status: 'queued', total } });
    // A second request while one is pending is refused.
    await expect(reindex(a, { embedder: OFFLINE_768 })).rejects.toMatchObject({ code: 'CONFLICT' });

    // A worker that dies after two batches of two.
    let batches = 0;
    await expect(
      reembedTenant(a.id, {
        batchSize: 2,
        onProgress: async () => {
          batches += 1;
          if (batches === 2) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(await dimsOf(a.id)).toEqual([
      { dims: 384, next: 768, n: 4n },
      { dims: 384, next: null, n: 2n },
    ]);
    // Meanwhile the old 384-dimension index keeps answering, through the vector side too.
    const during = await search(a, 'How long is the warranty of model Z300?');
    expect(during[0]).toMatchObject({ content: expect.stringContaining('Z300') });
    expect(during[0]!.vectorRank).not.toBeNull();
    expect((await settingsOf(a)).reindex).toMatchObject({ status: 'running', done: 4, total });

    // A version ingested during the re-index gets the current embedder's vector now and the next one later.
    await publish(a, 'late.md', '# Late\n\nThe warranty for device model Z900 lasts ten years.');

    const progress: number[] = [];
    const outcome = await reembedTenant(a.id, { batchSize: 2, onProgress: async (done) => void progress.push(done) });
    expect(outcome).toMatchObject({ switched: true, embedder: 'offline:hash-lemma-v1:768', chunks: total + 1 });
    // Resumed: the four chunks done before the kill were not embedded again.
    expect(progress[0]).toBeGreaterThanOrEqual(5);
    expect(progress.at(-1)).toBe(total + 1);
    expect(await dimsOf(a.id)).toEqual([{ dims: 768, next: null, n: BigInt(total + 1) }]);
    expect(await dimsOf(b.id)).toEqual([{ dims: 384, next: null, n: 1n }]);

    const after = await settingsOf(a);
    expect(after).toMatchObject({ embedder: { dimensions: 768 }, pending: null, reindex: { status: 'idle', done: total + 1, total: total + 1 } });
    const found = await search(a, 'How long is the warranty of model Z900?');
    expect(found[0]).toMatchObject({ content: expect.stringContaining('Z900') });
    expect(found[0]!.vectorRank).not.toBeNull();
    // The other tenant still searches with its own 384-dimension embedder and sees only its own chunk.
    expect((await search(b, 'warranty model Z100')).map((r) => r.content)).toEqual([expect.stringContaining('other company')]);

    // Idempotent: a duplicate job finds nothing pending.
    expect(await reembedTenant(a.id)).toMatchObject({ switched: false });
    const audit = await system.auditEvent.findMany({ where: { tenantId: a.id, action: { startsWith: 'knowledge.reindex' } }, orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['knowledge.reindex-request', 'knowledge.reindex-start', 'knowledge.reindex-complete']);
    expect(audit[0]!.actorId).toBe((a.owner as { userId: string }).userId);
  });

  it('refuses an embedder this deployment cannot build, and the old index keeps serving', async () => {
    const t = await makeTenant('kbset-bad');
    await publish(t, 'doc.md', '# Refunds\n\nRefunds are paid back within five business days.');
    await reindex(t, { embedder: { provider: 'offline', model: 'not-a-model', dimensions: 384 } });
    await expect(reembedTenant(t.id)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect((await settingsOf(t)).embedder).toMatchObject({ model: 'hash-lemma-v1', dimensions: 384 });
    expect((await search(t, 'refund paid back'))[0]!.content).toContain('five business days');
  });
});

describe('articles, FAQ pairs and crawl requests', () => {
  it('stores a pasted article and FAQ pairs as reviewable versions of the right kind, with validation', async () => {
    const article = await withTenant(a.id, (tx) =>
      addArticleSource(tx, a.id, a.uploader, { title: 'Gift cards', body: 'Gift cards never expire and can be used for any order in the shop.' }),
    );
    const faq = await withTenant(a.id, (tx) =>
      addFaqSource(tx, a.id, a.uploader, { name: 'Payments FAQ', pairs: [{ question: 'Can I pay by invoice?', answer: 'Yes, within fourteen days.' }] }),
    );
    expect(await ingestSourceVersion(a.id, article.versionId)).toMatchObject({ status: 'pending_review' });
    expect(await ingestSourceVersion(a.id, faq.versionId)).toMatchObject({ status: 'pending_review', chunkCount: 1 });
    const sources = await system.knowledgeSource.findMany({ where: { id: { in: [article.sourceId, faq.sourceId] } }, orderBy: { name: 'asc' } });
    expect(sources.map((s) => [s.name, s.type])).toEqual([
      ['Gift cards', 'article'],
      ['Payments FAQ', 'faq'],
    ]);
    const version = await system.sourceVersion.findUniqueOrThrow({ where: { id: article.versionId } });
    expect(version.uploadedBy).toBe((a.uploader as { userId: string }).userId);
    // An article cannot become a version of the FAQ source.
    await expect(
      withTenant(a.id, (tx) => addArticleSource(tx, a.id, a.uploader, { sourceId: faq.sourceId, title: 'x', body: 'A body that is long enough to pass.' })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(withTenant(a.id, (tx) => addFaqSource(tx, a.id, a.uploader, { name: 'Empty', pairs: [] }))).rejects.toThrow(/at least one question/);
    await expect(withTenant(a.id, (tx) => addArticleSource(tx, a.id, a.uploader, { title: 'Short', body: 'too short' }))).rejects.toThrow(/at least 20 characters/);
  });

  it('audits a crawl request', async () => {
    const payload = await withTenant(a.id, (tx) => requestCrawl(tx, a.id, a.uploader, { startUrl: 'https://help.example.com/docs/', maxDepth: 1, maxPages: 5 }));
    expect(payload).toMatchObject({ tenantId: a.id, pathPrefix: null, requestedBy: (a.uploader as { userId: string }).userId });
    const event = await system.auditEvent.findFirst({ where: { tenantId: a.id, action: 'knowledge.crawl-request' } });
    expect(event).toMatchObject({ targetId: 'https://help.example.com' });
  });
});
