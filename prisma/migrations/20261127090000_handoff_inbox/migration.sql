-- Handoff inbox: per-tenant SLA thresholds, canned responses, the PII vault that pii.reveal
-- opens, and an email a waiting customer may leave when no agent is online.

-- One row per tenant (absent: the defaults in core apply). Waiting turns amber after
-- sla_warn_seconds and red after sla_breach_seconds.
CREATE TABLE inbox_settings (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
  sla_warn_seconds    integer NOT NULL DEFAULT 120 CHECK (sla_warn_seconds BETWEEN 10 AND 86400),
  sla_breach_seconds  integer NOT NULL DEFAULT 300 CHECK (sla_breach_seconds BETWEEN 20 AND 172800),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  updated_by          uuid REFERENCES users(id),
  CHECK (sla_breach_seconds > sla_warn_seconds)
);

-- Reusable replies, inserted by shortcut ("/refund") in the reply box.
CREATE TABLE canned_responses (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  shortcut    text NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, shortcut)
);

-- Original values behind a conversation's placeholders ([EMAIL_1] …), each sealed with
-- AES-256-GCM under the tenant's vault key, the placeholder and type bound as associated data
-- (@vouch/guard sealVaultEntry). Card numbers are never vaulted (PCI DSS). Only pii.reveal opens
-- one, one at a time, audited. Append-only for the app: entries are never rewritten.
CREATE TABLE pii_vault_entries (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  conversation_id  uuid NOT NULL,
  placeholder      text NOT NULL CHECK (placeholder ~ '^\[[A-Z][A-Z0-9_]{1,40}\]$'),
  entity_type      text NOT NULL CHECK (entity_type ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  ciphertext       text NOT NULL,
  iv               text NOT NULL,
  tag              text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, conversation_id, placeholder),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations(tenant_id, id) ON DELETE CASCADE
);

-- When no agent was online: the customer was told the expected wait and may leave an email,
-- which is stored only as a vault placeholder (the sealed value lives in pii_vault_entries).
ALTER TABLE handoffs ADD COLUMN contact_placeholder text CHECK (contact_placeholder ~ '^\[[A-Z][A-Z0-9_]{1,40}\]$');
ALTER TABLE handoffs ADD COLUMN contact_left_at timestamptz;
CREATE INDEX handoffs_assignee_idx ON handoffs (tenant_id, assignee_user_id, status);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['inbox_settings', 'canned_responses', 'pii_vault_entries']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON inbox_settings TO {{app_role}};
GRANT SELECT, INSERT, UPDATE, DELETE ON canned_responses TO {{app_role}};
GRANT SELECT, INSERT ON pii_vault_entries TO {{app_role}};
