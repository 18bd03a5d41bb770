import { Prisma } from '@vouch/db';

/**
 * The waits (handoff to first claim, in ms) of the tenant's last 20 claimed handoffs of 30 days,
 * as one array: a scalar subquery that any tenant statement can carry (RLS confines it).
 */
export const recentWaitsMsSql = Prisma.sql`
  SELECT array_agg(w.wait_ms) FROM (
    SELECT (extract(epoch FROM h.claimed_at - h.created_at) * 1000)::float8 AS wait_ms FROM handoffs h
    WHERE h.claimed_at IS NOT NULL AND h.created_at >= now() - interval '30 days'
    ORDER BY h.created_at DESC LIMIT 20
  ) w`;

/** What the customer is told when nobody is online: the median of the recent waits, in whole minutes (at least 1); null if unknown. */
export function medianWaitMinutes(waitsMs: readonly number[]): number | null {
  if (waitsMs.length === 0) return null;
  const sorted = [...waitsMs].sort((a, b) => a - b);
  return Math.max(1, Math.round(sorted[Math.floor(sorted.length / 2)]! / 60_000));
}
