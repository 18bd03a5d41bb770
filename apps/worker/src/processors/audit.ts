import type { Job } from 'bullmq';
import { audit } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { parseJobPayload } from '@vouch/jobs';
import { processComplianceJob } from './compliance';

export interface TAuditExportJobResult {
  dir: string;
  count: number;
  range: audit.TAuditExportManifest['range'];
  chain: audit.TAuditExportManifest['chain'];
  jsonlSha256: string;
}

/** The audit queue carries audit jobs and compliance jobs (retention, SIEM delivery). */
export async function processAuditJob(job: Job): Promise<unknown> {
  if (job.name.startsWith('compliance.')) return processComplianceJob(job);
  switch (job.name) {
    case 'audit.verify-chain': {
      const { tenantId } = parseJobPayload('audit.verify-chain', job.data);
      return withTenant(tenantId, (tx) => audit.verify(tx, tenantId), { timeoutMs: 600_000 });
    }
    case 'audit.export-events': {
      const { tenantId, exportId, requestedBy, from, to } = parseJobPayload('audit.export-events', job.data);
      // Tenant and export ids are uuids (validated above), so the folder cannot escape the root;
      // the console's download route resolves the same folder through core.
      const dir = audit.auditExportDirOf(tenantId, exportId);
      const manifest = await withTenant(
        tenantId,
        (tx) =>
          audit.writeAuditExport(tx, tenantId, dir, { from: from ?? undefined, to: to ?? undefined }, {
            actor: { type: 'system', name: 'worker' },
            requestedBy,
            onProgress: (exported, total) => job.updateProgress({ exported, total }),
          }),
        { timeoutMs: 600_000 },
      );
      return { dir, count: manifest.count, range: manifest.range, chain: manifest.chain, jsonlSha256: manifest.files.jsonl.sha256 };
    }
    case 'audit.deliver-webhook': {
      const { tenantId } = parseJobPayload('audit.deliver-webhook', job.data);
      return audit.deliverAuditEvents(tenantId);
    }
    default:
      throw new Error(`The audit queue has no processor for job "${job.name}".`);
  }
}
