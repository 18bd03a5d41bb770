import type { Job } from 'bullmq';
import { audit } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { parseJobPayload } from '@vouch/jobs';

export async function processAuditJob(job: Job): Promise<audit.TChainVerification> {
  switch (job.name) {
    case 'audit.verify-chain': {
      const { tenantId } = parseJobPayload('audit.verify-chain', job.data);
      return withTenant(tenantId, (tx) => audit.verify(tx, tenantId), { timeoutMs: 600_000 });
    }
    default:
      throw new Error(`The audit queue has no processor for job "${job.name}".`);
  }
}
