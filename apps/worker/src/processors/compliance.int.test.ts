import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { withTenant } from '@vouch/db';
import { getSystemClient } from '@vouch/db/system';
import { enqueue, getQueue } from '@vouch/jobs';
import { audit } from '@vouch/core';
import { useTestWorkers } from '../testing';
import { scheduleRetentionSweep } from './compliance';

const { events } = useTestWorkers({ queue: 'audit', concurrency: 1 });

describe('retention jobs', () => {
  it('a sweep queues one run per tenant and the run deletes what is due through a real worker', async () => {
    const tenantId = randomUUID();
    const system = getSystemClient();
    await system.tenant.create({ data: { id: tenantId, slug: `ret-wk-${tenantId.slice(0, 8)}`, name: 'Retention worker' } });
    const agent = await system.agent.create({ data: { tenantId, slug: 'support', name: 'Support' } });
    const old = new Date(Date.now() - 200 * 24 * 3600 * 1000);
    const due = await system.conversation.create({ data: { tenantId, agentId: agent.id, createdAt: old, updatedAt: old } });
    const fresh = await system.conversation.create({ data: { tenantId, agentId: agent.id } });

    const sweepId = await enqueue('compliance.retention-sweep', {});
    const sweep = await getQueue('audit').getJob(sweepId);
    const swept = (await sweep!.waitUntilFinished(events, 30_000)) as { tenants: number };
    expect(swept.tenants).toBeGreaterThanOrEqual(1);

    const runJob = await getQueue('audit').getJob(`retention-${tenantId}-${Math.floor(Date.now() / 3_600_000)}`);
    expect(runJob).toBeTruthy();
    const result = (await runJob!.waitUntilFinished(events, 60_000)) as { removed: { conversations: number } };
    expect(result.removed.conversations).toBe(1);
    const left = await system.conversation.findMany({ where: { tenantId }, select: { id: true } });
    expect(left.map((c) => c.id)).toEqual([fresh.id]);
    expect(left.map((c) => c.id)).not.toContain(due.id);
    const recorded = await withTenant(tenantId, (tx) => audit.listAuditEvents(tx, { action: 'retention.run', limit: 5 }));
    expect(recorded.events[0]).toMatchObject({ actorId: 'system:retention', data: { kind: 'schedule', status: 'done', removed: { conversations: 1 } } });
  });

  it('registers the repeatable sweep once, however often the worker starts', async () => {
    const queue = getQueue('audit');
    await scheduleRetentionSweep(3_600_000);
    await scheduleRetentionSweep(3_600_000);
    const schedulers = (await queue.getJobSchedulers()).filter((s) => s.key === 'compliance.retention-sweep');
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ name: 'compliance.retention-sweep', every: 3_600_000 });
    await queue.removeJobScheduler('compliance.retention-sweep');
    // The scheduler queued a first sweep at once; drop it so it never runs in a later test file.
    for (const job of await queue.getJobs(['waiting', 'delayed', 'prioritized'])) {
      if (job.name === 'compliance.retention-sweep') await job.remove();
    }
  });
});

describe('SIEM delivery jobs', () => {
  it('retries a failed delivery with backoff through BullMQ until the loopback receiver takes it', async () => {
    process.env.VOUCH_SIEM_ALLOW_LOOPBACK = '1';
    const received: { status: number; seqs: string[] }[] = [];
    let failuresLeft = 1;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = failuresLeft-- > 0 ? 502 : 204;
        received.push({ status, seqs: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: { seq: string }[] }).events.map((e) => e.seq) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const tenantId = randomUUID();
    try {
      await getSystemClient().tenant.create({ data: { id: tenantId, slug: `siem-wk-${tenantId.slice(0, 8)}`, name: 'SIEM worker' } });
      const actor = { type: 'system', name: 'test' } as const;
      await withTenant(tenantId, (tx) => audit.configureAuditWebhook(tx, tenantId, actor, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` }));
      await withTenant(tenantId, (tx) => audit.record(tx, tenantId, actor, { action: 'test.streamed' }));
      const jobId = await enqueue('audit.deliver-webhook', { tenantId }, { backoff: { type: 'exponential', delay: 200 } });
      const job = await getQueue('audit').getJob(jobId);
      const result = await job!.waitUntilFinished(events, 30_000);
      // Everything up to the head went out once, after one refused attempt (a scheduled sweep
      // started by the test above may have added a retention.run event meanwhile).
      const head = (await getSystemClient().auditEvent.aggregate({ where: { tenantId }, _max: { seq: true } }))._max.seq!.toString();
      expect(result).toMatchObject({ deliveredSeq: head });
      expect(received.map((r) => r.status)).toEqual([502, 204]);
      expect(received[1]!.seqs.slice(0, 2)).toEqual(['1', '2']);
      expect(received[1]!.seqs.at(-1)).toBe(head);
      expect((await getQueue('audit').getJob(jobId))!.attemptsMade).toBe(2);
    } finally {
      server.close();
      delete process.env.VOUCH_SIEM_ALLOW_LOOPBACK;
      // The receiver is gone: a webhook left enabled would be swept by a later worker (e2e) and refused.
      await getSystemClient().auditWebhook.deleteMany({ where: { tenantId } });
    }
  });
});
