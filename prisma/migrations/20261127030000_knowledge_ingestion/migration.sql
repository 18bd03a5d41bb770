-- Knowledge ingestion: uploads are kept sealed (AES-256-GCM under the tenant key) because they
-- arrive unredacted; everything derived from them (documents, chunks) is redacted. Each version
-- records its ingestion state, what redaction removed and why it was quarantined.

CREATE TABLE source_uploads (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  source_version_id  uuid NOT NULL UNIQUE,
  file_name          text NOT NULL,
  mime_type          text NOT NULL,
  byte_size          integer NOT NULL CHECK (byte_size >= 0),
  content_sealed     text,
  purged_at          timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, source_version_id),
  FOREIGN KEY (tenant_id, source_version_id) REFERENCES source_versions(tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE source_versions
  ADD COLUMN file_name text,
  ADD COLUMN ingest_status text NOT NULL DEFAULT 'queued'
    CHECK (ingest_status IN ('queued', 'processing', 'indexed', 'failed')),
  ADD COLUMN ingest_progress integer NOT NULL DEFAULT 0 CHECK (ingest_progress BETWEEN 0 AND 100),
  ADD COLUMN ingest_error text,
  ADD COLUMN chunk_count integer NOT NULL DEFAULT 0,
  ADD COLUMN embedding_model text,
  ADD COLUMN redaction_summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN injection_findings jsonb NOT NULL DEFAULT '[]'::jsonb;

CREATE INDEX source_versions_source_idx ON source_versions (source_id, version DESC);
CREATE INDEX documents_version_idx ON documents (source_version_id);

ALTER TABLE source_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE source_uploads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON source_uploads
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON source_uploads TO {{app_role}};
