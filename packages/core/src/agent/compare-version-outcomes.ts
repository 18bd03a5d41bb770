import type { TenantTx } from '@vouch/db';
import { z } from 'zod';

export const ZCompareOutcomesInput = z.object({ agentId: z.uuid(), days: z.int().min(1).max(90).default(30) });

export interface TVersionOutcomes {
  configVersionId: string;
  version: number;
  environment: 'staging' | 'production';
  replies: number;
  answered: number;
  handedOff: number;
  unverified: number;
  /** Handoffs because the approved sources did not cover the question. */
  groundingFailures: number;
  /** Handed off or left unverified, as a share of replies (0..1). */
  escalationRate: number;
}

/**
 * How each version of an agent actually did with customers, per environment, over the last days:
 * the figures to compare before and after a promotion (or to decide a rollback). Counts only, from
 * the message traces (RLS confines them to the tenant).
 */
export async function compareVersionOutcomes(tx: TenantTx, rawInput: z.input<typeof ZCompareOutcomesInput>): Promise<TVersionOutcomes[]> {
  const input = ZCompareOutcomesInput.parse(rawInput);
  const rows = await tx.$queryRaw<{ config_version_id: string; version: number; environment: 'staging' | 'production'; outcome: string; handoff_reason: string | null; n: bigint }[]>`
    SELECT t.config_version_id, v.version, c.environment, t.outcome, t.handoff_reason::text AS handoff_reason, count(*) AS n
    FROM message_traces t
    JOIN conversations c ON c.id = t.conversation_id
    JOIN agent_config_versions v ON v.id = t.config_version_id
    WHERE c.agent_id = ${input.agentId}::uuid AND t.created_at > now() - make_interval(days => ${input.days}::int)
    GROUP BY 1, 2, 3, 4, 5`;
  const byKey = new Map<string, TVersionOutcomes>();
  for (const row of rows) {
    const key = `${row.config_version_id}:${row.environment}`;
    const entry = byKey.get(key) ?? { configVersionId: row.config_version_id, version: row.version, environment: row.environment, replies: 0, answered: 0, handedOff: 0, unverified: 0, groundingFailures: 0, escalationRate: 0 };
    const n = Number(row.n);
    entry.replies += n;
    if (row.outcome === 'answered') entry.answered += n;
    else if (row.outcome === 'handed_off') entry.handedOff += n;
    else if (row.outcome === 'unverified') entry.unverified += n;
    if (row.handoff_reason === 'low_grounding') entry.groundingFailures += n;
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map((e) => ({ ...e, escalationRate: e.replies ? (e.handedOff + e.unverified) / e.replies : 0 }))
    .sort((a, b) => b.version - a.version || a.environment.localeCompare(b.environment));
}
