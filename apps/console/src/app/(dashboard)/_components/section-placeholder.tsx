import { EmptyState } from '@vouch/ui';
import type { ReactNode } from 'react';
import { requireSession, activeMembership } from '~/server/auth';
import { hasPermission, type TPermission } from '@vouch/auth';
import { Icon } from './icons';
import { NoSectionAccess } from './no-section-access';
import type { TNavIcon } from './nav-items';
import { PageHeader } from './page-header';

export interface TSectionPlaceholderProps {
  title: string;
  icon: TNavIcon;
  permission: TPermission;
  summary: string;
  emptyTitle: string;
  emptyDescription: ReactNode;
}

/**
 * A section whose feature has not landed yet: says plainly what will live here. The permission
 * check mirrors the sidebar so a typed URL does not show a section the role cannot use.
 */
export async function SectionPlaceholder({ title, icon, permission, summary, emptyTitle, emptyDescription }: TSectionPlaceholderProps) {
  const session = await requireSession();
  const membership = await activeMembership(session);
  const tenantName = membership?.tenantName ?? 'No workspace';
  if (!membership || !hasPermission(membership.roles, permission)) {
    return <NoSectionAccess tenantName={tenantName} title={title} icon={icon} permission={permission} />;
  }
  return (
    <>
      <PageHeader eyebrow={tenantName} title={title} description={summary} />
      <EmptyState icon={<Icon name={icon} className="size-6" />} title={emptyTitle} description={emptyDescription} />
    </>
  );
}
