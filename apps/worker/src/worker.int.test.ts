import { randomUUID } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeQueues, closeRedis, createRedisConnection, enqueue, getQueue } from '@vouch/jobs';
import { startWorkers } from './start-workers';

const workers = startWorkers({ concurrency: 1 });
const events = new QueueEvents('audit', { connection: createRedisConnection() });

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await events.close();
  await closeQueues();
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
});

describe('worker', () => {
  it('verifies a tenant audit chain through a real Redis queue', async () => {
    const tenantId = randomUUID();
    await getSystemClient().tenant.create({ data: { id: tenantId, slug: `wk-${tenantId.slice(0, 8)}`, name: 'Worker test' } });
    await withTenant(tenantId, (tx) => audit.record(tx, tenantId, { type: 'system', name: 'test' }, { action: 'test.event' }));
    const jobId = await enqueue('audit.verify-chain', { tenantId, requestedBy: 'test' });
    const job = await getQueue('audit').getJob(jobId);
    const result = await job!.waitUntilFinished(events, 30_000);
    expect(result).toMatchObject({ ok: true, eventsChecked: 1, headSeq: '1' });
  });

  it('refuses to enqueue a malformed payload instead of losing it later', async () => {
    await expect(enqueue('audit.verify-chain', { tenantId: 'x', requestedBy: 'test' } as never)).rejects.toThrow(/tenantId/);
  });
});
