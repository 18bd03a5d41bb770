/**
 * Who may do what. One table, read by the tRPC `can()` middleware and the console navigation;
 * configuration access is deliberately never data access (admin and agent_builder cannot read
 * transcripts), and pii.reveal is held only where named.
 */
export const PERMISSIONS = [
  'dashboard.read',
  'tenant.settings.read',
  'tenant.settings.update',
  'tenant.billing',
  'members.read',
  'members.manage',
  'integrations.manage',
  'apikeys.manage',
  'agent.read',
  'agent.edit_staging',
  'agent.promote_request',
  'agent.deploy',
  'knowledge.read',
  'knowledge.edit',
  'knowledge.approve',
  'inbox.read',
  'handoff.work',
  'transcripts.read',
  'pii.reveal',
  'audit.read',
  'audit.export',
  /** Data-subject requests (GDPR 15/17): export or erase everything about one end customer. Owner only. */
  'privacy.manage',
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'owner',
  'admin',
  'agent_builder',
  'knowledge_reviewer',
  'deployer',
  'support_agent',
  'auditor',
] as const;

export type TRole = (typeof ROLES)[number];

export const ROLE_PERMISSIONS: Readonly<Record<TRole, readonly TPermission[]>> = {
  owner: PERMISSIONS,
  admin: [
    'dashboard.read',
    'tenant.settings.read',
    'tenant.settings.update',
    'members.read',
    'members.manage',
    'integrations.manage',
    'apikeys.manage',
    'agent.read',
    'knowledge.read',
  ],
  agent_builder: [
    'dashboard.read',
    'agent.read',
    'agent.edit_staging',
    'agent.promote_request',
    'knowledge.read',
    'knowledge.edit',
  ],
  knowledge_reviewer: ['dashboard.read', 'knowledge.read', 'knowledge.approve'],
  deployer: ['dashboard.read', 'agent.read', 'agent.deploy'],
  support_agent: ['dashboard.read', 'inbox.read', 'handoff.work', 'transcripts.read'],
  auditor: [
    'dashboard.read',
    'tenant.settings.read',
    'members.read',
    'agent.read',
    'knowledge.read',
    'transcripts.read',
    'audit.read',
    'audit.export',
  ],
};

export function permissionsOf(roles: readonly TRole[]): Set<TPermission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function hasPermission(roles: readonly TRole[], permission: TPermission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is TPermission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
