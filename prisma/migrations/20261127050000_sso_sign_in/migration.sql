-- SSO sign-in: for each tenant of a user, whether password sign-in is allowed there and
-- whether it has an enabled SSO connection. Read at password sign-in and on every session
-- read, before a tenant is chosen, so it is a narrow definer function like the others.
CREATE FUNCTION auth_list_user_sign_in_policies(p_user_id uuid)
RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, password_login_enabled boolean, sso_enabled boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, t.slug, t.name, t.password_login_enabled,
         EXISTS (SELECT 1 FROM sso_connections s WHERE s.tenant_id = t.id AND s.enabled)
  FROM memberships m JOIN tenants t ON t.id = m.tenant_id
  WHERE m.user_id = p_user_id ORDER BY t.name
$$;

REVOKE ALL ON FUNCTION auth_list_user_sign_in_policies(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_list_user_sign_in_policies(uuid) TO {{app_role}};
