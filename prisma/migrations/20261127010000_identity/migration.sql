-- Identity and access: tenant security policy, MFA, sessions, SSO connections, invitations,
-- API key rotation, security alerts. Secrets (TOTP seeds, OIDC client secrets) are stored
-- sealed with AES-256-GCM under a per-tenant or per-user key derived from VOUCH_ENCRYPTION_KEY.

ALTER TABLE tenants
  ADD COLUMN mfa_required boolean NOT NULL DEFAULT true,
  ADD COLUMN password_login_enabled boolean NOT NULL DEFAULT true,
  ADD COLUMN ip_allowlist text[] NOT NULL DEFAULT '{}',
  ADD COLUMN trusted_proxies text[] NOT NULL DEFAULT '{}';

ALTER TABLE users
  ADD COLUMN mfa_secret_sealed text,
  ADD COLUMN mfa_enabled_at timestamptz,
  ADD COLUMN recovery_code_hashes text[] NOT NULL DEFAULT '{}';

-- One row per signed-in browser; the JWT carries its id so "sign out everywhere" can revoke.
CREATE TABLE user_sessions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id          uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_seen_at     timestamptz NOT NULL DEFAULT now(),
  ip               text,
  user_agent       text,
  method           text NOT NULL DEFAULT 'password',
  mfa_verified_at  timestamptz,
  revoked_at       timestamptz
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id, created_at DESC);
ALTER TABLE user_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY user_sessions_owner ON user_sessions
  USING (user_id = app_current_user()) WITH CHECK (user_id = app_current_user());

CREATE TABLE sso_connections (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id             uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
  issuer                text NOT NULL,
  client_id             text NOT NULL,
  client_secret_sealed  text NOT NULL,
  enabled               boolean NOT NULL DEFAULT true,
  created_by            uuid REFERENCES users(id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invitations (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  email        text NOT NULL,
  roles        membership_role[] NOT NULL CHECK (cardinality(roles) > 0),
  token_hash   text NOT NULL UNIQUE,
  invited_by   uuid REFERENCES users(id),
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  accepted_by  uuid REFERENCES users(id),
  revoked_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_tenant_idx ON invitations (tenant_id, created_at DESC);

CREATE TABLE security_alerts (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kind             text NOT NULL,
  detail           jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz,
  acknowledged_by  uuid REFERENCES users(id)
);
CREATE INDEX security_alerts_tenant_idx ON security_alerts (tenant_id, created_at DESC);

ALTER TABLE api_keys
  ADD COLUMN replaced_by_id uuid REFERENCES api_keys(id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sso_connections','invitations','security_alerts']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

-- Before a tenant is known (API key requests, SSO sign-in, invitation links), these narrow
-- definer functions answer one question each instead of opening the tables.
CREATE FUNCTION auth_find_api_key(p_prefix text)
RETURNS TABLE (id uuid, tenant_id uuid, key_hash text, scopes text[], expires_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT k.id, k.tenant_id, k.key_hash, k.scopes, k.expires_at, k.revoked_at FROM api_keys k WHERE k.prefix = p_prefix
$$;

CREATE FUNCTION auth_find_sso_connection(p_tenant_slug text)
RETURNS TABLE (tenant_id uuid, tenant_slug text, issuer text, client_id text, client_secret_sealed text, password_login_enabled boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, t.slug, s.issuer, s.client_id, s.client_secret_sealed, t.password_login_enabled
  FROM tenants t JOIN sso_connections s ON s.tenant_id = t.id
  WHERE t.slug = p_tenant_slug AND s.enabled
$$;

CREATE FUNCTION auth_find_invitation(p_token_hash text)
RETURNS TABLE (id uuid, tenant_id uuid, tenant_name text, email text, roles membership_role[], expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.id, i.tenant_id, t.name, i.email, i.roles, i.expires_at, i.accepted_at, i.revoked_at
  FROM invitations i JOIN tenants t ON t.id = i.tenant_id WHERE i.token_hash = p_token_hash
$$;

-- Tenant sign-in policy for a user's tenants (password login allowed? MFA required?), read
-- at sign-in before a tenant is chosen.
CREATE FUNCTION auth_user_security(p_user_id uuid)
RETURNS TABLE (mfa_enabled boolean, mfa_secret_sealed text, recovery_code_count integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.mfa_enabled_at IS NOT NULL, u.mfa_secret_sealed, cardinality(u.recovery_code_hashes)
  FROM users u WHERE u.id = p_user_id
$$;

-- Creating a user happens before any membership exists (invitation acceptance, SSO first
-- sign-in); the app role cannot insert users directly.
CREATE FUNCTION auth_create_user(p_email text, p_name text, p_password_hash text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE new_id uuid;
BEGIN
  INSERT INTO users (email, name, password_hash) VALUES (lower(p_email), p_name, p_password_hash)
  ON CONFLICT ((lower(email))) DO NOTHING RETURNING id INTO new_id;
  IF new_id IS NULL THEN
    SELECT u.id INTO new_id FROM users u WHERE lower(u.email) = lower(p_email);
  END IF;
  RETURN new_id;
END $$;

REVOKE ALL ON FUNCTION auth_find_user_by_email(text), auth_list_user_memberships(uuid),
  auth_find_api_key(text), auth_find_sso_connection(text), auth_find_invitation(text),
  auth_user_security(uuid), auth_create_user(text, text, text) FROM PUBLIC;

GRANT SELECT, INSERT, UPDATE ON user_sessions TO {{app_role}};
GRANT SELECT, INSERT, UPDATE, DELETE ON sso_connections, invitations TO {{app_role}};
GRANT SELECT, INSERT, UPDATE ON security_alerts TO {{app_role}};
GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text), auth_list_user_memberships(uuid),
  auth_find_api_key(text), auth_find_sso_connection(text), auth_find_invitation(text),
  auth_user_security(uuid), auth_create_user(text, text, text) TO {{app_role}};
