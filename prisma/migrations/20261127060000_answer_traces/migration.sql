-- Answer engine: a trace per customer message (what was retrieved, what the guards decided,
-- which provider answered, tokens, latency), message flags (an injection attempt is stored
-- redacted and marked so it never reaches a model, not even as history), and each
-- conversation's redaction session (salted digests only, sealed under the tenant key) so a
-- customer's email is [EMAIL_1] in every message of that conversation.

ALTER TABLE conversations ADD COLUMN redaction_session_sealed text;
ALTER TABLE conversations ADD COLUMN visitor_key text;
CREATE INDEX conversations_visitor_idx ON conversations (tenant_id, visitor_key);

ALTER TABLE messages ADD COLUMN flags text[] NOT NULL DEFAULT '{}';
ALTER TABLE messages ADD CONSTRAINT messages_tenant_id_id_key UNIQUE (tenant_id, id);

CREATE TABLE message_traces (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id            uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  conversation_id      uuid NOT NULL,
  customer_message_id  uuid NOT NULL,
  reply_message_id     uuid,
  config_version_id    uuid,
  outcome              text NOT NULL CHECK (outcome IN ('answered', 'handed_off', 'unverified', 'with_human')),
  handoff_reason       handoff_reason,
  provider             text NOT NULL,
  retrieved            jsonb NOT NULL DEFAULT '[]'::jsonb,
  guard                jsonb NOT NULL DEFAULT '{}'::jsonb,
  redaction_counts     jsonb NOT NULL DEFAULT '{}'::jsonb,
  grounding            jsonb NOT NULL DEFAULT '{}'::jsonb,
  verification         jsonb NOT NULL DEFAULT '{}'::jsonb,
  tokens_input         integer NOT NULL DEFAULT 0 CHECK (tokens_input >= 0),
  tokens_output        integer NOT NULL DEFAULT 0 CHECK (tokens_output >= 0),
  latency_ms           integer NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
  timings              jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, customer_message_id) REFERENCES messages(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, reply_message_id) REFERENCES messages(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, config_version_id) REFERENCES agent_config_versions(tenant_id, id) ON DELETE SET NULL (config_version_id)
);
CREATE INDEX message_traces_conversation_idx ON message_traces (conversation_id, created_at);
CREATE INDEX message_traces_tenant_created_idx ON message_traces (tenant_id, created_at DESC);

ALTER TABLE message_traces ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_traces FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message_traces
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Traces are evidence: the application writes and reads them, never edits them.
GRANT SELECT, INSERT ON message_traces TO {{app_role}};
