import { createHash } from 'node:crypto';
import type { TenantTx } from '@vouch/db';

/**
 * A visitor's stable bucket (0..99) for one agent: the same visitor always lands in the same
 * bucket, so a canary serves them one version throughout, and buckets are uniform across visitors.
 */
export function canaryBucket(agentId: string, bucketKey: string): number {
  return createHash('sha256').update(`${agentId}\u0000${bucketKey}`).digest().readUInt32BE(0) % 100;
}

/** The canary version this visitor gets, when the environment runs a canary and the visitor is in it. */
export async function canaryVersionFor(
  tx: TenantTx,
  pointer: { agentId: string; canaryVersionId: string | null; canaryPercent: number },
  bucketKey: string,
): Promise<{ id: string; config: unknown } | null> {
  if (!pointer.canaryVersionId || pointer.canaryPercent <= 0) return null;
  if (canaryBucket(pointer.agentId, bucketKey) >= pointer.canaryPercent) return null;
  return tx.agentConfigVersion.findFirst({ where: { id: pointer.canaryVersionId }, select: { id: true, config: true } });
}
