import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redact, RedactionSession, type TVaultEntry } from '@vouch/guard';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import type { TActor } from '../actor';
import { record, verify } from '../audit/index';
import { sealRedactionSession } from '../conversation/redaction-session-store';
import { conversationVaultKey, vaultOperators } from '../handoff/pii-vault';
import { eraseDataSubject, exportDataSubject, findDataSubject } from './index';

let owner: pg.Client;
const letters = () => [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

async function one(sql: string, params: unknown[]): Promise<string> {
  return (await owner.query<{ id: string }>(sql, params)).rows[0]!.id;
}

/**
 * Every text-like column of every base table in the database (information_schema, as the owner,
 * past RLS): text, varchar, json, jsonb, arrays, and user-defined types such as tsvector, each
 * cast to text and searched case-insensitively. Returns "table.column" for each hit.
 */
async function searchEverywhere(needle: string): Promise<string[]> {
  const { rows: columns } = await owner.query<{ table_name: string; column_name: string }>(`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED', 'bytea')
    ORDER BY c.table_name, c.column_name`);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const sql = `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`;
    const { rows } = await owner.query<{ n: number }>(sql, [needle]);
    if ((rows[0]?.n ?? 0) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

/** Stores vault entries as the inbox's intake does (sealed per conversation by guard's vault operator). */
async function storeVault(tenantId: string, conversationId: string, entries: TVaultEntry[]): Promise<void> {
  for (const e of entries) {
    await owner.query(
      `INSERT INTO pii_vault_entries (tenant_id, conversation_id, placeholder, entity_type, ciphertext, iv, tag) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [tenantId, conversationId, e.placeholder, e.type, e.ciphertext, e.iv, e.tag],
    );
  }
}

async function newTenant(label: string) {
  const tenantId = randomUUID();
  await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [tenantId, `${label}-${tenantId.slice(0, 8)}`, label]);
  const agentId = await one(`INSERT INTO agents (tenant_id, slug, name) VALUES ($1, 'support', 'Support') RETURNING id`, [tenantId]);
  return { tenantId, agentId };
}

/**
 * A customer as the product stores one: a contact row (email, name, external id), a conversation
 * of theirs whose customer text went through the real redaction with a sealed session, an agent
 * reply and an internal note naming them, a trace and a handoff; and an anonymous conversation
 * in which they only typed their email (found through the redaction session).
 */
async function seedSubject(tenantId: string, agentId: string, who: { first: string; last: string; email: string; userId: string }) {
  const fullName = `${who.first} ${who.last}`;
  const contactId = await one(
    `INSERT INTO contacts (tenant_id, email, name, external_id, metadata) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
    [tenantId, who.email, fullName, who.userId, JSON.stringify({ displayName: fullName })],
  );
  const conversation = async (contact: string | null, customerText: string) => {
    const id = await one(`INSERT INTO conversations (tenant_id, agent_id, contact_id) VALUES ($1, $2, $3) RETURNING id`, [tenantId, agentId, contact]);
    const session = RedactionSession.create();
    const redacted = redact(customerText, { session, operators: vaultOperators(), vaultKey: conversationVaultKey(tenantId, id) });
    await owner.query('UPDATE conversations SET redaction_session_sealed = $2 WHERE id = $1', [id, sealRedactionSession(tenantId, id, session)]);
    await storeVault(tenantId, id, redacted.vaultEntries);
    const msg = await one(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'customer', $3) RETURNING id`, [tenantId, id, redacted.text]);
    return { id, msg };
  };
  const known = await conversation(contactId, `Hello, I am ${fullName} and my email is ${who.email}; my parcel is late.`);
  await owner.query(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'human_agent', $3)`, [tenantId, known.id, `Sorry ${fullName}, I am checking.`]);
  await owner.query(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'internal_note', $3)`, [tenantId, known.id, `${who.last} called twice already`]);
  await owner.query(`INSERT INTO message_traces (tenant_id, conversation_id, customer_message_id, outcome, provider, guard) VALUES ($1, $2, $3, 'handed_off', 'offline', $4::jsonb)`, [
    tenantId, known.id, known.msg, JSON.stringify({ note: `asked by ${who.last}` }),
  ]);
  const handoffId = await one(`INSERT INTO handoffs (tenant_id, conversation_id, reason) VALUES ($1, $2, 'customer_request') RETURNING id`, [tenantId, known.id]);
  // The tool tables: the visitor proved their host user id in this conversation, has an order
  // (keyed by that id), and the AI asked for a refund on it that a person approved.
  await owner.query('UPDATE conversations SET identity_verified = true, external_user_id = $2 WHERE id = $1', [known.id, who.userId]);
  const orderNumber = `ORD-${letters().toUpperCase()}`;
  const orderId = await one(
    `INSERT INTO customer_orders (tenant_id, order_number, customer_external_id, status, item_summary, total_cents) VALUES ($1, $2, $3, 'delivered', $4, 4200) RETURNING id`,
    [tenantId, orderNumber, who.userId, `Engraved mug "${fullName}"`],
  );
  const toolActionId = await one(
    `INSERT INTO tool_actions (tenant_id, conversation_id, handoff_id, action, access, input, status, result) VALUES ($1, $2, $3, 'refund.request', 'write', $4::jsonb, 'executed', $5::jsonb) RETURNING id`,
    [tenantId, known.id, handoffId, JSON.stringify({ orderNumber }), JSON.stringify({ ok: true, message: `Refund requested for ${who.last}` })],
  );
  await owner.query(`INSERT INTO refund_requests (tenant_id, order_id, tool_action_id, amount_cents, currency) VALUES ($1, $2, $3, 4200, 'EUR')`, [tenantId, orderId, toolActionId]);
  // A later visit where they only proved their user id (no contact, nothing typed).
  const verifiedOnly = await one(
    `INSERT INTO conversations (tenant_id, agent_id, identity_verified, external_user_id) VALUES ($1, $2, true, $3) RETURNING id`,
    [tenantId, agentId, who.userId],
  );
  await owner.query(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'customer', 'Is my refund through?')`, [tenantId, verifiedOnly]);
  const anonymous = await conversation(null, `It's me again, write to ${who.email} please`);
  // A conversation whose redaction session was already purged by retention: only the vault knows.
  const purged = await one(`INSERT INTO conversations (tenant_id, agent_id) VALUES ($1, $2) RETURNING id`, [tenantId, agentId]);
  const mail = redact(`mail me at ${who.email}`, { operators: vaultOperators(), vaultKey: conversationVaultKey(tenantId, purged) });
  await owner.query(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'customer', $3)`, [tenantId, purged, mail.text]);
  await storeVault(tenantId, purged, mail.vaultEntries);
  return { contactId, known: known.id, anonymous: anonymous.id, purged, verifiedOnly, orderNumber };
}

const person = () => ({ first: 'Zebulon', last: `Q${letters()}`, email: `zeb.${letters()}@example.test`, userId: `host-user-${letters()}` });

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});

afterAll(async () => {
  await owner.end();
  await disconnectAppClient();
});

describe('data subjects (GDPR 15 and 17)', () => {
  it('exports one customer by email, contact id or verified user id, and audits only counts', async () => {
    const { tenantId, agentId } = await newTenant('dsexport');
    const subject = person();
    const seeded = await seedSubject(tenantId, agentId, subject);
    await seedSubject(tenantId, agentId, person()); // someone else in the same tenant
    const actor: TActor = { type: 'system', name: 'dpo-test' };

    const byEmail = await withTenant(tenantId, (tx) => exportDataSubject(tx, tenantId, actor, { email: subject.email.toUpperCase() }));
    expect(byEmail.contacts.map((c) => c.id)).toEqual([seeded.contactId]);
    expect(byEmail.contacts[0]!.email).toBe(subject.email);
    expect(new Set(byEmail.conversations.map((c) => c.id))).toEqual(new Set([seeded.known, seeded.anonymous, seeded.purged, seeded.verifiedOnly]));
    expect(byEmail.subject.matchedBy).toEqual({ contact: 1, redactedEmail: 1, vaultedEmail: 1, verifiedUserId: 1 });
    // The tool tables: their order with its refund, and the tool action in its conversation.
    expect(byEmail.orders.map((o) => o.orderNumber)).toEqual([seeded.orderNumber]);
    expect(byEmail.orders[0]!.refundRequests).toHaveLength(1);
    // Their own sealed values are opened for them (article 15): the email typed in each conversation.
    expect(byEmail.sealedValues.filter((v) => v.type === 'EMAIL').map((v) => v.value)).toEqual([subject.email, subject.email, subject.email]);
    expect(byEmail.sealedValues.every((v) => v.value !== null)).toBe(true);
    const known = byEmail.conversations.find((c) => c.id === seeded.known)!;
    expect(known.messages.map((m) => m.role)).toEqual(['customer', 'human_agent', 'internal_note']);
    expect(known.messages[0]!.content).not.toContain(subject.email); // stored redacted
    expect(known.answerTraces).toBe(1);
    expect(known.toolActions.map((a) => [a.action, a.status, a.input])).toEqual([['refund.request', 'executed', { orderNumber: seeded.orderNumber }]]);

    const byContact = await withTenant(tenantId, (tx) => findDataSubject(tx, tenantId, { contactId: seeded.contactId }));
    // The contact's own conversation, and (through its external id) the visit where they only proved it.
    expect(new Set(byContact.conversationIds)).toEqual(new Set([seeded.known, seeded.verifiedOnly]));
    const byUser = await withTenant(tenantId, (tx) => findDataSubject(tx, tenantId, { userId: subject.userId }));
    expect(byUser.contactIds).toEqual([seeded.contactId]);
    expect(new Set(byUser.conversationIds)).toEqual(new Set([seeded.known, seeded.verifiedOnly]));
    expect(byUser.orderIds).toHaveLength(1);

    const events = await owner.query<{ target_id: string; data: string }>(`SELECT target_id, data::text FROM audit_events WHERE tenant_id = $1 AND action = 'privacy.export'`, [tenantId]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]!.data).not.toContain(subject.email);
    expect(events.rows[0]!.target_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('erases one customer: no trace of their email or name anywhere in Postgres, others untouched, chain verifies', async () => {
    const a = await newTenant('dserase');
    const b = await newTenant('dsother');
    const subject = person();
    const seeded = await seedSubject(a.tenantId, a.agentId, subject);
    const neighbour = person();
    const kept = await seedSubject(a.tenantId, a.agentId, neighbour);
    await withTenant(a.tenantId, (tx) => record(tx, a.tenantId, { type: 'system', name: 'test' }, { action: 'handoff.claim', targetType: 'conversation', targetId: seeded.known }));
    const actor: TActor = { type: 'system', name: 'dpo-test' };

    // The search finds them before erasure (it can fail), in the places we expect.
    const emailBefore = await searchEverywhere(subject.email);
    expect(emailBefore).toEqual(expect.arrayContaining(['contacts.email']));
    const nameBefore = await searchEverywhere(subject.last);
    expect(nameBefore).toEqual(expect.arrayContaining(['contacts.name', 'contacts.metadata', 'messages.content', 'message_traces.guard', 'customer_orders.item_summary', 'tool_actions.result']));
    expect(await searchEverywhere(subject.userId)).toEqual(expect.arrayContaining(['contacts.external_id', 'conversations.external_user_id', 'customer_orders.customer_external_id']));
    // A visitor whose e-mail-shaped id was stored redacted has a placeholder id shared with others:
    // it names nobody, so it never matches (erasing by it would take other customers' orders).
    await owner.query(`INSERT INTO customer_orders (tenant_id, order_number, customer_external_id, status, item_summary, total_cents) VALUES ($1, $2, '[EMAIL_1]', 'shipped', 'Socks', 900)`, [a.tenantId, `ORD-${letters().toUpperCase()}`]);

    // Another tenant cannot erase them: nothing matches there, and nothing of tenant A goes.
    const cross = await withTenant(b.tenantId, (tx) => eraseDataSubject(tx, b.tenantId, actor, { email: subject.email }));
    expect(Object.values(cross.counts).every((n) => n === 0)).toBe(true);
    expect(await searchEverywhere(subject.email)).toEqual(emailBefore);

    const vaultedBefore = (await owner.query('SELECT 1 FROM pii_vault_entries WHERE conversation_id = ANY($1::uuid[])', [[seeded.known, seeded.anonymous, seeded.purged]])).rowCount;
    const result = await withTenant(a.tenantId, (tx) => eraseDataSubject(tx, a.tenantId, actor, { email: subject.email }));
    expect(result.counts).toEqual({
      contacts: 1, conversations: 4, messages: 5, internalNotes: 1, handoffs: 1, traces: 1,
      vaultEntries: vaultedBefore, toolActions: 1, orders: 1, refundRequests: 1, attachments: 0, searchChunks: 0,
    });
    expect(vaultedBefore).toBeGreaterThanOrEqual(3);
    expect((await owner.query('SELECT 1 FROM pii_vault_entries WHERE conversation_id = ANY($1::uuid[])', [[seeded.known, seeded.anonymous, seeded.purged]])).rowCount).toBe(0);

    expect(await searchEverywhere(subject.email)).toEqual([]);
    expect(await searchEverywhere(subject.last)).toEqual([]);
    expect(await searchEverywhere(subject.userId)).toEqual([]);
    // The neighbour's data is all there.
    expect(await searchEverywhere(neighbour.email)).toEqual(expect.arrayContaining(['contacts.email']));
    const left = await owner.query<{ id: string }>('SELECT id FROM conversations WHERE tenant_id = $1 ORDER BY id', [a.tenantId]);
    expect(left.rows.map((r) => r.id).sort()).toEqual([kept.known, kept.anonymous, kept.purged, kept.verifiedOnly].sort());
    const orders = await owner.query<{ order_number: string }>('SELECT order_number FROM customer_orders WHERE tenant_id = $1', [a.tenantId]);
    expect(orders.rows.map((r) => r.order_number)).toContain(kept.orderNumber);
    expect(orders.rows).toHaveLength(2); // the neighbour's and the placeholder-id order
    expect((await owner.query('SELECT 1 FROM refund_requests WHERE tenant_id = $1', [a.tenantId])).rowCount).toBe(1);
    expect((await owner.query('SELECT 1 FROM tool_actions WHERE tenant_id = $1', [a.tenantId])).rowCount).toBe(1);
    const byPlaceholder = await withTenant(a.tenantId, (tx) => findDataSubject(tx, a.tenantId, { userId: '[EMAIL_1]' }));
    expect(byPlaceholder).toMatchObject({ orderIds: [], conversationIds: [], externalUserIds: [] });

    // The erasure is audited (who, when, counts) under a digest, and the chain verifies.
    const event = await owner.query<{ actor_id: string; target_id: string; data: { counts: Record<string, number> } }>(
      `SELECT actor_id, target_id, data FROM audit_events WHERE tenant_id = $1 AND action = 'privacy.erase'`, [a.tenantId]);
    expect(event.rows).toHaveLength(1);
    expect(event.rows[0]!.actor_id).toBe('system:dpo-test');
    expect(event.rows[0]!.target_id).toBe(result.subjectDigest);
    expect(event.rows[0]!.data.counts).toEqual(result.counts);
    expect(await withTenant(a.tenantId, (tx) => verify(tx, a.tenantId))).toMatchObject({ ok: true, firstBroken: null });

    // A repeat search finds nothing to erase.
    const again = await withTenant(a.tenantId, (tx) => findDataSubject(tx, a.tenantId, { email: subject.email }));
    expect(again).toMatchObject({ contactIds: [], conversationIds: [] });
  });
});
