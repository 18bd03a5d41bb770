import { findRecoveryCodeHash, withUser } from '@vouch/auth';

/**
 * Spends one recovery code: removes its hash in a single conditional UPDATE, so two concurrent
 * uses of the same code cannot both succeed. Returns how many codes are left, or null when the
 * code is not (or no longer) one of the user's.
 */
export async function consumeRecoveryCode(userId: string, code: string): Promise<number | null> {
  return withUser(userId, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId }, select: { recoveryCodeHashes: true } });
    const hash = findRecoveryCodeHash(code, user?.recoveryCodeHashes ?? []);
    if (!hash) return null;
    const rows = await tx.$queryRaw<{ remaining: number }[]>`
      UPDATE users SET recovery_code_hashes = array_remove(recovery_code_hashes, ${hash}), updated_at = now()
      WHERE id = ${userId}::uuid AND ${hash} = ANY(recovery_code_hashes)
      RETURNING cardinality(recovery_code_hashes) AS remaining`;
    return rows[0] ? Number(rows[0].remaining) : null;
  });
}
