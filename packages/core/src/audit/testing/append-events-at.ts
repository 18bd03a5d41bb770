import type pg from 'pg';
import { chainHash, GENESIS_HASH, type TAuditContent } from '../canonical';

/**
 * Tests only: appends correctly hashed events with the given timestamps to a tenant's chain, as
 * the owner role (record() always stamps "now", and retention needs events from the past).
 */
export async function appendEventsAt(owner: pg.Client, tenantId: string, times: Date[], action = 'test.old-event'): Promise<void> {
  const head = await owner.query<{ seq: string; hash: string }>(
    'SELECT seq::text, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1',
    [tenantId],
  );
  let seq = BigInt(head.rows[0]?.seq ?? '0');
  let prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
  for (const time of times) {
    seq += 1n;
    const content: TAuditContent = {
      tenantId,
      seq: seq.toString(),
      occurredAt: time.toISOString(),
      actorType: 'user',
      actorId: '00000000-0000-4000-8000-000000000001',
      action,
      targetType: 'thing',
      targetId: `t-${seq}`,
      ip: '203.0.113.9',
      userAgent: 'vitest',
      data: { seq: Number(seq), note: 'old event' },
    };
    const hash = chainHash(prevHash, content);
    await owner.query(
      `INSERT INTO audit_events (tenant_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, ip, user_agent, data, prev_hash, hash)
       VALUES ($1, $2, $3, 'user', $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
      [tenantId, seq.toString(), content.occurredAt, content.actorId, action, content.targetType, content.targetId, content.ip, content.userAgent, JSON.stringify(content.data), prevHash, hash],
    );
    prevHash = hash;
  }
}
