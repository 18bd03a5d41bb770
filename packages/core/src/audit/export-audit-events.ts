import { createHash } from 'node:crypto';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { getAuditPublicKey, signWithAuditKey } from './audit-signing-key';
import {
  AUDIT_EXPORT_FORMAT,
  csvHeader,
  csvRow,
  EXPORT_FILES,
  toAuditExportLine,
  type TAuditExportManifest,
} from './audit-export-format';
import { canonicalJson } from './canonical';
import { recordAuditEvent } from './record-audit-event';

export const ZAuditExportRange = z
  .object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from must not be after to', path: ['from'] });
export type TAuditExportRange = z.input<typeof ZAuditExportRange>;

/** Where the two files go. Each write resolves once the sink has taken the chunk (backpressure). */
export interface TAuditExportWriter {
  writeJsonl(chunk: string): Promise<void>;
  writeCsv(chunk: string): Promise<void>;
}

export interface TAuditExportOptions {
  /** Who exported, for the `audit.export` event; omit to skip recording (benchmarks). */
  actor?: TActor;
  /** Who asked, when the actor is a job running on their behalf (kept in the audit.export event). */
  requestedBy?: string;
  batchSize?: number;
  onProgress?: (exported: number, total: number) => void | Promise<void>;
}

const BATCH = 1000;

/**
 * Streams a tenant's audit events in seq order as JSON Lines and CSV, in batches, so memory
 * stays flat however long the chain, and returns a manifest signed with the tenant's audit key.
 * The time range is resolved to a seq range first, so the export is a contiguous slice of the
 * chain that an auditor can verify link by link, and events appended meanwhile are left out.
 */
export async function exportAuditEvents(
  tx: TenantTx,
  tenantId: string,
  range: TAuditExportRange,
  writer: TAuditExportWriter,
  options: TAuditExportOptions = {},
): Promise<TAuditExportManifest> {
  const { from, to } = ZAuditExportRange.parse(range);
  const batchSize = options.batchSize ?? BATCH;
  const occurredAt = from || to ? { occurredAt: { gte: from, lte: to } } : {};
  // Tombstones (retention) form a prefix of the chain and carry no content: an export starts
  // after them, at a live event whose prevHash is the signed checkpoint's end.
  const bounds = await tx.auditEvent.aggregate({
    where: { tenantId, tombstonedAt: null, ...occurredAt },
    _min: { seq: true },
    _max: { seq: true },
  });
  const firstSeq = bounds._min.seq;
  const lastSeq = bounds._max.seq;
  const total = firstSeq !== null && lastSeq !== null ? Number(lastSeq - firstSeq + 1n) : 0;

  const jsonlHash = createHash('sha256');
  const csvHash = createHash('sha256');
  let jsonlBytes = 0;
  let csvBytes = 0;
  const writeJsonl = async (chunk: string) => {
    jsonlHash.update(chunk);
    jsonlBytes += Buffer.byteLength(chunk);
    await writer.writeJsonl(chunk);
  };
  const writeCsv = async (chunk: string) => {
    csvHash.update(chunk);
    csvBytes += Buffer.byteLength(chunk);
    await writer.writeCsv(chunk);
  };

  await writeCsv(csvHeader());
  let count = 0;
  let firstPrevHash: string | null = null;
  let lastHash: string | null = null;
  if (firstSeq !== null && lastSeq !== null) {
    let after = firstSeq - 1n;
    while (after < lastSeq) {
      const rows = await tx.auditEvent.findMany({
        where: { tenantId, seq: { gt: after, lte: lastSeq } },
        orderBy: { seq: 'asc' },
        take: batchSize,
      });
      if (rows.length === 0) break;
      let jsonl = '';
      let csv = '';
      for (const row of rows) {
        const line = toAuditExportLine(row);
        jsonl += `${JSON.stringify(line)}\n`;
        csv += csvRow(line);
        firstPrevHash ??= row.prevHash;
        lastHash = row.hash;
      }
      await writeJsonl(jsonl);
      await writeCsv(csv);
      count += rows.length;
      after = rows.at(-1)!.seq;
      await options.onProgress?.(count, total);
    }
  }

  const unsigned: TAuditExportManifest = {
    format: AUDIT_EXPORT_FORMAT,
    tenantId,
    exportedAt: new Date().toISOString(),
    range: {
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      firstSeq: count > 0 ? (firstSeq?.toString() ?? null) : null,
      lastSeq: count > 0 ? (lastSeq?.toString() ?? null) : null,
    },
    count,
    chain: { firstPrevHash, lastHash },
    files: {
      jsonl: { name: EXPORT_FILES.jsonl, sha256: jsonlHash.digest('hex'), bytes: jsonlBytes },
      csv: { name: EXPORT_FILES.csv, sha256: csvHash.digest('hex'), bytes: csvBytes },
    },
    publicKey: getAuditPublicKey(tenantId),
  };
  const manifest: TAuditExportManifest = {
    ...unsigned,
    signature: { algorithm: 'Ed25519', value: signWithAuditKey(tenantId, canonicalJson(unsigned)) },
  };

  if (options.actor) {
    // Counts and range only: the export event must not copy the exported content.
    await recordAuditEvent(tx, tenantId, options.actor, {
      action: 'audit.export',
      data: {
        count,
        range: unsigned.range,
        lastHash,
        jsonlSha256: unsigned.files.jsonl.sha256,
        ...(options.requestedBy ? { requestedBy: options.requestedBy } : {}),
      },
    });
  }
  return manifest;
}
