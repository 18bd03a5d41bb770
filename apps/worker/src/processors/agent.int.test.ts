import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTenant, startEvaluationRun } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { getSystemClient } from '@vouch/db/system';
import { enqueue, getQueue } from '@vouch/jobs';
import { useTestWorkers } from '../testing';

const { events } = useTestWorkers({ queue: 'agent', concurrency: 1, only: 'agent' });
const system = getSystemClient();
const SYSTEM = { type: 'system', name: 'agent-worker-test' } as const;

describe('agent queue', () => {
  it('runs an evaluation through a real Redis queue with progress, and records the result', async () => {
    const suffix = randomBytes(3).toString('hex');
    const created = await system.$transaction((tx) => createTenant(tx, SYSTEM, { slug: `agentwk-${suffix}`, ownerEmail: `agentwk-${suffix}@example.test` }));
    const tenantId = created.tenant.id;
    const version = await system.agentConfigVersion.findFirstOrThrow({ where: { tenantId } });
    const { runId, total } = await withTenant(tenantId, (tx) => startEvaluationRun(tx, tenantId, SYSTEM, { versionId: version.id }));
    const progress: unknown[] = [];
    const jobId = `eval-${runId}`;
    const onProgress = ({ jobId: id, data }: { jobId: string; data: unknown }) => {
      if (id === jobId) progress.push(data);
    };
    events.on('progress', onProgress);
    await enqueue('agent.evaluate-version', { tenantId, runId }, { jobId });
    const job = await getQueue('agent').getJob(jobId);
    const result = await job!.waitUntilFinished(events, 120_000);
    events.off('progress', onProgress);
    expect(result).toMatchObject({ status: 'passed', total, failed: 0 });
    expect(progress.at(-1)).toEqual({ done: total, total, percent: 100 });
    const run = await system.agentEvalRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: 'passed', done: total });
  });
});
