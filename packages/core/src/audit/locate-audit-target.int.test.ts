import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import { locateAuditTarget } from './index';

let owner: pg.Client;

async function one(sql: string, params: unknown[]): Promise<string> {
  return (await owner.query<{ id: string }>(sql, params)).rows[0]!.id;
}

/** A conversation with a customer turn, an answer and its trace, a handoff, and a tool action tied to the trace. */
async function seed() {
  const tenantId = randomUUID();
  await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [tenantId, `locate-${tenantId.slice(0, 8)}`, 'Locate']);
  const agentId = await one(`INSERT INTO agents (tenant_id, slug, name) VALUES ($1, 'support', 'Support') RETURNING id`, [tenantId]);
  const conversationId = await one(`INSERT INTO conversations (tenant_id, agent_id) VALUES ($1, $2) RETURNING id`, [tenantId, agentId]);
  const asked = await one(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'customer', 'Where is my order?') RETURNING id`, [tenantId, conversationId]);
  const answer = await one(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'assistant', 'It shipped.') RETURNING id`, [tenantId, conversationId]);
  const traceId = await one(
    `INSERT INTO message_traces (tenant_id, conversation_id, customer_message_id, reply_message_id, outcome, provider) VALUES ($1, $2, $3, $4, 'answered', 'offline') RETURNING id`,
    [tenantId, conversationId, asked, answer],
  );
  const unanswered = await one(
    `INSERT INTO message_traces (tenant_id, conversation_id, customer_message_id, outcome, provider) VALUES ($1, $2, $3, 'handed_off', 'offline') RETURNING id`,
    [tenantId, conversationId, asked],
  );
  const handoffId = await one(`INSERT INTO handoffs (tenant_id, conversation_id, reason) VALUES ($1, $2, 'customer_request') RETURNING id`, [tenantId, conversationId]);
  const toolActionId = await one(
    `INSERT INTO tool_actions (tenant_id, conversation_id, trace_id, handoff_id, action, access) VALUES ($1, $2, $3, $4, 'refund.request', 'write') RETURNING id`,
    [tenantId, conversationId, traceId, handoffId],
  );
  return { tenantId, conversationId, asked, answer, traceId, unanswered, handoffId, toolActionId };
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});

afterAll(async () => {
  await owner.end();
  await disconnectAppClient();
});

describe('locateAuditTarget', () => {
  it('finds the conversation (and the answer a trace explains) for each kind of target', async () => {
    const s = await seed();
    const at = (targetType: 'conversation' | 'message' | 'handoff' | 'tool_action' | 'trace', targetId: string) =>
      withTenant(s.tenantId, (tx) => locateAuditTarget(tx, { targetType, targetId }));
    expect(await at('conversation', s.conversationId)).toEqual({ conversationId: s.conversationId, messageId: null });
    expect(await at('message', s.asked)).toEqual({ conversationId: s.conversationId, messageId: s.asked });
    expect(await at('handoff', s.handoffId)).toEqual({ conversationId: s.conversationId, messageId: null });
    expect(await at('trace', s.traceId)).toEqual({ conversationId: s.conversationId, messageId: s.answer });
    expect(await at('trace', s.unanswered)).toEqual({ conversationId: s.conversationId, messageId: s.asked });
    expect(await at('tool_action', s.toolActionId)).toEqual({ conversationId: s.conversationId, messageId: s.answer });
    expect(await at('trace', randomUUID())).toBeNull();
  });

  it("never finds another tenant's targets, and refuses ids that are not uuids", async () => {
    const a = await seed();
    const b = await seed();
    for (const [targetType, targetId] of [['conversation', a.conversationId], ['trace', a.traceId], ['tool_action', a.toolActionId], ['handoff', a.handoffId], ['message', a.answer]] as const) {
      expect(await withTenant(b.tenantId, (tx) => locateAuditTarget(tx, { targetType, targetId }))).toBeNull();
    }
    await expect(withTenant(a.tenantId, (tx) => locateAuditTarget(tx, { targetType: 'trace', targetId: "x' OR 1=1" }))).rejects.toThrow();
  });

  it('returns null once the conversation is gone (erased or expired)', async () => {
    const s = await seed();
    await owner.query('DELETE FROM conversations WHERE id = $1', [s.conversationId]);
    expect(await withTenant(s.tenantId, (tx) => locateAuditTarget(tx, { targetType: 'trace', targetId: s.traceId }))).toBeNull();
    expect(await withTenant(s.tenantId, (tx) => locateAuditTarget(tx, { targetType: 'tool_action', targetId: s.toolActionId }))).toBeNull();
  });
});
