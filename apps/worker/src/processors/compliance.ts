import type { Job } from 'bullmq';
import { audit, compliance } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { enqueue, getQueue, parseJobPayload } from '@vouch/jobs';

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SIEM_EVERY_MS = 60 * 1000;

/** The hourly retention sweep, registered once per worker start (upsert: never duplicated). */
export async function scheduleRetentionSweep(everyMs = SWEEP_EVERY_MS): Promise<void> {
  await getQueue('audit').upsertJobScheduler('compliance.retention-sweep', { every: everyMs }, { name: 'compliance.retention-sweep', data: {} });
}

/** The SIEM sweep (every minute): new audit events reach each enabled webhook within about a minute. */
export async function scheduleSiemSweep(everyMs = SIEM_EVERY_MS): Promise<void> {
  await getQueue('audit').upsertJobScheduler('compliance.siem-sweep', { every: everyMs }, { name: 'compliance.siem-sweep', data: {} });
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
    case 'compliance.siem-sweep': {
      parseJobPayload('compliance.siem-sweep', job.data);
      const minute = Math.floor(Date.now() / SIEM_EVERY_MS);
      let queued = 0;
      for (const tenantId of await compliance.listRetentionTenants()) {
        const hook = await withTenant(tenantId, (tx) => audit.getAuditWebhook(tx, tenantId));
        if (!hook?.enabled) continue;
        await enqueue('audit.deliver-webhook', { tenantId }, { jobId: `siem-${tenantId}-${minute}` });
        queued += 1;
      }
      return { queued };
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
