import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

export type TFixtureRows = Record<string, string>;

function token(): string {
  return randomBytes(6).toString('hex');
}

/**
 * Inserts, as the owner role, one tenant with one row in every tenant-owned table. Returns the
 * id of each row by table name. A new tenant table must be added here, which is what makes the
 * RLS test cover it (the test fails for any tenant table missing from these rows).
 */
export async function insertTenantWithOneRowPerTable(owner: pg.Client, label: string): Promise<{
  tenantId: string;
  userId: string;
  rows: TFixtureRows;
}> {
  const t = randomUUID();
  const rows: TFixtureRows = { tenants: t };
  const one = async (table: string, sql: string, params: unknown[]): Promise<string> => {
    const result = await owner.query<{ id: string }>(sql, params);
    const id = result.rows[0]?.id;
    if (!id) throw new Error(`fixture insert into ${table} returned no id`);
    rows[table] = id;
    return id;
  };
  await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [t, `${label}-${token()}`, label]);
  const userId = (
    await owner.query<{ id: string }>('INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id', [
      `${label}-${token()}@fixture.test`,
      label,
    ])
  ).rows[0]!.id;
  await one('memberships', `INSERT INTO memberships (tenant_id, user_id, roles) VALUES ($1, $2, '{owner}') RETURNING id`, [t, userId]);
  const agent = await one('agents', 'INSERT INTO agents (tenant_id, slug, name) VALUES ($1, $2, $3) RETURNING id', [t, 'support', `${label} agent`]);
  const version = await one(
    'agent_config_versions',
    `INSERT INTO agent_config_versions (tenant_id, agent_id, version, config) VALUES ($1, $2, 1, '{"persona":"secret of ${label}"}') RETURNING id`,
    [t, agent],
  );
  await one(
    'agent_environments',
    `INSERT INTO agent_environments (tenant_id, agent_id, environment, config_version_id, widget_key) VALUES ($1, $2, 'production', $3, $4) RETURNING id`,
    [t, agent, version, `pk_live_${token()}`],
  );
  const source = await one('knowledge_sources', `INSERT INTO knowledge_sources (tenant_id, name, type) VALUES ($1, $2, 'article') RETURNING id`, [t, `${label} article`]);
  const sourceVersion = await one('source_versions', 'INSERT INTO source_versions (tenant_id, source_id, version) VALUES ($1, $2, 1) RETURNING id', [t, source]);
  await one(
    'source_uploads',
    `INSERT INTO source_uploads (tenant_id, source_version_id, file_name, mime_type, byte_size, content_sealed) VALUES ($1, $2, 'a.md', 'text/markdown', 1, 'sealed') RETURNING id`,
    [t, sourceVersion],
  );
  const document = await one(
    'documents',
    'INSERT INTO documents (tenant_id, source_version_id, title, content) VALUES ($1, $2, $3, $4) RETURNING id',
    [t, sourceVersion, `${label} doc`, `confidential content of ${label}`],
  );
  await one(
    'chunks',
    `INSERT INTO chunks (tenant_id, document_id, ordinal, content, embedding) VALUES ($1, $2, 0, $3, array_fill(0.1::real, ARRAY[384])::vector) RETURNING id`,
    [t, document, `confidential chunk of ${label}`],
  );
  const contact = await one('contacts', 'INSERT INTO contacts (tenant_id, email) VALUES ($1, $2) RETURNING id', [t, `customer-${token()}@${label}.test`]);
  const conversation = await one('conversations', 'INSERT INTO conversations (tenant_id, agent_id, contact_id) VALUES ($1, $2, $3) RETURNING id', [t, agent, contact]);
  const message = await one('messages', `INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'customer', $3) RETURNING id`, [t, conversation, `private message of ${label}`]);
  await one(
    'message_traces',
    `INSERT INTO message_traces (tenant_id, conversation_id, customer_message_id, config_version_id, outcome, provider) VALUES ($1, $2, $3, $4, 'answered', 'offline-extractive') RETURNING id`,
    [t, conversation, message, version],
  );
  await one('handoffs', `INSERT INTO handoffs (tenant_id, conversation_id, reason) VALUES ($1, $2, 'customer_request') RETURNING id`, [t, conversation]);
  await one('inbox_settings', 'INSERT INTO inbox_settings (tenant_id, sla_warn_seconds, sla_breach_seconds) VALUES ($1, 60, 180) RETURNING id', [t]);
  await one('canned_responses', `INSERT INTO canned_responses (tenant_id, shortcut, title, body) VALUES ($1, 'hello', 'Hello', $2) RETURNING id`, [t, `canned reply of ${label}`]);
  await one(
    'pii_vault_entries',
    `INSERT INTO pii_vault_entries (tenant_id, conversation_id, placeholder, entity_type, ciphertext, iv, tag) VALUES ($1, $2, '[EMAIL_1]', 'EMAIL', 'c2VhbGVk', 'aXY=', 'dGFn') RETURNING id`,
    [t, conversation],
  );
  await one(
    'audit_events',
    `INSERT INTO audit_events (tenant_id, seq, occurred_at, actor_type, action, prev_hash, hash) VALUES ($1, 1, now(), 'system', 'fixture.insert', $2, $3) RETURNING id`,
    [t, '0'.repeat(64), 'f'.repeat(64)],
  );
  await one(
    'sso_connections',
    'INSERT INTO sso_connections (tenant_id, issuer, client_id, client_secret_sealed) VALUES ($1, $2, $3, $4) RETURNING id',
    [t, `https://idp.${label}.test`, `client-${label}`, 'sealed'],
  );
  await one(
    'invitations',
    `INSERT INTO invitations (tenant_id, email, roles, token_hash, expires_at) VALUES ($1, $2, '{auditor}', $3, now() + interval '1 day') RETURNING id`,
    [t, `invitee-${token()}@${label}.test`, token()],
  );
  await one('security_alerts', `INSERT INTO security_alerts (tenant_id, kind) VALUES ($1, 'sign_in_spike') RETURNING id`, [t]);
  await one('knowledge_settings', `INSERT INTO knowledge_settings (tenant_id, text_search_config) VALUES ($1, 'german') RETURNING id`, [t]);
  await one('widget_identity_secrets', `INSERT INTO widget_identity_secrets (tenant_id, secret_sealed) VALUES ($1, 'sealed') RETURNING id`, [t]);
  await one('api_keys', 'INSERT INTO api_keys (tenant_id, name, prefix, key_hash) VALUES ($1, $2, $3, $4) RETURNING id', [t, `${label} key`, `vk_${token()}`, 'hash']);
  await one('agent_eval_cases', `INSERT INTO agent_eval_cases (tenant_id, agent_id, name, kind, question, created_by) VALUES ($1, $2, $3, 'must_answer', $4, 'fixture') RETURNING id`, [t, agent, `${label} case`, `secret question of ${label}`]);
  const promotion = await one('agent_promotions', 'INSERT INTO agent_promotions (tenant_id, agent_id, config_version_id, requested_by) VALUES ($1, $2, $3, $4) RETURNING id', [t, agent, version, userId]);
  await one('agent_eval_runs', `INSERT INTO agent_eval_runs (tenant_id, agent_id, config_version_id, promotion_id, requested_by) VALUES ($1, $2, $3, $4, 'fixture') RETURNING id`, [t, agent, version, promotion]);
  await one('agent_deployments', `INSERT INTO agent_deployments (tenant_id, agent_id, environment, config_version_id, kind, actor_id) VALUES ($1, $2, 'production', $3, 'create', 'fixture') RETURNING id`, [t, agent, version]);
  await one('retention_policies', 'INSERT INTO retention_policies (tenant_id, transcripts_days) VALUES ($1, 30) RETURNING id', [t]);
  await one('retention_runs', `INSERT INTO retention_runs (tenant_id, status, removed) VALUES ($1, 'done', '{"messages":1}') RETURNING id`, [t]);
  await one('audit_checkpoints', `INSERT INTO audit_checkpoints (tenant_id, through_seq, through_hash, signature) VALUES ($1, 1, $2, 'sig') RETURNING id`, [t, 'f'.repeat(64)]);
  // Disabled: the fixture's secret is not a sealed one, and an enabled hook would send the e2e worker retrying it.
  await one('audit_webhooks', `INSERT INTO audit_webhooks (tenant_id, url, secret_sealed, enabled) VALUES ($1, $2, 'sealed', false) RETURNING id`, [t, `https://siem.${label}.test/hook`]);
  const order = await one('customer_orders', `INSERT INTO customer_orders (tenant_id, order_number, customer_external_id, status, item_summary, total_cents) VALUES ($1, '10001', $2, 'shipped', $3, 100) RETURNING id`, [t, `customer-${token()}`, `order of ${label}`]);
  const toolAction = await one('tool_actions', `INSERT INTO tool_actions (tenant_id, conversation_id, action, access, input) VALUES ($1, $2, 'refund.request', 'write', '{"orderNumber":"10001"}') RETURNING id`, [t, conversation]);
  await one('refund_requests', `INSERT INTO refund_requests (tenant_id, order_id, tool_action_id, amount_cents, currency) VALUES ($1, $2, $3, 100, 'EUR') RETURNING id`, [t, order, toolAction]);
  return { tenantId: t, userId, rows };
}

/** Every table in the public schema with a tenant_id column, plus tenants itself. */
export async function listTenantTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`);
  return ['tenants', ...rows.map((r) => r.table_name)];
}
