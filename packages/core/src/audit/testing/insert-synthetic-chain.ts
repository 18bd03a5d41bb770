import type pg from 'pg';
import { chainHash, GENESIS_HASH, type TAuditContent } from '../canonical';

const INSERT_BATCH = 2_000;
const ACTIONS = ['member.add', 'knowledge.upload', 'knowledge.review', 'agent.deploy', 'auth.sign-in', 'api_key.create'];

/**
 * Benchmarks only: a valid hash chain of `count` synthetic events for an empty tenant, hashed
 * in Node and inserted in multi-row batches as the owner role (recordAuditEvent one by one
 * would take minutes for a million). Lives beside the only writer so audit writes stay here.
 */
export async function insertSyntheticChain(owner: pg.Client, tenantId: string, count: number): Promise<void> {
  let prevHash = GENESIS_HASH;
  const start = Date.now() - count * 1000;
  for (let first = 1; first <= count; first += INSERT_BATCH) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let seq = first; seq < Math.min(first + INSERT_BATCH, count + 1); seq += 1) {
      const content: TAuditContent = {
        tenantId,
        seq: String(seq),
        occurredAt: new Date(start + seq * 1000).toISOString(),
        actorType: 'user',
        actorId: `00000000-0000-4000-8000-${String(seq % 50).padStart(12, '0')}`,
        action: ACTIONS[seq % ACTIONS.length]!,
        targetType: 'thing',
        targetId: `t-${seq % 997}`,
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 (bench)',
        data: { seq, note: 'synthetic bench event', roles: ['auditor'] },
      };
      const hash = chainHash(prevHash, content);
      const p = values.length;
      rows.push(`($${p + 1}::uuid,$${p + 2}::bigint,$${p + 3}::timestamptz,'user',$${p + 4},$${p + 5},$${p + 6},$${p + 7},$${p + 8},$${p + 9},$${p + 10}::jsonb,$${p + 11},$${p + 12})`);
      values.push(tenantId, seq, content.occurredAt, content.actorId, content.action, content.targetType, content.targetId, content.ip, content.userAgent, JSON.stringify(content.data), prevHash, hash);
      prevHash = hash;
    }
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    await owner.query(
      `INSERT INTO audit_events (tenant_id, seq, occurred_at, actor_type, actor_id, action, target_type, target_id, ip, user_agent, data, prev_hash, hash) VALUES ${rows.join(',')}`,
      values,
    );
    await owner.query('COMMIT');
  }
}

