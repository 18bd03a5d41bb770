import type { Metadata } from 'next';
import { PageHeader } from '../_components/page-header';
import { knowledgeAccess, viewerOf } from './_components/access';
import { CrawlJobs } from './_components/crawl-jobs';
import { IndexSettingsCard } from './_components/index-settings-card';
import { KnowledgeList, type TKnowledgeView } from './_components/knowledge-list';
import { KnowledgeSearch } from './_components/knowledge-search';
import { NoKnowledgeAccess } from './_components/no-access';

export const metadata: Metadata = { title: 'Knowledge' };

const VIEWS: readonly TKnowledgeView[] = ['all', 'review', 'failed'];

export default async function KnowledgePage({ searchParams }: { searchParams: Promise<{ view?: string | string[] }> }) {
  const access = await knowledgeAccess();
  if (!access?.canRead) return <NoKnowledgeAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  const requested = (await searchParams).view;
  const view = VIEWS.find((v) => v === requested) ?? 'all';
  return (
    <>
      <PageHeader
        eyebrow={access.tenantName}
        title="Knowledge"
        description="The sources your agents may cite. Uploads are redacted and checked by the guard, and nothing is used in an answer until a reviewer other than the uploader approves it."
      />
      <div className="space-y-8">
        <KnowledgeList viewer={viewerOf(access)} view={view} />
        <CrawlJobs viewer={viewerOf(access)} />
        <KnowledgeSearch />
        <IndexSettingsCard viewer={viewerOf(access)} />
      </div>
    </>
  );
}
