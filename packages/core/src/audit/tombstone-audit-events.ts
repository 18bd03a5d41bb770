import type { TenantTx } from '@vouch/db';
import { signAuditCheckpoint } from './audit-checkpoint';

export interface TTombstoneResult {
  tombstoned: number;
  /** The end of the tombstoned prefix of the chain after this call (null when there is none). */
  throughSeq: string | null;
}

/**
 * Replaces the content of audit events older than the tenant's audit retention with tombstones,
 * oldest first and at most `limit` per call, through the `audit_tombstone_due` definer function
 * (the application role has no UPDATE on audit_events; the function reads the retention period
 * itself and keeps seq, time, action, prev_hash and hash). Then signs a checkpoint over the new
 * end of the tombstoned prefix, in the same transaction, so verification can tell retention from
 * tampering.
 */
export async function tombstoneDueAuditEvents(tx: TenantTx, tenantId: string, limit = 1000): Promise<TTombstoneResult> {
  const rows = await tx.$queryRaw<{ through_seq: bigint | null; through_hash: string | null; tombstoned: number }[]>`
    SELECT through_seq, through_hash, tombstoned FROM audit_tombstone_due(${tenantId}::uuid, ${limit}::integer)`;
  const row = rows[0];
  const tombstoned = row?.tombstoned ?? 0;
  if (!row || row.through_seq === null || row.through_hash === null) return { tombstoned, throughSeq: null };
  if (tombstoned > 0) {
    await tx.auditCheckpoint.create({
      data: {
        tenantId,
        throughSeq: row.through_seq,
        throughHash: row.through_hash,
        signature: signAuditCheckpoint(tenantId, row.through_seq, row.through_hash),
      },
    });
  }
  return { tombstoned, throughSeq: row.through_seq.toString() };
}
