import { describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES } from './permissions';

describe('roles → permissions', () => {
  it('gives the owner every permission', () => {
    expect([...permissionsOf(['owner'])].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('keeps configuration access apart from data access', () => {
    expect(hasPermission(['admin'], 'transcripts.read')).toBe(false);
    expect(hasPermission(['agent_builder'], 'transcripts.read')).toBe(false);
    expect(hasPermission(['agent_builder'], 'agent.deploy')).toBe(false);
    expect(hasPermission(['support_agent'], 'agent.edit_staging')).toBe(false);
    expect(hasPermission(['support_agent'], 'audit.export')).toBe(false);
  });

  it('holds pii.reveal only where the table names it', () => {
    const holders = ROLES.filter((role) => hasPermission([role], 'pii.reveal'));
    expect(holders).toEqual(['owner']);
    expect(hasPermission(['auditor'], 'pii.reveal')).toBe(false);
  });

  it('holds privacy.manage (data-subject export and erasure) only where the table names it', () => {
    expect(ROLES.filter((role) => hasPermission([role], 'privacy.manage'))).toEqual(['owner']);
  });

  it('unions the permissions of several roles', () => {
    expect(hasPermission(['support_agent', 'auditor'], 'audit.export')).toBe(true);
    expect(hasPermission(['support_agent', 'auditor'], 'agent.deploy')).toBe(false);
  });

  it('names only known permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});
