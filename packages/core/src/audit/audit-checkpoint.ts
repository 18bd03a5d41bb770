import { createPublicKey, verify } from 'node:crypto';
import { getAuditPublicKey, signWithAuditKey } from './audit-signing-key';
import { canonicalJson } from './canonical';

export const AUDIT_CHECKPOINT_FORMAT = 'vouch-audit-checkpoint/v1';

/** What a checkpoint signs: "every event up to throughSeq is a tombstone, the last hashes to throughHash". */
export interface TAuditCheckpointStatement {
  format: typeof AUDIT_CHECKPOINT_FORMAT;
  tenantId: string;
  throughSeq: string;
  throughHash: string;
}

function statement(tenantId: string, throughSeq: bigint | string, throughHash: string): TAuditCheckpointStatement {
  return { format: AUDIT_CHECKPOINT_FORMAT, tenantId, throughSeq: String(throughSeq), throughHash };
}

export function signAuditCheckpoint(tenantId: string, throughSeq: bigint, throughHash: string): string {
  return signWithAuditKey(tenantId, canonicalJson(statement(tenantId, throughSeq, throughHash)));
}

/** True when `signature` is the tenant audit key's Ed25519 signature over this checkpoint. */
export function verifyAuditCheckpoint(tenantId: string, throughSeq: bigint | string, throughHash: string, signature: string): boolean {
  try {
    const key = createPublicKey(getAuditPublicKey(tenantId).pem);
    return verify(null, Buffer.from(canonicalJson(statement(tenantId, throughSeq, throughHash))), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
