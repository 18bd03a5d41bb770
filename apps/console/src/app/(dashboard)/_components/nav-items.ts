import type { TPermission } from '@vouch/auth';

export type TNavIcon = 'dashboard' | 'agents' | 'knowledge' | 'inbox' | 'conversations' | 'audit' | 'settings' | 'account';

export interface TNavItem {
  href: string;
  label: string;
  icon: TNavIcon;
  /** Hidden from the sidebar when the user's roles in the active tenant lack it. */
  permission: TPermission;
}

export const NAV_ITEMS: readonly TNavItem[] = [
  { href: '/', label: 'Dashboard', icon: 'dashboard', permission: 'dashboard.read' },
  { href: '/agents', label: 'Agents', icon: 'agents', permission: 'agent.read' },
  { href: '/knowledge', label: 'Knowledge', icon: 'knowledge', permission: 'knowledge.read' },
  { href: '/inbox', label: 'Inbox', icon: 'inbox', permission: 'inbox.read' },
  { href: '/conversations', label: 'Conversations', icon: 'conversations', permission: 'transcripts.read' },
  { href: '/audit', label: 'Audit', icon: 'audit', permission: 'audit.read' },
  { href: '/compliance', label: 'Compliance', icon: 'audit', permission: 'tenant.settings.read' },
  { href: '/settings', label: 'Settings', icon: 'settings', permission: 'tenant.settings.read' },
  // Every role holds dashboard.read: the account page is about the user, not the tenant.
  { href: '/account', label: 'Account', icon: 'account', permission: 'dashboard.read' },
];
