import type { Job } from 'bullmq';
import { compliance } from '@vouch/core';
import { enqueue, getQueue, parseJobPayload } from '@vouch/jobs';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** The hourly retention sweep, registered once per worker start (upsert: never duplicated). */
export async function scheduleRetentionSweep(everyMs = SWEEP_EVERY_MS): Promise<void> {
  await getQueue('audit').upsertJobScheduler('compliance.retention-sweep', { every: everyMs }, { name: 'compliance.retention-sweep', data: {} });
}

export async function processComplianceJob(job: Job): Promise<unknown> {
  switch (job.name) {
    case 'compliance.retention-sweep': {
      parseJobPayload('compliance.retention-sweep', job.data);
      const tenants = await compliance.listRetentionTenants();
      // One job per tenant and hour: a retried sweep does not queue the same runs twice.
      const hour = Math.floor(Date.now() / SWEEP_EVERY_MS);
      for (const tenantId of tenants) {
        await enqueue('compliance.run-retention', { tenantId, kind: 'schedule', requestedBy: null }, { jobId: `retention-${tenantId}-${hour}` });
      }
      return { tenants: tenants.length };
    }
    case 'compliance.run-retention': {
      const { tenantId, kind, requestedBy } = parseJobPayload('compliance.run-retention', job.data);
      const run = await compliance.runRetention(tenantId, {
        kind,
        actor: { type: 'system', name: requestedBy ? `retention (requested by ${requestedBy})` : 'retention' },
      });
      return { runId: run.id, removed: run.removed };
    }
    default:
      throw new Error(`No compliance processor for job "${job.name}".`);
  }
}
