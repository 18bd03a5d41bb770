import { EmptyState } from '@vouch/ui';
import type { Metadata } from 'next';
import { PageHeader } from '../_components/page-header';
import { complianceAccess } from './_components/access';
import { DataSubjectPanel } from './_components/data-subject-panel';
import { RetentionCard } from './_components/retention-card';

export const metadata: Metadata = { title: 'Compliance' };

export default async function CompliancePage() {
  const access = await complianceAccess();
  const header = (
    <PageHeader
      eyebrow={access?.tenantName ?? 'No workspace'}
      title="Compliance"
      description="How long this workspace keeps customer data, and requests from customers to see or erase what is stored about them."
    />
  );
  if (!access || (!access.canReadSettings && !access.canManagePrivacy)) {
    return (
      <>
        {header}
        <EmptyState title="No access" description="Your roles in this workspace do not include retention settings or data-subject requests." />
      </>
    );
  }
  return (
    <>
      {header}
      <div className="space-y-8">
        {access.canReadSettings ? <RetentionCard canEdit={access.canUpdateSettings} /> : null}
        {access.canManagePrivacy ? <DataSubjectPanel /> : null}
      </div>
    </>
  );
}
