-- Account security: the session needs, for every tenant a user belongs to, the roles held
-- there and whether that tenant requires MFA, before any tenant is selected (a user holding
-- configuration roles in an MFA-requiring tenant may do nothing but enrol). One narrow
-- definer function answers that instead of opening tenants and memberships.
CREATE FUNCTION auth_list_user_tenant_policies(p_user_id uuid)
RETURNS TABLE (tenant_id uuid, tenant_name text, roles membership_role[], mfa_required boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.id, t.name, m.roles, t.mfa_required FROM memberships m JOIN tenants t ON t.id = m.tenant_id
  WHERE m.user_id = p_user_id ORDER BY t.name
$$;

REVOKE ALL ON FUNCTION auth_list_user_tenant_policies(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_list_user_tenant_policies(uuid) TO {{app_role}};
