-- Canary rollout: production may serve a second version to a share of visitors (a stable
-- bucket per visitor) until the rollout is completed or stopped.
ALTER TABLE agent_environments
  ADD COLUMN canary_version_id uuid,
  ADD COLUMN canary_percent integer NOT NULL DEFAULT 0 CHECK (canary_percent BETWEEN 0 AND 99),
  ADD FOREIGN KEY (tenant_id, canary_version_id) REFERENCES agent_config_versions(tenant_id, id),
  ADD CHECK ((canary_version_id IS NULL) = (canary_percent = 0));

ALTER TABLE agent_deployments DROP CONSTRAINT agent_deployments_kind_check;
ALTER TABLE agent_deployments ADD CONSTRAINT agent_deployments_kind_check
  CHECK (kind IN ('create', 'edit', 'promotion', 'rollback', 'canary', 'canary_stop'));
