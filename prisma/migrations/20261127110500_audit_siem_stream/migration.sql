-- Compliance: an optional signed webhook stream of audit events to a SIEM, one per tenant.
-- The secret is sealed (AES-256-GCM under the tenant key); delivered_seq is the stream's cursor
-- (at-least-once: a receiver dedupes by tenant and seq).
CREATE TABLE audit_webhooks (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
  url              text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  secret_sealed    text NOT NULL,
  enabled          boolean NOT NULL DEFAULT true,
  delivered_seq    bigint NOT NULL DEFAULT 0,
  last_status      text,
  last_error       text,
  last_delivery_at timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid
);
ALTER TABLE audit_webhooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_webhooks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_webhooks
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON audit_webhooks TO {{app_role}};

-- Retention of vault entries (the handoff inbox's sealed originals), where that table exists.
DO $$
BEGIN
  IF to_regclass('public.pii_vault_entries') IS NOT NULL THEN
    EXECUTE 'GRANT DELETE ON pii_vault_entries TO {{app_role}}';
  END IF;
END $$;
