-- The chat widget presents only its public key (pk_live_… / pk_test_…): no tenant is known
-- until the key is resolved. As with API keys and SSO, one narrow definer function answers that
-- single question (which tenant, agent and environment, and where it may be embedded) instead
-- of opening agent_environments to the app role without a tenant.
CREATE FUNCTION widget_resolve_key(p_key text)
RETURNS TABLE (tenant_id uuid, agent_id uuid, environment agent_environment, allowed_origins text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.tenant_id, e.agent_id, e.environment, e.allowed_origins
  FROM agent_environments e WHERE e.widget_key = p_key
$$;

-- The chat app's demo host page embeds a configured demo tenant's production widget key. The
-- key is public by design (every host page carries it in its script tag; allowed origins are
-- what protect it), so this lets the chat app keep the app role instead of holding the owner
-- credentials just to render a demo page.
CREATE FUNCTION widget_demo_key(p_tenant_slug text)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.widget_key FROM agent_environments e
  JOIN agents a ON a.id = e.agent_id JOIN tenants t ON t.id = e.tenant_id
  WHERE t.slug = p_tenant_slug AND a.slug = 'support' AND e.environment = 'production'
$$;

REVOKE ALL ON FUNCTION widget_resolve_key(text), widget_demo_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION widget_resolve_key(text), widget_demo_key(text) TO {{app_role}};
