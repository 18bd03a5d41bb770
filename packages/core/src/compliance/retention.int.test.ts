import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import { record, verify } from '../audit/index';
import { appendEventsAt } from '../audit/testing/append-events-at';
import { getRetentionSettings, runRetention, updateRetentionPolicy } from './index';

const DAY = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
let owner: pg.Client;

async function q<T extends pg.QueryResultRow = { id: string }>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await owner.query<T>(sql, params)).rows;
}
async function id(sql: string, params: unknown[]): Promise<string> {
  return (await q(sql, params))[0]!.id;
}

/** One tenant with rows on both sides of every retention period (defaults: 90/90/60/30/30/400 days). */
async function seedTenant() {
  const tenantId = randomUUID();
  await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [tenantId, `ret-${tenantId.slice(0, 8)}`, 'Retention']);
  const agent = await id(`INSERT INTO agents (tenant_id, slug, name) VALUES ($1, 'support', 'Support') RETURNING id`, [tenantId]);
  const conversation = async (createdDaysAgo: number, updatedDaysAgo: number, sealed: string | null = null, contact: string | null = null) =>
    id(
      `INSERT INTO conversations (tenant_id, agent_id, contact_id, created_at, updated_at, redaction_session_sealed) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, agent, contact, ago(createdDaysAgo), ago(updatedDaysAgo), sealed],
    );
  const message = (conv: string, role: string, daysAgo: number, content = 'hello') =>
    id(`INSERT INTO messages (tenant_id, conversation_id, role, content, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [tenantId, conv, role, content, ago(daysAgo)]);
  const trace = (conv: string, msg: string, daysAgo: number) =>
    id(
      `INSERT INTO message_traces (tenant_id, conversation_id, customer_message_id, outcome, provider, created_at) VALUES ($1, $2, $3, 'answered', 'offline', $4) RETURNING id`,
      [tenantId, conv, msg, ago(daysAgo)],
    );

  const oldContact = await id(`INSERT INTO contacts (tenant_id, email, updated_at) VALUES ($1, 'old@example.test', $2) RETURNING id`, [tenantId, ago(120)]);
  // Due: idle 100 days, 2 messages, 1 trace, 1 handoff.
  const oldConv = await conversation(100, 100, 'sealed-old', oldContact);
  const oldMsg = await message(oldConv, 'customer', 100);
  await message(oldConv, 'assistant', 100);
  await trace(oldConv, oldMsg, 100);
  await owner.query(`INSERT INTO handoffs (tenant_id, conversation_id, reason, created_at) VALUES ($1, $2, 'customer_request', $3)`, [tenantId, oldConv, ago(100)]);
  // Kept: created long ago but a message 5 days ago (a conversation that is still alive).
  const aliveConv = await conversation(200, 5, 'sealed-alive');
  const aliveOldMsg = await message(aliveConv, 'customer', 150);
  const aliveNewMsg = await message(aliveConv, 'customer', 5);
  const oldTrace = await trace(aliveConv, aliveOldMsg, 150); // due (traces 90)
  const newTrace = await trace(aliveConv, aliveNewMsg, 5);
  const oldNote = await message(aliveConv, 'internal_note', 70); // due (notes 60)
  const newNote = await message(aliveConv, 'internal_note', 10);
  // Inbox vault entries of the live conversation: 40 days → due (vault 30), 5 days → kept.
  const vaultEntry = (placeholder: string, daysAgo: number) =>
    id(
      `INSERT INTO pii_vault_entries (tenant_id, conversation_id, placeholder, entity_type, ciphertext, iv, tag, created_at) VALUES ($1, $2, $3, 'EMAIL', 'c2VhbGVk', 'aXY=', 'dGFn', $4) RETURNING id`,
      [tenantId, aliveConv, placeholder, ago(daysAgo)],
    );
  await vaultEntry('[EMAIL_1]', 40);
  const newVault = await vaultEntry('[EMAIL_2]', 5);
  // Vault: idle 40 days → the sealed session goes (vault 30), the transcript stays (90).
  const idleConv = await conversation(40, 40, 'sealed-idle');
  await message(idleConv, 'customer', 40);
  // Uploads: 40 days → purged (uploads 30), 10 days → kept.
  const source = await id(`INSERT INTO knowledge_sources (tenant_id, name, type) VALUES ($1, 'doc', 'article') RETURNING id`, [tenantId]);
  const upload = async (version: number, daysAgo: number) => {
    const v = await id('INSERT INTO source_versions (tenant_id, source_id, version) VALUES ($1, $2, $3) RETURNING id', [tenantId, source, version]);
    return id(
      `INSERT INTO source_uploads (tenant_id, source_version_id, file_name, mime_type, byte_size, content_sealed, created_at) VALUES ($1, $2, 'a.md', 'text/markdown', 1, 'sealed', $3) RETURNING id`,
      [tenantId, v, ago(daysAgo)],
    );
  };
  const oldUpload = await upload(1, 40);
  const newUpload = await upload(2, 10);
  // Audit: 4 events 500 days old (due at 400), 3 events 100 days old, then live ones.
  await appendEventsAt(owner, tenantId, [ago(500), ago(499), ago(498), ago(497)]);
  await appendEventsAt(owner, tenantId, [ago(100), ago(99), ago(98)]);
  await withTenant(tenantId, (tx) => record(tx, tenantId, { type: 'system', name: 'test' }, { action: 'test.recent' }));
  return { tenantId, oldContact, oldConv, aliveConv, idleConv, oldTrace, newTrace, oldNote, newNote, oldUpload, newUpload, newVault };
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});

afterAll(async () => {
  await owner.end();
  await disconnectAppClient();
});

describe('retention', () => {
  it('removes exactly what is due, in every category, records counts, and the chain still verifies', async () => {
    const a = await seedTenant();
    const b = await seedTenant(); // the same data in another tenant: untouched by a's run
    const run = await runRetention(a.tenantId, { batchSize: 2 });

    expect(run.status).toBe('done');
    expect(run.removed).toEqual({
      conversations: 1,
      messages: 2,
      traces: 2, // 1 inside the old conversation, 1 old trace in the live one
      handoffs: 1,
      contacts: 1,
      handoffNotes: 1,
      vaultEntries: 2, // the idle conversation's sealed session and the 40-day-old inbox vault entry
      uploads: 1,
      auditTombstones: 4,
      exportFolders: 0,
    });

    // Exactly those rows are gone; their neighbours stay.
    const conversations = await q<{ id: string; sealed: string | null }>(
      'SELECT id, redaction_session_sealed AS sealed FROM conversations WHERE tenant_id = $1 ORDER BY created_at', [a.tenantId]);
    expect(conversations).toEqual([
      { id: a.aliveConv, sealed: 'sealed-alive' },
      { id: a.idleConv, sealed: null },
    ]);
    expect(await q('SELECT id FROM contacts WHERE tenant_id = $1', [a.tenantId])).toEqual([]);
    expect((await q('SELECT id FROM pii_vault_entries WHERE tenant_id = $1', [a.tenantId])).map((r) => r.id)).toEqual([a.newVault]);
    expect((await q('SELECT id FROM message_traces WHERE tenant_id = $1', [a.tenantId])).map((r) => r.id)).toEqual([a.newTrace]);
    const notes = await q(`SELECT id FROM messages WHERE tenant_id = $1 AND role = 'internal_note'`, [a.tenantId]);
    expect(notes.map((r) => r.id)).toEqual([a.newNote]);
    expect(await q<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1', [a.tenantId])).toEqual([{ n: 4 }]);
    const uploads = await q<{ id: string; sealed: string | null; purged: boolean }>(
      'SELECT id, content_sealed AS sealed, purged_at IS NOT NULL AS purged FROM source_uploads WHERE tenant_id = $1 ORDER BY created_at', [a.tenantId]);
    expect(uploads).toEqual([
      { id: a.oldUpload, sealed: null, purged: true },
      { id: a.newUpload, sealed: 'sealed', purged: false },
    ]);

    // Audit: the 4 oldest are tombstones (links kept, content gone), the 100-day-old ones are intact.
    const events = await q<{ seq: string; tomb: boolean; actor: string | null; data: unknown; action: string }>(
      'SELECT seq::text, tombstoned_at IS NOT NULL AS tomb, actor_id AS actor, data, action FROM audit_events WHERE tenant_id = $1 ORDER BY seq', [a.tenantId]);
    expect(events.slice(0, 4).every((e) => e.tomb && e.actor === null && JSON.stringify(e.data) === '{}')).toBe(true);
    expect(events.slice(4, 7).every((e) => !e.tomb && e.actor !== null)).toBe(true);
    const runEvent = events.at(-1)!;
    expect(runEvent.action).toBe('retention.run');
    expect(runEvent.data).toMatchObject({ status: 'done', removed: run.removed });
    const chain = await withTenant(a.tenantId, (tx) => verify(tx, a.tenantId));
    expect(chain).toMatchObject({ ok: true, tombstoned: 4, eventsChecked: events.length, firstBroken: null });

    // The other tenant kept everything.
    const counts = await q<{ c: number; t: number; tomb: number }>(
      `SELECT (SELECT count(*)::int FROM conversations WHERE tenant_id = $1) AS c, (SELECT count(*)::int FROM message_traces WHERE tenant_id = $1) AS t,
              (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1 AND tombstoned_at IS NOT NULL) AS tomb`, [b.tenantId]);
    expect(counts).toEqual([{ c: 3, t: 3, tomb: 0 }]);

    // A second run finds nothing more, and the chain (now with a checkpoint) still verifies.
    const again = await runRetention(a.tenantId);
    expect(Object.values(again.removed).every((n) => n === 0)).toBe(true);
    expect(await withTenant(a.tenantId, (tx) => verify(tx, a.tenantId))).toMatchObject({ ok: true, tombstoned: 4 });
    const settings = await withTenant(a.tenantId, (tx) => getRetentionSettings(tx, a.tenantId));
    expect(settings.lastRun?.id).toBe(again.id);
  });

  it('follows edited periods (audited with before and after) and refuses periods out of bounds', async () => {
    const a = await seedTenant();
    const actor = { type: 'system', name: 'test' } as const;
    await expect(
      withTenant(a.tenantId, (tx) => updateRetentionPolicy(tx, a.tenantId, actor, { transcriptsDays: 90, tracesDays: 90, handoffNotesDays: 60, vaultDays: 30, uploadsDays: 30, auditDays: 7 })),
    ).rejects.toThrow();
    await withTenant(a.tenantId, (tx) =>
      updateRetentionPolicy(tx, a.tenantId, actor, { transcriptsDays: 3, tracesDays: 90, handoffNotesDays: 60, vaultDays: 30, uploadsDays: 30, auditDays: 99 }),
    );
    const policyEvent = await q<{ data: { before: { transcriptsDays: number }; after: { transcriptsDays: number } } }>(
      `SELECT data FROM audit_events WHERE tenant_id = $1 AND action = 'retention.policy-update'`, [a.tenantId]);
    expect(policyEvent[0]!.data.before.transcriptsDays).toBe(90);
    expect(policyEvent[0]!.data.after.transcriptsDays).toBe(3);
    const run = await runRetention(a.tenantId);
    // Transcripts at 3 days: the alive (5 days) and idle (40) conversations go too; audit at 99 days: the 4 very old and the 100- and 99-day-old ones, not the 98-day-old one.
    expect(run.removed.conversations).toBe(3);
    expect(run.removed.auditTombstones).toBe(6);
    expect(await withTenant(a.tenantId, (tx) => verify(tx, a.tenantId))).toMatchObject({ ok: true, tombstoned: 6 });
  });

  it('keeps the tombstone path narrow: no direct UPDATE, no other tenant, no unsigned or recent tombstones', async () => {
    const a = await seedTenant();
    const b = await seedTenant();
    // The application role has no UPDATE on audit_events at all.
    await expect(withTenant(a.tenantId, (tx) => tx.$executeRaw`UPDATE audit_events SET data = '{}'::jsonb WHERE tenant_id = ${a.tenantId}::uuid`)).rejects.toThrow(/permission denied/);
    // The definer function works only for the transaction's own tenant.
    await expect(withTenant(a.tenantId, (tx) => tx.$queryRaw`SELECT * FROM audit_tombstone_due(${b.tenantId}::uuid, 10)`)).rejects.toThrow(/not the current tenant/);
    // Even the owner cannot update an event outside the tombstone shape.
    await expect(owner.query(`UPDATE audit_events SET action = 'x.y' WHERE tenant_id = $1`, [a.tenantId])).rejects.toThrow(/append-only/);
    // An owner who switches the tombstone path on to hide a recent event is caught: no signed checkpoint covers it.
    await runRetention(a.tenantId);
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('vouch.audit_tombstone', 'on', true)`);
    await owner.query(
      `UPDATE audit_events SET tombstoned_at = now(), actor_id = NULL, target_type = NULL, target_id = NULL, ip = NULL, user_agent = NULL, data = '{}'::jsonb
       WHERE tenant_id = $1 AND seq = 6`, [a.tenantId]);
    await owner.query('COMMIT');
    const chain = await withTenant(a.tenantId, (tx) => verify(tx, a.tenantId));
    expect(chain.ok).toBe(false);
    expect(chain.firstBroken).toMatchObject({ seq: '6', reason: 'unauthorized_tombstone' });
    // A forged checkpoint (not signed by the tenant key) is caught as well.
    await owner.query(`INSERT INTO audit_checkpoints (tenant_id, through_seq, through_hash, signature) SELECT tenant_id, seq, hash, 'Zm9yZ2Vk' FROM audit_events WHERE tenant_id = $1 AND seq = 6`, [a.tenantId]);
    expect((await withTenant(a.tenantId, (tx) => verify(tx, a.tenantId))).firstBroken).toMatchObject({ reason: 'checkpoint_invalid' });
  });

  it('removes audit export files after a week, of this tenant only', async () => {
    const previous = process.env.VOUCH_AUDIT_EXPORT_DIR;
    process.env.VOUCH_AUDIT_EXPORT_DIR = await mkdtemp(path.join(os.tmpdir(), 'vouch-retention-exports-'));
    try {
      const a = await seedTenant();
      const b = await seedTenant();
      const folder = async (tenantId: string, daysAgo: number) => {
        const dir = path.join(process.env.VOUCH_AUDIT_EXPORT_DIR!, tenantId, randomUUID());
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, 'events.jsonl'), '{}\n');
        await utimes(dir, ago(daysAgo), ago(daysAgo));
        return path.basename(dir);
      };
      await folder(a.tenantId, 10);
      const fresh = await folder(a.tenantId, 2);
      const other = await folder(b.tenantId, 10);
      const run = await runRetention(a.tenantId);
      expect(run.removed.exportFolders).toBe(1);
      expect(await readdir(path.join(process.env.VOUCH_AUDIT_EXPORT_DIR, a.tenantId))).toEqual([fresh]);
      expect(await readdir(path.join(process.env.VOUCH_AUDIT_EXPORT_DIR, b.tenantId))).toEqual([other]);
    } finally {
      if (previous === undefined) delete process.env.VOUCH_AUDIT_EXPORT_DIR;
      else process.env.VOUCH_AUDIT_EXPORT_DIR = previous;
    }
  });
});
