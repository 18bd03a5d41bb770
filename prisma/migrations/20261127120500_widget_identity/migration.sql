-- Widget identity verification (like Intercom's): the host page passes a user id and
-- HMAC-SHA-256(user id) under the tenant's identity secret, computed by the host's server. The
-- secret is sealed under the tenant's key; a conversation records whether its visitor proved an
-- identity, and which (the host's id, redacted so an e-mail used as an id is not stored readable).
CREATE TABLE widget_identity_secrets (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
  secret_sealed text NOT NULL,
  rotated_at    timestamptz NOT NULL DEFAULT now(),
  rotated_by    uuid REFERENCES users(id)
);
ALTER TABLE widget_identity_secrets ENABLE ROW LEVEL SECURITY;
ALTER TABLE widget_identity_secrets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON widget_identity_secrets
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON widget_identity_secrets TO {{app_role}};

ALTER TABLE conversations ADD COLUMN identity_verified boolean NOT NULL DEFAULT false;
ALTER TABLE conversations ADD COLUMN external_user_id text CHECK (length(external_user_id) <= 300);
