-- Foundation: the whole product's data model, tenant isolation by row-level security,
-- and an append-only, hash-chained audit log. Runs as the owner role; the application
-- role ({{app_role}}) gets only the privileges granted at the end.

CREATE TYPE membership_role AS ENUM (
  'owner', 'admin', 'agent_builder', 'knowledge_reviewer', 'deployer', 'support_agent', 'auditor'
);
CREATE TYPE agent_environment AS ENUM ('staging', 'production');
CREATE TYPE knowledge_source_type AS ENUM ('file', 'article', 'faq', 'website');
CREATE TYPE knowledge_source_status AS ENUM ('draft', 'pending_review', 'approved', 'rejected', 'quarantined');
CREATE TYPE conversation_status AS ENUM ('open', 'handed_off', 'resolved', 'closed');
CREATE TYPE message_role AS ENUM ('customer', 'assistant', 'human_agent', 'system', 'internal_note');
CREATE TYPE handoff_reason AS ENUM ('low_grounding', 'always_human_topic', 'customer_request', 'repeated_failure', 'injection_attempt', 'tool_approval');
CREATE TYPE handoff_status AS ENUM ('pending', 'assigned', 'resolved', 'returned_to_ai');
CREATE TYPE audit_actor_type AS ENUM ('user', 'system', 'api_key', 'visitor');

CREATE TABLE tenants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name        text NOT NULL,
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Users are global identities (one person may belong to several tenants); they are not
-- tenant-owned, so their visibility is scoped by membership instead.
CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL,
  name           text,
  password_hash  text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  roles       membership_role[] NOT NULL CHECK (cardinality(roles) > 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE agents (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  slug         text NOT NULL,
  name         text NOT NULL,
  description  text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, slug),
  UNIQUE (tenant_id, id)
);

-- Versions are immutable: an edit is a new row (see the trigger below).
CREATE TABLE agent_config_versions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  agent_id    uuid NOT NULL,
  version     integer NOT NULL CHECK (version > 0),
  config      jsonb NOT NULL,
  note        text,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agent_id, version),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id) ON DELETE CASCADE
);

-- Each environment of an agent points at exactly one version and has its own widget key.
CREATE TABLE agent_environments (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  agent_id           uuid NOT NULL,
  environment        agent_environment NOT NULL,
  config_version_id  uuid NOT NULL,
  widget_key         text NOT NULL UNIQUE,
  allowed_origins    text[] NOT NULL DEFAULT '{}',
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agent_id, environment),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, config_version_id) REFERENCES agent_config_versions(tenant_id, id)
);

CREATE TABLE knowledge_sources (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id            uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name                 text NOT NULL,
  type                 knowledge_source_type NOT NULL,
  status               knowledge_source_status NOT NULL DEFAULT 'draft',
  created_by           uuid REFERENCES users(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);

CREATE TABLE source_versions (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  source_id          uuid NOT NULL,
  version            integer NOT NULL CHECK (version > 0),
  status             knowledge_source_status NOT NULL DEFAULT 'draft',
  content_sha256     text,
  metadata           jsonb NOT NULL DEFAULT '{}'::jsonb,
  uploaded_by        uuid REFERENCES users(id),
  reviewed_by        uuid REFERENCES users(id),
  review_note        text,
  quarantine_reason  text,
  indexed_at         timestamptz,
  reviewed_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_id, version),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, source_id) REFERENCES knowledge_sources(tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE documents (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  source_version_id  uuid NOT NULL,
  title              text NOT NULL,
  url                text,
  mime_type          text NOT NULL DEFAULT 'text/markdown',
  content            text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, source_version_id) REFERENCES source_versions(tenant_id, id) ON DELETE CASCADE
);

-- 384 dimensions: the offline deterministic embedder's size; a provider with another size
-- gets its own migration.
CREATE TABLE chunks (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  document_id  uuid NOT NULL,
  ordinal      integer NOT NULL,
  content      text NOT NULL,
  heading      text,
  token_count  integer NOT NULL DEFAULT 0,
  embedding    vector(384),
  tsv          tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(heading, '') || ' ' || content)) STORED,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, ordinal),
  FOREIGN KEY (tenant_id, document_id) REFERENCES documents(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_tsv_gin ON chunks USING gin (tsv);
CREATE INDEX chunks_tenant_idx ON chunks (tenant_id);

CREATE TABLE contacts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  external_id  text,
  email        text,
  name         text,
  verified     boolean NOT NULL DEFAULT false,
  metadata     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, external_id)
);

CREATE TABLE conversations (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  agent_id                 uuid NOT NULL,
  contact_id               uuid,
  environment              agent_environment NOT NULL DEFAULT 'production',
  status                   conversation_status NOT NULL DEFAULT 'open',
  config_version_id        uuid,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts(tenant_id, id) ON DELETE SET NULL (contact_id),
  FOREIGN KEY (tenant_id, config_version_id) REFERENCES agent_config_versions(tenant_id, id) ON DELETE SET NULL (config_version_id)
);
CREATE INDEX conversations_tenant_created_idx ON conversations (tenant_id, created_at DESC);

CREATE TABLE messages (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  conversation_id  uuid NOT NULL,
  role             message_role NOT NULL,
  content          text NOT NULL,
  citations        jsonb NOT NULL DEFAULT '[]'::jsonb,
  author_user_id   uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);

CREATE TABLE handoffs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  conversation_id   uuid NOT NULL,
  reason            handoff_reason NOT NULL,
  status            handoff_status NOT NULL DEFAULT 'pending',
  assignee_user_id  uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  claimed_at        timestamptz,
  resolved_at       timestamptz,
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX handoffs_open_idx ON handoffs (tenant_id, status, created_at);

-- Append-only and hash-chained per tenant: hash = sha256(prev_hash || canonical(content)).
CREATE TABLE audit_events (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id),
  seq          bigint NOT NULL CHECK (seq > 0),
  occurred_at  timestamptz NOT NULL,
  actor_type   audit_actor_type NOT NULL,
  actor_id     text,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  ip           text,
  user_agent   text,
  data         jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  UNIQUE (tenant_id, seq)
);
CREATE INDEX audit_events_tenant_time_idx ON audit_events (tenant_id, occurred_at);

CREATE TABLE api_keys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name          text NOT NULL,
  prefix        text NOT NULL UNIQUE,
  key_hash      text NOT NULL,
  scopes        text[] NOT NULL DEFAULT '{}',
  created_by    uuid REFERENCES users(id),
  last_used_at  timestamptz,
  expires_at    timestamptz,
  revoked_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------
-- Row-level security. current_setting(..., true) yields NULL when unset, and NULL never
-- equals anything, so a connection that forgot withTenant() sees and writes nothing.
CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
$$;
CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
  USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['memberships','agents','agent_config_versions','agent_environments',
    'knowledge_sources','source_versions','documents','chunks','contacts','conversations',
    'messages','handoffs','audit_events','api_keys']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

-- A user row is visible to itself and to the tenants it belongs to.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY user_visibility ON users FOR SELECT USING (
  id = app_current_user()
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.tenant_id = app_current_tenant())
);
CREATE POLICY user_self_update ON users FOR UPDATE USING (id = app_current_user()) WITH CHECK (id = app_current_user());

-- Sign-in has to find a user before any tenant is known: two narrow definer functions,
-- owned by the owner role, instead of opening the tables.
CREATE FUNCTION auth_find_user_by_email(p_email text)
RETURNS TABLE (id uuid, email text, name text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id, u.email, u.name, u.password_hash FROM users u WHERE lower(u.email) = lower(p_email)
$$;
CREATE FUNCTION auth_list_user_memberships(p_user_id uuid)
RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, roles membership_role[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, t.slug, t.name, m.roles FROM memberships m JOIN tenants t ON t.id = m.tenant_id
  WHERE m.user_id = p_user_id ORDER BY t.name
$$;

-- ---------------------------------------------------------------------------------------
-- Immutability and append-only guards (hold for every role that does not drop them).
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER agent_config_versions_immutable BEFORE UPDATE ON agent_config_versions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- ---------------------------------------------------------------------------------------
-- Privileges of the application role.
GRANT USAGE ON SCHEMA public TO {{app_role}};
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, memberships, agents, agent_environments,
  knowledge_sources, source_versions, documents, chunks, contacts, conversations, messages,
  handoffs, api_keys TO {{app_role}};
GRANT SELECT, UPDATE ON users TO {{app_role}};
GRANT SELECT, INSERT, DELETE ON agent_config_versions TO {{app_role}};
GRANT SELECT, INSERT ON audit_events TO {{app_role}};
GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text), auth_list_user_memberships(uuid),
  app_current_tenant(), app_current_user() TO {{app_role}};
