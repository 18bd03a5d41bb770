import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import type { TActor } from '../actor';
import { record, verify } from './index';

const actor: TActor = { type: 'system', name: 'audit-test', ip: '127.0.0.1', userAgent: 'vitest' };
let owner: pg.Client;

async function newTenant(): Promise<string> {
  const id = randomUUID();
  await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [id, `audit-${id.slice(0, 8)}`, 'Audit test']);
  return id;
}

async function recordMany(tenantId: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await withTenant(tenantId, (tx) =>
      record(tx, tenantId, actor, { action: 'test.event', targetType: 'thing', targetId: String(i), data: { i, nested: { b: 2, a: 1 } } }),
    );
  }
}

/** Tampering the way an attacker with the owner role would: switch the guard off, edit, switch it on. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await owner.query('BEGIN');
  await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
  await owner.query(sql, params);
  await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
  await owner.query('COMMIT');
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});

afterAll(async () => {
  await owner.end();
  await disconnectAppClient();
});

describe('audit chain', () => {
  it('records a gap-free chain that verifies', async () => {
    const tenantId = await newTenant();
    await recordMany(tenantId, 5);
    const result = await withTenant(tenantId, (tx) => verify(tx, tenantId));
    expect(result).toMatchObject({ ok: true, eventsChecked: 5, headSeq: '5', firstBroken: null });
  });

  it('keeps seq gap-free under concurrent writers', async () => {
    const tenantId = await newTenant();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withTenant(tenantId, (tx) => record(tx, tenantId, actor, { action: 'test.concurrent', data: { i } })),
      ),
    );
    const result = await withTenant(tenantId, (tx) => verify(tx, tenantId));
    expect(result).toMatchObject({ ok: true, eventsChecked: 12, headSeq: '12' });
  });

  it('rolls the event back with a failed transaction', async () => {
    const tenantId = await newTenant();
    await expect(
      withTenant(tenantId, async (tx) => {
        await record(tx, tenantId, actor, { action: 'test.rolled-back' });
        throw new Error('business step failed');
      }),
    ).rejects.toThrow('business step failed');
    const count = await owner.query('SELECT 1 FROM audit_events WHERE tenant_id = $1', [tenantId]);
    expect(count.rowCount).toBe(0);
  });

  it('the application role can neither update nor delete events', async () => {
    const tenantId = await newTenant();
    await recordMany(tenantId, 1);
    await expect(withTenant(tenantId, (tx) => tx.$executeRaw`UPDATE audit_events SET action = 'x.y'`)).rejects.toThrow(/permission denied/);
    await expect(withTenant(tenantId, (tx) => tx.$executeRaw`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
  });

  it('even the owner role is stopped by the append-only trigger', async () => {
    const tenantId = await newTenant();
    await recordMany(tenantId, 1);
    await expect(owner.query(`UPDATE audit_events SET action = 'x.y' WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(/append-only/);
    await expect(owner.query('DELETE FROM audit_events WHERE tenant_id = $1', [tenantId])).rejects.toThrow(/append-only/);
  });

  it('names the first edited event', async () => {
    const tenantId = await newTenant();
    await recordMany(tenantId, 5);
    await tamper(`UPDATE audit_events SET data = jsonb_set(data, '{i}', '99') WHERE tenant_id = $1 AND seq = 3`, [tenantId]);
    const result = await withTenant(tenantId, (tx) => verify(tx, tenantId));
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: '3', reason: 'hash_mismatch' });
    expect(result.eventsChecked).toBe(2);
  });

  it('detects a deleted event', async () => {
    const tenantId = await newTenant();
    await recordMany(tenantId, 4);
    await tamper('DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 2', [tenantId]);
    const result = await withTenant(tenantId, (tx) => verify(tx, tenantId));
    expect(result.firstBroken).toMatchObject({ seq: '3', reason: 'seq_gap' });
  });

  it('detects an edit that also recomputed the row hash', async () => {
    const tenantId = await newTenant();
    await recordMany(tenantId, 4);
    // An attacker who rewrites a row and its own hash still breaks the next link.
    await tamper(`UPDATE audit_events SET action = 'test.forged', hash = repeat('a', 64) WHERE tenant_id = $1 AND seq = 2`, [tenantId]);
    const result = await withTenant(tenantId, (tx) => verify(tx, tenantId));
    expect(result.firstBroken?.seq).toBe('2');
    expect(result.ok).toBe(false);
  });

  it('detects the tail being swapped for a forged event', async () => {
    const tenantId = await newTenant();
    await recordMany(tenantId, 3);
    await tamper(`UPDATE audit_events SET prev_hash = repeat('0', 64) WHERE tenant_id = $1 AND seq = 3`, [tenantId]);
    const result = await withTenant(tenantId, (tx) => verify(tx, tenantId));
    expect(result.firstBroken).toMatchObject({ seq: '3', reason: 'prev_hash_mismatch' });
  });

  it("verifying tenant A never reads tenant B's chain", async () => {
    const tenantA = await newTenant();
    const tenantB = await newTenant();
    await recordMany(tenantB, 2);
    const result = await withTenant(tenantA, (tx) => verify(tx, tenantB));
    expect(result.eventsChecked).toBe(0);
  });
});
