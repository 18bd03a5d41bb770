-- Knowledge index settings per tenant: which embedder produced the tenant's vectors (provider,
-- model, dimensions) and which full-text configuration its tsvectors use. A change is recorded
-- as "pending" and carried out by the knowledge.reembed-tenant job, which fills
-- chunks.embedding_next in batches (old vectors keep serving) and then switches in one
-- transaction: vectors, tsvectors and the settings row together.

CREATE TABLE knowledge_settings (
  id                            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id                     uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
  embedding_provider            text NOT NULL DEFAULT 'offline' CHECK (embedding_provider IN ('offline', 'openai', 'ollama')),
  embedding_model               text NOT NULL DEFAULT 'hash-lemma-v1' CHECK (length(embedding_model) BETWEEN 1 AND 200),
  embedding_dimensions          integer NOT NULL DEFAULT 384 CHECK (embedding_dimensions IN (384, 768, 1024, 1536)),
  text_search_config            text NOT NULL DEFAULT 'english'
    CHECK (text_search_config IN ('english', 'german', 'french', 'spanish', 'italian', 'portuguese', 'simple')),
  pending_embedding_provider    text CHECK (pending_embedding_provider IN ('offline', 'openai', 'ollama')),
  pending_embedding_model       text CHECK (length(pending_embedding_model) BETWEEN 1 AND 200),
  pending_embedding_dimensions  integer CHECK (pending_embedding_dimensions IN (384, 768, 1024, 1536)),
  pending_text_search_config    text
    CHECK (pending_text_search_config IN ('english', 'german', 'french', 'spanish', 'italian', 'portuguese', 'simple')),
  reindex_status                text NOT NULL DEFAULT 'idle' CHECK (reindex_status IN ('idle', 'queued', 'running', 'failed')),
  reindex_done                  integer NOT NULL DEFAULT 0 CHECK (reindex_done >= 0),
  reindex_total                 integer NOT NULL DEFAULT 0 CHECK (reindex_total >= 0),
  reindex_error                 text,
  reindex_requested_by          uuid REFERENCES users(id),
  reindex_started_at            timestamptz,
  reindex_finished_at           timestamptz,
  updated_at                    timestamptz NOT NULL DEFAULT now(),
  CHECK ((pending_embedding_provider IS NULL) = (pending_embedding_model IS NULL)
     AND (pending_embedding_model IS NULL) = (pending_embedding_dimensions IS NULL))
);

ALTER TABLE knowledge_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE knowledge_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON knowledge_settings
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON knowledge_settings TO {{app_role}};

-- Vectors of any supported size live in one column; each size has its own partial HNSW index
-- (pgvector indexes one dimension per index), and queries name the size they search.
DROP INDEX chunks_embedding_hnsw;
ALTER TABLE chunks ALTER COLUMN embedding TYPE vector;
ALTER TABLE chunks ADD COLUMN embedding_next vector;
CREATE INDEX chunks_embedding_384_hnsw ON chunks USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE vector_dims(embedding) = 384;
CREATE INDEX chunks_embedding_768_hnsw ON chunks USING hnsw ((embedding::vector(768)) vector_cosine_ops) WHERE vector_dims(embedding) = 768;
CREATE INDEX chunks_embedding_1024_hnsw ON chunks USING hnsw ((embedding::vector(1024)) vector_cosine_ops) WHERE vector_dims(embedding) = 1024;
CREATE INDEX chunks_embedding_1536_hnsw ON chunks USING hnsw ((embedding::vector(1536)) vector_cosine_ops) WHERE vector_dims(embedding) = 1536;
-- The re-embed job walks a tenant's chunks that still lack the next vector.
CREATE INDEX chunks_reembed_idx ON chunks (tenant_id, id) WHERE embedding_next IS NULL;

-- The tenant's full-text configuration, 'english' until one is chosen. Invoker rights: under
-- RLS a tenant can only read its own row.
CREATE FUNCTION knowledge_text_search_config(p_tenant uuid) RETURNS regconfig
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT coalesce((SELECT ks.text_search_config FROM knowledge_settings ks WHERE ks.tenant_id = p_tenant), 'english')::regconfig
$$;
GRANT EXECUTE ON FUNCTION knowledge_text_search_config(uuid) TO {{app_role}};

-- tsv was generated with a fixed 'english'; it is now written with the tenant's configuration
-- (existing values are kept, they were english, the default).
ALTER TABLE chunks ALTER COLUMN tsv DROP EXPRESSION;
CREATE FUNCTION chunks_set_tsv() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  NEW.tsv := to_tsvector(knowledge_text_search_config(NEW.tenant_id), coalesce(NEW.heading, '') || ' ' || NEW.content);
  RETURN NEW;
END
$$;
CREATE TRIGGER chunks_tsv BEFORE INSERT OR UPDATE OF content, heading ON chunks
  FOR EACH ROW EXECUTE FUNCTION chunks_set_tsv();

-- Full-text candidates in the tenant's configuration (see 20261127040000 for why this is a
-- definer function: it lets the GIN index serve the query under RLS).
CREATE OR REPLACE FUNCTION search_chunk_text(p_query text, p_limit integer)
RETURNS TABLE (id uuid, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, ts_rank_cd(c.tsv, q) AS score
  FROM chunks c, websearch_to_tsquery(knowledge_text_search_config(app_current_tenant()), p_query) q
  WHERE c.tenant_id = app_current_tenant() AND c.tsv @@ q
  ORDER BY score DESC
  LIMIT least(greatest(p_limit, 1), 500)
$$;

-- Candidates for hybrid retrieval, restricted to the given documents (the serving versions'
-- documents; NULL means any). plpgsql with static queries so each session caches their plans,
-- and ROWS so the planner expects a few dozen rows, not a thousand.
--
-- Nearest chunks by cosine distance through the HNSW index of the query's vector size.
-- Invoker rights: RLS keeps the scan in the current tenant. The SET clause makes the scan keep
-- going past ef_search while rows are filtered out (other tenants, other versions), so the
-- LIMIT is met; setting it here spares a set_config round trip per query.
CREATE FUNCTION nearest_chunks(p_embedding vector, p_limit integer, p_documents uuid[])
RETURNS TABLE (id uuid, distance double precision)
LANGUAGE plpgsql STABLE ROWS 40
SET search_path = public
SET hnsw.iterative_scan = 'relaxed_order'
AS $$
DECLARE
  lim integer := least(greatest(p_limit, 1), 1000);
BEGIN
  IF p_documents IS NOT NULL AND cardinality(p_documents) = 0 THEN
    RETURN;
  END IF;
  CASE vector_dims(p_embedding)
    WHEN 384 THEN RETURN QUERY
      SELECT c.id, (c.embedding::vector(384) <=> p_embedding::vector(384))::float8 FROM chunks c
      WHERE vector_dims(c.embedding) = 384 AND (p_documents IS NULL OR c.document_id = ANY (p_documents))
      ORDER BY c.embedding::vector(384) <=> p_embedding::vector(384) LIMIT lim;
    WHEN 768 THEN RETURN QUERY
      SELECT c.id, (c.embedding::vector(768) <=> p_embedding::vector(768))::float8 FROM chunks c
      WHERE vector_dims(c.embedding) = 768 AND (p_documents IS NULL OR c.document_id = ANY (p_documents))
      ORDER BY c.embedding::vector(768) <=> p_embedding::vector(768) LIMIT lim;
    WHEN 1024 THEN RETURN QUERY
      SELECT c.id, (c.embedding::vector(1024) <=> p_embedding::vector(1024))::float8 FROM chunks c
      WHERE vector_dims(c.embedding) = 1024 AND (p_documents IS NULL OR c.document_id = ANY (p_documents))
      ORDER BY c.embedding::vector(1024) <=> p_embedding::vector(1024) LIMIT lim;
    WHEN 1536 THEN RETURN QUERY
      SELECT c.id, (c.embedding::vector(1536) <=> p_embedding::vector(1536))::float8 FROM chunks c
      WHERE vector_dims(c.embedding) = 1536 AND (p_documents IS NULL OR c.document_id = ANY (p_documents))
      ORDER BY c.embedding::vector(1536) <=> p_embedding::vector(1536) LIMIT lim;
    ELSE
      RAISE EXCEPTION 'unsupported embedding size %', vector_dims(p_embedding) USING ERRCODE = '22023';
  END CASE;
END
$$;
REVOKE ALL ON FUNCTION nearest_chunks(vector, integer, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nearest_chunks(vector, integer, uuid[]) TO {{app_role}};

-- Full-text candidates in the tenant's configuration, restricted to the given documents.
-- Definer rights for the GIN index (see 20261127040000), with the tenant predicate explicit.
CREATE FUNCTION search_chunk_text(p_query text, p_limit integer, p_documents uuid[])
RETURNS TABLE (id uuid, score real)
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 40 SET search_path = public AS $$
DECLARE
  tenant uuid := app_current_tenant();
  q tsquery;
BEGIN
  IF tenant IS NULL OR (p_documents IS NOT NULL AND cardinality(p_documents) = 0) THEN
    RETURN;
  END IF;
  q := websearch_to_tsquery(knowledge_text_search_config(tenant), p_query);
  RETURN QUERY
    SELECT c.id, ts_rank_cd(c.tsv, q) AS score FROM chunks c
    WHERE c.tenant_id = tenant AND c.tsv @@ q AND (p_documents IS NULL OR c.document_id = ANY (p_documents))
    ORDER BY score DESC LIMIT least(greatest(p_limit, 1), 500);
END
$$;
REVOKE ALL ON FUNCTION search_chunk_text(text, integer, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_chunk_text(text, integer, uuid[]) TO {{app_role}};
