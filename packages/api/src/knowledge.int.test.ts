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
let slug = '';

function as(session: TVouchSession) {
  return createCaller(createTRPCContext({ session, tenantSlug: slug, ip: '127.0.0.1', userAgent: 'vitest' }));
}

beforeAll(async () => {
  const created = await system.$transaction((tx) =>
    createTenant(tx, { type: 'system', name: 'kb-api-test' }, { slug: `kbapi-${suffix}`, ownerEmail: `kbapi-${suffix}@example.test` }),
  );
  slug = created.tenant.slug;
  owner = { user: { id: created.owner.user.id, email: created.owner.user.email, name: null }, memberships: await listUserMemberships(created.owner.user.id), expires: '' };
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
});
