import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserMemberships, type TVouchSession } from '@vouch/auth';
import { createTenant } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeQueues, closeRedis, getQueue } from '@vouch/jobs';
import { appRouter } from './root';
import { createCallerFactory, createTRPCContext } from './trpc';

const createCaller = createCallerFactory(appRouter);
const system = getSystemClient();
const suffix = randomBytes(3).toString('hex');
let owner: TVouchSession;
let otherOwner: TVouchSession;
let slug = '';
let otherSlug = '';

function as(session: TVouchSession, tenantSlug = slug) {
  return createCaller(createTRPCContext({ session, tenantSlug, ip: '127.0.0.1', userAgent: 'vitest' }));
}

beforeAll(async () => {
  const created = await system.$transaction((tx) =>
    createTenant(tx, { type: 'system', name: 'kb-api-test' }, { slug: `kbapi-${suffix}`, ownerEmail: `kbapi-${suffix}@example.test` }),
  );
  slug = created.tenant.slug;
  owner = { user: { id: created.owner.user.id, email: created.owner.user.email, name: null }, memberships: await listUserMemberships(created.owner.user.id), expires: '' };
  const other = await system.$transaction((tx) =>
    createTenant(tx, { type: 'system', name: 'kb-api-test' }, { slug: `kbapi-other-${suffix}`, ownerEmail: `kbapi-other-${suffix}@example.test` }),
  );
  otherSlug = other.tenant.slug;
  otherOwner = { user: { id: other.owner.user.id, email: other.owner.user.email, name: null }, memberships: await listUserMemberships(other.owner.user.id), expires: '' };
});

afterAll(async () => {
  await closeQueues();
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
});

describe('knowledge procedures', () => {
  it('enqueue ingestion only after the upload is committed', async () => {
    const uploaded = await as(owner).knowledge.upload({ fileName: 'faq.md', contentBase64: Buffer.from('# FAQ\n\nAnswers.').toString('base64') });
    const job = await getQueue('knowledge').getJob(`ingest-${uploaded.versionId}`);
    expect(job?.data).toEqual({ tenantId: expect.any(String), versionId: uploaded.versionId });
    // The row the job reads exists as soon as the job does.
    expect(await system.sourceVersion.findUnique({ where: { id: uploaded.versionId } })).not.toBeNull();
    const sources = await as(owner).knowledge.list();
    expect(sources.find((s) => s.id === uploaded.sourceId)?.latest).toMatchObject({ version: 1, ingestStatus: expect.any(String) });
  });

  it('ignores an uploader field smuggled into the request, so the uploader still cannot approve', async () => {
    const uploaded = await as(owner).knowledge.upload({
      fileName: 'smuggled.md',
      contentBase64: Buffer.from('# Smuggled\n\nText.').toString('base64'),
      uploadedBy: '00000000-0000-4000-8000-000000000000',
    } as never);
    const version = await system.sourceVersion.findUniqueOrThrow({ where: { id: uploaded.versionId } });
    expect(version.uploadedBy).toBe(owner.user.id);
  });

  it('a refused upload writes nothing and enqueues nothing', async () => {
    const before = await getQueue('knowledge').getJobCounts();
    await expect(as(owner).knowledge.upload({ fileName: 'virus.exe', contentBase64: 'AAAA' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await getQueue('knowledge').getJobCounts()).toEqual(before);
    expect(await system.sourceVersion.count({ where: { fileName: 'virus.exe' } })).toBe(0);
  });

  it('retries only failed or stuck ingestions', async () => {
    const uploaded = await as(owner).knowledge.upload({ fileName: 'retry.md', contentBase64: Buffer.from('# Retry\n\nText.').toString('base64') });
    await expect(as(owner).knowledge.retryIngestion({ versionId: uploaded.versionId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await system.sourceVersion.update({ where: { id: uploaded.versionId }, data: { ingestStatus: 'failed', ingestError: 'boom' } });
    await as(owner).knowledge.retryIngestion({ versionId: uploaded.versionId });
    const jobs = await getQueue('knowledge').getJobs(['waiting', 'active', 'delayed', 'completed', 'prioritized']);
    expect(jobs.filter((j) => j.data.versionId === uploaded.versionId).length).toBeGreaterThanOrEqual(2);
  });

  it('queues pasted articles and FAQ pairs like uploads, and refuses invalid ones before writing anything', async () => {
    const article = await as(owner).knowledge.addArticle({ title: 'Opening hours', body: 'Our shops open Monday to Saturday from nine to eight.' });
    expect((await getQueue('knowledge').getJob(`ingest-${article.versionId}`))?.data).toEqual({ tenantId: expect.any(String), versionId: article.versionId });
    const faq = await as(owner).knowledge.addFaq({ name: 'Shipping FAQ', pairs: [{ question: 'Do you ship to Norway?', answer: 'Yes.' }] });
    expect(await getQueue('knowledge').getJob(`ingest-${faq.versionId}`)).toBeDefined();
    const before = await system.sourceVersion.count();
    await expect(as(owner).knowledge.addFaq({ name: 'Empty', pairs: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(owner).knowledge.addArticle({ title: '', body: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await system.sourceVersion.count()).toBe(before);
  });

  it('lists only its own crawls and cannot retry another tenant’s crawl', async () => {
    await as(owner).knowledge.crawl({ startUrl: 'https://help.example.com/docs/', maxDepth: 0, maxPages: 1 });
    const mine = await as(owner).knowledge.crawls();
    expect(mine.map((c) => c.startUrl)).toContain('https://help.example.com/docs/');
    expect(await as(otherOwner, otherSlug).knowledge.crawls()).toEqual([]);
    const jobId = mine.find((c) => c.startUrl === 'https://help.example.com/docs/')!.jobId;
    await expect(as(otherOwner, otherSlug).knowledge.retryCrawl({ jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Not failed (yet): nothing to retry.
    await expect(as(owner).knowledge.retryCrawl({ jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await system.auditEvent.count({ where: { action: 'knowledge.crawl-request', actorId: owner.user.id } })).toBe(1);
  });

  it('starts a re-index for its own tenant only, once at a time', async () => {
    const before = await as(owner).knowledge.settings();
    expect(before).toMatchObject({ textSearchConfig: 'english', reindex: { status: 'idle' }, choices: { dimensions: [384, 768, 1024, 1536] } });
    const started = await as(owner).knowledge.reindex({ textSearchConfig: 'french', embedder: null });
    expect(started).toMatchObject({ pending: { textSearchConfig: 'french', embedder: null }, reindex: { status: 'queued' } });
    const tenant = await system.tenant.findUniqueOrThrow({ where: { slug } });
    const jobs = await getQueue('knowledge').getJobs(['waiting', 'active', 'delayed', 'completed', 'prioritized']);
    expect(jobs.some((j) => j.name === 'knowledge.reembed-tenant' && j.data.tenantId === tenant.id)).toBe(true);
    await expect(as(owner).knowledge.reindex({ textSearchConfig: 'german' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // The other tenant's settings are untouched and it can start its own.
    expect(await as(otherOwner, otherSlug).knowledge.settings()).toMatchObject({ textSearchConfig: 'english', pending: null });
    await expect(as(owner).knowledge.reindex({ embedder: { provider: 'offline', model: 'hash-lemma-v1', dimensions: 999 as never } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
