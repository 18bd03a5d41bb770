import type { TenantTx } from '@vouch/db';
import { verifyAuditCheckpoint } from './audit-checkpoint';
import { contentOfLine, toAuditExportLine } from './audit-export-format';
import { chainHash, GENESIS_HASH } from './canonical';

export type TChainBreakReason =
  | 'seq_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'unauthorized_tombstone'
  | 'checkpoint_invalid';

export interface TChainVerification {
  ok: boolean;
  tenantId: string;
  eventsChecked: number;
  /** Events past retention whose content was replaced by a tombstone (links still checked). */
  tombstoned: number;
  headSeq: string | null;
  headHash: string | null;
  firstBroken: { seq: string; id: string; reason: TChainBreakReason; detail: string } | null;
}

const BATCH = 1000;

/**
 * Recomputes a tenant's audit chain from the first event and reports the first broken link:
 * a missing seq (deleted row), a prev_hash that does not match the previous row's hash
 * (reordered or replaced row), or a hash that does not match the row's own content (edited row).
 * A tombstone (content removed by retention) cannot be re-hashed; it is accepted only inside
 * the tenant's latest checkpoint, signed by the tenant audit key, whose end hash it must match,
 * and its links are still checked, so the next live event pins it.
 */
export async function verifyAuditChain(tx: TenantTx, tenantId: string): Promise<TChainVerification> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  let tombstoned = 0;
  let after = 0n;
  const checkpoint = await tx.auditCheckpoint.findFirst({ where: { tenantId }, orderBy: { throughSeq: 'desc' } });
  const checkpointValid =
    checkpoint !== null && verifyAuditCheckpoint(tenantId, checkpoint.throughSeq, checkpoint.throughHash, checkpoint.signature);
  if (checkpoint && !checkpointValid) {
    return {
      ok: false,
      tenantId,
      eventsChecked: 0,
      tombstoned: 0,
      headSeq: null,
      headHash: null,
      firstBroken: {
        seq: checkpoint.throughSeq.toString(),
        id: checkpoint.id,
        reason: 'checkpoint_invalid',
        detail: 'the retention checkpoint is not signed by this tenant audit key',
      },
    };
  }
  for (;;) {
    const rows = await tx.auditEvent.findMany({
      where: { tenantId, seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    for (const row of rows) {
      const broken = (reason: TChainBreakReason, detail: string): TChainVerification => ({
        ok: false,
        tenantId,
        eventsChecked: checked,
        tombstoned,
        headSeq: null,
        headHash: null,
        firstBroken: { seq: row.seq.toString(), id: row.id, reason, detail },
      });
      if (row.seq !== expectedSeq) {
        return broken('seq_gap', `expected seq ${expectedSeq}, found ${row.seq}`);
      }
      if (row.prevHash !== expectedPrev) {
        return broken('prev_hash_mismatch', 'prev_hash does not match the previous event hash');
      }
      if (row.tombstonedAt) {
        if (!checkpoint || row.seq > checkpoint.throughSeq) {
          return broken('unauthorized_tombstone', 'a tombstone outside any signed retention checkpoint');
        }
        if (row.seq === checkpoint.throughSeq && row.hash !== checkpoint.throughHash) {
          return broken('hash_mismatch', 'the tombstone hash does not match the signed checkpoint');
        }
        expectedPrev = row.hash;
        expectedSeq = row.seq + 1n;
        checked += 1;
        tombstoned += 1;
        continue;
      }
      // The hashed content is the export line's content: verify and verify-export hash the same fields.
      if (chainHash(row.prevHash, contentOfLine(toAuditExportLine(row))) !== row.hash) {
        return broken('hash_mismatch', 'the event content does not match its hash');
      }
      expectedPrev = row.hash;
      expectedSeq = row.seq + 1n;
      checked += 1;
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) break;
    after = last.seq;
  }
  return {
    ok: true,
    tenantId,
    eventsChecked: checked,
    tombstoned,
    headSeq: checked > 0 ? (expectedSeq - 1n).toString() : null,
    headHash: checked > 0 ? expectedPrev : null,
    firstBroken: null,
  };
}
