-- Agent configuration lifecycle: evaluation suites and runs, four-eyes promotions, and the
-- history of where each environment pointed (what a rollback may return to).

-- Test cases of an agent's evaluation suite. Authored by staff; a case never holds real
-- customer data (PII canaries are made-up values the agent must never repeat).
CREATE TABLE agent_eval_cases (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id           uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  agent_id            uuid NOT NULL,
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind                text NOT NULL CHECK (kind IN ('must_answer', 'must_escalate', 'must_not_leak')),
  question            text NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
  expected_source_id  uuid,
  expected_facts      text[] NOT NULL DEFAULT '{}',
  canaries            text[] NOT NULL DEFAULT '{}',
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_eval_cases_agent_idx ON agent_eval_cases (tenant_id, agent_id, created_at);

-- A promotion request of one config version to production (four eyes + evaluation gate).
CREATE TABLE agent_promotions (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  agent_id           uuid NOT NULL,
  config_version_id  uuid NOT NULL,
  status             text NOT NULL DEFAULT 'evaluating'
                     CHECK (status IN ('evaluating', 'awaiting_approval', 'gate_failed', 'deployed', 'rejected')),
  note               text,
  requested_by       uuid NOT NULL REFERENCES users(id),
  requested_at       timestamptz NOT NULL DEFAULT now(),
  decided_by         uuid REFERENCES users(id),
  decided_at         timestamptz,
  decision_comment   text,
  override_reason    text,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, config_version_id) REFERENCES agent_config_versions(tenant_id, id) ON DELETE CASCADE
);
-- At most one open request per agent.
CREATE UNIQUE INDEX agent_promotions_one_open ON agent_promotions (agent_id)
  WHERE status IN ('evaluating', 'awaiting_approval', 'gate_failed');

-- One evaluation of one config version: the agent's suite plus the built-in red-team pack.
CREATE TABLE agent_eval_runs (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  agent_id           uuid NOT NULL,
  config_version_id  uuid NOT NULL,
  promotion_id       uuid,
  status             text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'passed', 'failed', 'error')),
  total              integer NOT NULL DEFAULT 0,
  done               integer NOT NULL DEFAULT 0,
  passed_count       integer NOT NULL DEFAULT 0,
  failed_count       integer NOT NULL DEFAULT 0,
  results            jsonb NOT NULL DEFAULT '[]',
  error              text,
  requested_by       text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  started_at         timestamptz,
  finished_at        timestamptz,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, config_version_id) REFERENCES agent_config_versions(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, promotion_id) REFERENCES agent_promotions(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_eval_runs_version_idx ON agent_eval_runs (tenant_id, config_version_id, created_at DESC);

-- Every move of an environment pointer, oldest first: history, and what a rollback may pick.
CREATE TABLE agent_deployments (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id            uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  agent_id             uuid NOT NULL,
  environment          agent_environment NOT NULL,
  config_version_id    uuid NOT NULL,
  previous_version_id  uuid,
  kind                 text NOT NULL CHECK (kind IN ('create', 'edit', 'promotion', 'rollback')),
  promotion_id         uuid,
  actor_id             text NOT NULL,
  reason               text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, config_version_id) REFERENCES agent_config_versions(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_deployments_agent_idx ON agent_deployments (tenant_id, agent_id, environment, created_at);

-- Where existing environments point today is their first known deployment.
INSERT INTO agent_deployments (tenant_id, agent_id, environment, config_version_id, kind, actor_id, created_at)
  SELECT e.tenant_id, e.agent_id, e.environment, e.config_version_id, 'create', 'system:migration', e.updated_at
  FROM agent_environments e;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agent_eval_cases', 'agent_promotions', 'agent_eval_runs', 'agent_deployments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON agent_eval_cases TO {{app_role}};
GRANT SELECT, INSERT, UPDATE ON agent_promotions, agent_eval_runs TO {{app_role}};
-- Deployment history is append-only for the application.
GRANT SELECT, INSERT ON agent_deployments TO {{app_role}};
