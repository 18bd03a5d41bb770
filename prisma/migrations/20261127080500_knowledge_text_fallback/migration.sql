-- Full-text candidates with a fallback for natural questions. websearch_to_tsquery ANDs every
-- word, so "do amex cards work" matches nothing unless a passage has all of them. When the AND
-- query finds nothing, match passages that contain ANY of the question's *uncommon* words in
-- this tenant (a word found in more than 200 of its passages cannot narrow anything and would
-- make ranking scan a large share of the tenant), and rank them by all the words. Frequencies
-- are probed in the tenant's own rows only, never in table-wide statistics, so the ranking a
-- tenant sees reveals nothing about other tenants' text.
CREATE OR REPLACE FUNCTION search_chunk_text(p_query text, p_limit integer, p_documents uuid[])
RETURNS TABLE (id uuid, score real)
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 40 SET search_path = public AS $$
DECLARE
  tenant uuid := app_current_tenant();
  lim integer := least(greatest(p_limit, 1), 500);
  cfg regconfig;
  term text;
  term_query tsquery;
  seen integer;
  rare tsquery;
  everything tsquery;
BEGIN
  IF tenant IS NULL OR (p_documents IS NOT NULL AND cardinality(p_documents) = 0) THEN
    RETURN;
  END IF;
  cfg := knowledge_text_search_config(tenant);
  RETURN QUERY
    SELECT c.id, ts_rank_cd(c.tsv, q) AS score
    FROM chunks c, websearch_to_tsquery(cfg, p_query) q
    WHERE c.tenant_id = tenant AND c.tsv @@ q AND (p_documents IS NULL OR c.document_id = ANY (p_documents))
    ORDER BY score DESC LIMIT lim;
  IF FOUND THEN
    RETURN;
  END IF;
  -- Lexemes are already normalised: build the query from them directly (no parsing of user text).
  FOREACH term IN ARRAY tsvector_to_array(to_tsvector(cfg, p_query)) LOOP
    term_query := phraseto_tsquery('simple', term);
    CONTINUE WHEN term_query IS NULL OR numnode(term_query) = 0;
    everything := CASE WHEN everything IS NULL THEN term_query ELSE everything || term_query END;
    SELECT count(*) INTO seen FROM (
      SELECT 1 FROM chunks c WHERE c.tenant_id = tenant AND c.tsv @@ term_query LIMIT 201
    ) probe;
    IF seen BETWEEN 1 AND 200 THEN
      rare := CASE WHEN rare IS NULL THEN term_query ELSE rare || term_query END;
    END IF;
  END LOOP;
  IF rare IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT c.id, ts_rank_cd(c.tsv, everything) AS score
    FROM chunks c
    WHERE c.tenant_id = tenant AND c.tsv @@ rare AND (p_documents IS NULL OR c.document_id = ANY (p_documents))
    ORDER BY score DESC LIMIT lim;
END
$$;
