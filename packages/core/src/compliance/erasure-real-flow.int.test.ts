import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import { disconnectSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { verify } from '../audit/index';
import { answerCustomerMessage } from '../conversation/answer-customer-message';
import { ARTICLES, createTenantWithArticles } from '../conversation/testing/conversation-fixture';
import { eraseDataSubject, exportDataSubject, findDataSubject } from './index';

/**
 * The erasure through the product's own paths: customers chat through the widget pipeline
 * (redaction, vault, traces, handoffs, audit), then one of them is erased by email, and every
 * text-like column of every table is searched for their email, name and visitor id.
 */
let owner: pg.Client;
const letters = () => [...randomBytes(7)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

async function searchEverywhere(needle: string): Promise<string[]> {
  const { rows: columns } = await owner.query<{ table_name: string; column_name: string }>(`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED', 'bytea')`);
  expect(columns.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`, [needle]);
    if ((rows[0]?.n ?? 0) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('erasure after real conversations', () => {
  it('leaves no trace of the customer anywhere in Postgres and the chain verifies', async () => {
    const tenant = await createTenantWithArticles('erase-flow', ARTICLES);
    const surname = `Q${letters()}`;
    const email = `zeb.${letters()}@customer-mail.example`;
    const visitor = { id: `visitor-${randomUUID()}`, ip: '198.51.100.77', userAgent: 'vitest' };
    const send = (message: string, conversationId: string | null = null, who = visitor) =>
      answerCustomerMessage(tenant.id, { target: { agent: null, environment: 'production' }, conversationId, visitor: who, message });

    const first = await send(`Hello, I am Zebulon ${surname}, my email is ${email}. How long does express shipping take?`);
    await send(`Thanks. Please write to ${email} when it ships.`, first.conversationId);
    const refund = await send(`I want a refund, this is ${email}`, null, { ...visitor, id: `visitor-${randomUUID()}` });
    expect(refund.reason).toBe('always_human_topic');
    const neighbourEmail = `nina.${letters()}@customer-mail.example`;
    const neighbour = await send(`Can I reset my password? I am ${neighbourEmail}`, null, { ...visitor, id: `visitor-${randomUUID()}` });

    // Before: the product stores the email only sealed (vault, redaction sessions), never readable;
    // the archive opens it, which proves there is something to erase.
    const actor: TActor = { type: 'system', name: 'dpo-test' };
    const before = await withTenant(tenant.id, (tx) => exportDataSubject(tx, tenant.id, actor, { email }));
    expect(new Set(before.conversations.map((c) => c.id))).toEqual(new Set([first.conversationId, refund.conversationId]));
    expect(before.sealedValues.map((v) => v.value)).toContain(email);
    expect(await searchEverywhere(email)).toEqual([]);

    const result = await withTenant(tenant.id, (tx) => eraseDataSubject(tx, tenant.id, actor, { email }));
    expect(result.counts.conversations).toBe(2);
    expect(result.counts.messages).toBeGreaterThanOrEqual(5); // 3 customer messages and the replies
    expect(result.counts.traces).toBeGreaterThanOrEqual(1);
    expect(result.counts.handoffs).toBeGreaterThanOrEqual(1); // the refund at least (an unanswerable turn may hand off too)
    expect(result.counts.vaultEntries).toBeGreaterThanOrEqual(2);

    expect(await searchEverywhere(email)).toEqual([]);
    expect(await searchEverywhere(surname)).toEqual([]);
    expect(await searchEverywhere(visitor.id)).toEqual([]);
    const gone = await owner.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM conversations WHERE id = ANY($1::uuid[])) + (SELECT count(*) FROM messages WHERE conversation_id = ANY($1::uuid[]))
            + (SELECT count(*) FROM message_traces WHERE conversation_id = ANY($1::uuid[])) + (SELECT count(*) FROM handoffs WHERE conversation_id = ANY($1::uuid[]))
            + (SELECT count(*) FROM pii_vault_entries WHERE conversation_id = ANY($1::uuid[])) AS n`,
      [[first.conversationId, refund.conversationId]],
    );
    expect(Number(gone.rows[0]!.n)).toBe(0);
    // The neighbour's conversation is untouched.
    const kept = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1', [neighbour.conversationId]);
    expect(kept.rows[0]!.n).toBeGreaterThanOrEqual(2);
    expect(await withTenant(tenant.id, (tx) => verify(tx, tenant.id))).toMatchObject({ ok: true, firstBroken: null });
    const after = await withTenant(tenant.id, (tx) => findDataSubject(tx, tenant.id, { email }));
    expect(after).toMatchObject({ contactIds: [], conversationIds: [] });
  });
});
