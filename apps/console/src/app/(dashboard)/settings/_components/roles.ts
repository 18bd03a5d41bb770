import type { TPermission, TRole } from '@vouch/auth';

/** What each role is for, in the words the roles dialog and the invitation page use. */
export const ROLE_INFO: Readonly<Record<TRole, { label: string; description: string }>> = {
  owner: { label: 'Owner', description: 'Everything, including billing, owners and audit export.' },
  admin: { label: 'Admin', description: 'Members, security settings, API keys and integrations. No transcripts or audit.' },
  agent_builder: { label: 'Agent builder', description: 'Edits agents and knowledge in staging and requests promotion.' },
  knowledge_reviewer: { label: 'Knowledge reviewer', description: 'Approves the sources agents may cite.' },
  deployer: { label: 'Deployer', description: 'Promotes reviewed agent versions to production.' },
  support_agent: { label: 'Support agent', description: 'Works the handoff inbox and reads transcripts.' },
  auditor: { label: 'Auditor', description: 'Read-only: settings, members, transcripts and the audit trail.' },
};

/** Type-only import above: this list stays in sync through the Record's keys. */
export const ROLE_ORDER = Object.keys(ROLE_INFO) as TRole[];

export function roleLabel(role: string): string {
  return (ROLE_INFO as Record<string, { label: string } | undefined>)[role]?.label ?? role;
}

/** Short explanations for API key scopes. */
export const PERMISSION_INFO: Readonly<Record<TPermission, string>> = {
  'dashboard.read': 'Read workspace overview figures',
  'tenant.settings.read': 'Read workspace settings',
  'tenant.settings.update': 'Change workspace settings',
  'tenant.billing': 'Manage billing',
  'members.read': 'List members and invitations',
  'members.manage': 'Invite, change and remove members',
  'integrations.manage': 'Manage integrations',
  'apikeys.manage': 'Create, rotate and revoke API keys',
  'agent.read': 'Read agents',
  'agent.edit_staging': 'Edit agents in staging',
  'agent.promote_request': 'Request promotion',
  'agent.deploy': 'Deploy agents to production',
  'knowledge.read': 'Read knowledge sources',
  'knowledge.edit': 'Edit knowledge sources',
  'knowledge.approve': 'Approve knowledge sources',
  'inbox.read': 'Read the handoff inbox',
  'handoff.work': 'Work handoffs',
  'transcripts.read': 'Read conversation transcripts',
  'pii.reveal': 'Reveal redacted personal data',
  'audit.read': 'Read the audit trail',
  'audit.export': 'Export the audit trail',
  'privacy.manage': 'Export or erase one customer\'s data (GDPR requests)',
};
