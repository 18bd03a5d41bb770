import type { Metadata } from 'next';
import { knowledgeAccess, viewerOf } from '../_components/access';
import { NoKnowledgeAccess } from '../_components/no-access';
import { SourceDetail } from '../_components/source-detail';

export const metadata: Metadata = { title: 'Source · Knowledge' };

export default async function KnowledgeSourcePage({ params }: { params: Promise<{ sourceId: string }> }) {
  const access = await knowledgeAccess();
  if (!access?.canRead) return <NoKnowledgeAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  const { sourceId } = await params;
  return <SourceDetail sourceId={sourceId} viewer={viewerOf(access)} tenantName={access.tenantName} />;
}
