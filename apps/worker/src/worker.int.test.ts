import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { getSystemClient } from '@vouch/db/system';
import { enqueue, getQueue } from '@vouch/jobs';
import { auditExportDir } from './env';
import { useTestWorkers } from './testing';

const { events } = useTestWorkers({ queue: 'audit', concurrency: 1 });

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

  it('exports a tenant audit trail with progress, and the export verifies offline', async () => {
    const tenantId = randomUUID();
    await getSystemClient().tenant.create({ data: { id: tenantId, slug: `wk-x-${tenantId.slice(0, 8)}`, name: 'Worker export test' } });
    for (let i = 0; i < 3; i += 1) {
      await withTenant(tenantId, (tx) => audit.record(tx, tenantId, { type: 'system', name: 'test' }, { action: 'test.event', data: { i } }));
    }
    const exportId = randomUUID();
    const progress: unknown[] = [];
    const onProgress = ({ jobId: id, data }: { jobId: string; data: unknown }) => {
      if (id === jobId) progress.push(data);
    };
    events.on('progress', onProgress);
    const jobId = await enqueue('audit.export-events', { tenantId, exportId, requestedBy: 'user:test', from: null, to: null });
    const job = await getQueue('audit').getJob(jobId);
    const result = await job!.waitUntilFinished(events, 30_000);
    events.off('progress', onProgress);
    expect(result).toMatchObject({ count: 3, range: { firstSeq: '1', lastSeq: '3' } });
    expect(result.dir).toBe(path.join(auditExportDir(), tenantId, exportId));
    await expect(audit.verifyAuditExport(result.dir)).resolves.toMatchObject({ ok: true, count: 3, tenantId });
    expect(progress).toContainEqual({ exported: 3, total: 3 });
    const recorded = await withTenant(tenantId, (tx) => audit.listAuditEvents(tx, { action: 'audit.export', limit: 1 }));
    expect(recorded.events[0]).toMatchObject({ actorId: 'system:worker', data: { count: 3, requestedBy: 'user:test' } });
  });

  it('refuses to enqueue a malformed payload instead of losing it later', async () => {
    await expect(enqueue('audit.verify-chain', { tenantId: 'x', requestedBy: 'test' } as never)).rejects.toThrow(/tenantId/);
  });
});
