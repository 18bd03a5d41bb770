import type { Metadata } from 'next';
import { PageHeader } from '../_components/page-header';
import { auditAccess } from './_components/access';
import { AuditLog } from './_components/audit-log';
import { ExportCard } from './_components/export-card';
import { SiemCard } from './_components/siem-card';
import { AuditPublicKey } from './_components/public-key';
import { NoAuditAccess } from './_components/no-access';
import { PastExports } from './_components/past-exports';
import { VerifyChain } from './_components/verify-chain';

export const metadata: Metadata = { title: 'Audit' };

export default async function AuditPage() {
  const access = await auditAccess();
  if (!access?.canRead) return <NoAuditAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  return (
    <>
      <PageHeader
        eyebrow={access.tenantName}
        title="Audit"
        description="A tamper-evident record of every sensitive action in this workspace. Each event carries the hash of the one before it, so an edited, removed or reordered event breaks the chain."
      />
      <div className="space-y-8">
        <div className="grid gap-6 lg:grid-cols-2">
          <VerifyChain />
          <AuditPublicKey />
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          {access.canExport ? <ExportCard /> : null}
          <SiemCard canEdit={access.canExport} />
        </div>
        {access.canExport ? <PastExports /> : null}
        <AuditLog canReadTranscripts={access.canReadTranscripts} />
      </div>
    </>
  );
}
