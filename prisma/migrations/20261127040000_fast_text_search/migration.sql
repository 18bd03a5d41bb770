-- Full-text candidates for hybrid retrieval. Under RLS the planner may not evaluate the
-- non-leakproof @@ operator inside the GIN index before the tenant policy, so it scans every
-- row of the tenant instead (linear in tenant size). This definer function applies the very
-- same tenant predicate explicitly, which lets the GIN index serve the query. It returns only
-- ids and scores of the current tenant's chunks, and nothing when no tenant is set.
CREATE FUNCTION search_chunk_text(p_query text, p_limit integer)
RETURNS TABLE (id uuid, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.id, ts_rank_cd(c.tsv, q) AS score
  FROM chunks c, websearch_to_tsquery('english', p_query) q
  WHERE c.tenant_id = app_current_tenant() AND c.tsv @@ q
  ORDER BY score DESC
  LIMIT least(greatest(p_limit, 1), 500)
$$;

REVOKE ALL ON FUNCTION search_chunk_text(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_chunk_text(text, integer) TO {{app_role}};
