import type { TPermission } from '@vouch/auth';
import { EmptyState } from '@vouch/ui';
import { Icon } from './icons';
import type { TNavIcon } from './nav-items';
import { PageHeader } from './page-header';

export interface TNoSectionAccessProps {
  tenantName: string;
  /** The section's page title, e.g. "Agents". */
  title: string;
  icon: TNavIcon;
  /** The permission the role lacks, e.g. "agent.read". */
  permission: TPermission;
}

/** Mirrors the sidebar: a typed URL does not show a section the role cannot use. */
export function NoSectionAccess({ tenantName, title, icon, permission }: TNoSectionAccessProps) {
  return (
    <>
      <PageHeader eyebrow={tenantName} title={title} />
      <EmptyState
        icon={<Icon name={icon} className="size-6" />}
        title="You don't have access to this section"
        description={`Your role in ${tenantName} does not include ${permission}. Ask a workspace owner if you need it.`}
      />
    </>
  );
}
