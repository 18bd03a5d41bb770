-- Compliance: per-tenant retention periods, retention run records, and audit tombstones that
-- keep the hash chain verifiable (docs: packages/core/src/audit/README.md, "Retention").

-- ---------------------------------------------------------------------------------------
-- Retention periods, one row per tenant (a tenant without a row uses the defaults below).
CREATE TABLE retention_policies (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
  transcripts_days   integer NOT NULL DEFAULT 90  CHECK (transcripts_days BETWEEN 1 AND 3650),
  traces_days        integer NOT NULL DEFAULT 90  CHECK (traces_days BETWEEN 1 AND 3650),
  handoff_notes_days integer NOT NULL DEFAULT 60  CHECK (handoff_notes_days BETWEEN 1 AND 3650),
  vault_days         integer NOT NULL DEFAULT 30  CHECK (vault_days BETWEEN 1 AND 3650),
  uploads_days       integer NOT NULL DEFAULT 30  CHECK (uploads_days BETWEEN 1 AND 3650),
  audit_days         integer NOT NULL DEFAULT 400 CHECK (audit_days BETWEEN 30 AND 3650),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  updated_by         uuid
);

-- What each retention run removed: counts only, never content.
CREATE TABLE retention_runs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kind        text NOT NULL DEFAULT 'schedule',
  status      text NOT NULL DEFAULT 'running',
  removed     jsonb NOT NULL DEFAULT '{}',
  error       text,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX retention_runs_tenant_started_idx ON retention_runs (tenant_id, started_at DESC);

-- Signed statements "every event up to through_seq is a tombstone and the last one hashes to
-- through_hash", Ed25519 by the tenant's audit key. Verification accepts a tombstone only
-- under such a checkpoint, so tombstoning cannot be used to hide recent events.
CREATE TABLE audit_checkpoints (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id),
  through_seq  bigint NOT NULL,
  through_hash text NOT NULL,
  signature    text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, through_seq)
);
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['retention_policies','retention_runs','audit_checkpoints']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

-- ---------------------------------------------------------------------------------------
-- Audit tombstones. An event past retention keeps seq, time, action, prev_hash and hash (so
-- the links still verify); actor, target, IP, user agent and data are cleared.
ALTER TABLE audit_events ADD COLUMN tombstoned_at timestamptz;

-- The append-only guard, with one narrow exception: the tombstone update, only while the
-- definer function below has switched it on for its own transaction, and only when the row
-- keeps its identity and links and loses exactly its content.
CREATE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('vouch.audit_tombstone', true) = 'on'
     AND OLD.tombstoned_at IS NULL AND NEW.tombstoned_at IS NOT NULL
     AND NEW.id = OLD.id AND NEW.tenant_id = OLD.tenant_id AND NEW.seq = OLD.seq
     AND NEW.occurred_at = OLD.occurred_at AND NEW.action = OLD.action AND NEW.actor_type = OLD.actor_type
     AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
     AND NEW.actor_id IS NULL AND NEW.target_type IS NULL AND NEW.target_id IS NULL
     AND NEW.ip IS NULL AND NEW.user_agent IS NULL AND NEW.data = '{}'::jsonb THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER audit_events_append_only ON audit_events;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();

-- The only way the application can tombstone: for the tenant of its own transaction, events
-- older than that tenant's audit retention (read here, not passed in), oldest first, so the
-- tombstones always form a prefix of the chain. Returns the new end of that prefix.
CREATE FUNCTION audit_tombstone_due(p_tenant uuid, p_limit integer)
RETURNS TABLE (through_seq bigint, through_hash text, tombstoned integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_days integer;
  v_cutoff timestamptz;
  v_first_live bigint;
  v_through bigint;
  v_count integer := 0;
BEGIN
  IF p_tenant IS NULL OR p_tenant IS DISTINCT FROM app_current_tenant() THEN
    RAISE EXCEPTION 'audit_tombstone_due: not the current tenant' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT coalesce((SELECT r.audit_days FROM retention_policies r WHERE r.tenant_id = p_tenant), 400) INTO v_days;
  v_cutoff := now() - make_interval(days => v_days);
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || p_tenant::text, 0));
  SELECT min(a.seq) INTO v_first_live FROM audit_events a WHERE a.tenant_id = p_tenant AND a.occurred_at >= v_cutoff;
  SELECT max(a.seq) INTO v_through FROM audit_events a
    WHERE a.tenant_id = p_tenant AND (v_first_live IS NULL OR a.seq < v_first_live);
  IF v_through IS NOT NULL THEN
    PERFORM set_config('vouch.audit_tombstone', 'on', true);
    WITH due AS (
      SELECT a.id FROM audit_events a
      WHERE a.tenant_id = p_tenant AND a.tombstoned_at IS NULL AND a.seq <= v_through
      ORDER BY a.seq LIMIT greatest(p_limit, 1)
    )
    UPDATE audit_events a SET tombstoned_at = now(), actor_id = NULL, target_type = NULL, target_id = NULL,
      ip = NULL, user_agent = NULL, data = '{}'::jsonb
    FROM due WHERE a.id = due.id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    PERFORM set_config('vouch.audit_tombstone', 'off', true);
  END IF;
  RETURN QUERY SELECT a.seq, a.hash, v_count FROM audit_events a
    WHERE a.tenant_id = p_tenant AND a.tombstoned_at IS NOT NULL ORDER BY a.seq DESC LIMIT 1;
  IF NOT FOUND THEN
    RETURN QUERY SELECT NULL::bigint, NULL::text, v_count;
  END IF;
END $$;
REVOKE ALL ON FUNCTION audit_tombstone_due(uuid, integer) FROM PUBLIC;

-- The retention sweep runs per tenant under RLS; this lists which tenants to visit (ids only).
CREATE FUNCTION retention_tenant_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT id FROM tenants ORDER BY created_at
$$;
REVOKE ALL ON FUNCTION retention_tenant_ids() FROM PUBLIC;

-- ---------------------------------------------------------------------------------------
-- Privileges of the application role.
GRANT SELECT, INSERT, UPDATE ON retention_policies TO {{app_role}};
GRANT SELECT, INSERT, UPDATE ON retention_runs TO {{app_role}};
GRANT SELECT, INSERT ON audit_checkpoints TO {{app_role}};
-- Retention and erasure remove traces (the counts survive in the audit event).
GRANT DELETE ON message_traces TO {{app_role}};
GRANT EXECUTE ON FUNCTION audit_tombstone_due(uuid, integer), retention_tenant_ids() TO {{app_role}};
