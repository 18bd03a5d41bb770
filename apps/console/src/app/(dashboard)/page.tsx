import { TRPCError } from '@trpc/server';
import { EmptyState, StatCard } from '@vouch/ui';
import type { Metadata } from 'next';
import { serverApi } from '~/trpc/server';
import { Icon } from './_components/icons';
import { PageHeader } from './_components/page-header';
import { SystemStatus } from './_components/system-status';

export const metadata: Metadata = { title: 'Dashboard' };

async function loadOverview() {
  try {
    const api = await serverApi();
    return { ok: true as const, overview: await api.tenant.overview() };
  } catch (error) {
    const message =
      error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR'
        ? error.message
        : 'The overview could not be loaded. Please try again in a moment.';
    return { ok: false as const, message };
  }
}

export default async function DashboardPage() {
  const result = await loadOverview();
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <EmptyState icon={<Icon name="dashboard" className="size-6" />} title="Overview unavailable" description={result.message} />
      </>
    );
  }
  const { tenant, counts } = result.overview;
  const stats = [
    { label: 'Agents', value: counts.agents, hint: 'Configured' },
    { label: 'Sources', value: counts.knowledgeSources, hint: 'Knowledge agents may cite' },
    { label: 'Conversations', value: counts.conversations, hint: 'Chats so far' },
    { label: 'Open handoffs', value: counts.openHandoffs, hint: 'Awaiting a person' },
    { label: 'Members', value: counts.members, hint: 'With access here' },
  ];
  const nothingYet = counts.agents === 0 && counts.knowledgeSources === 0 && counts.conversations === 0;

  return (
    <>
      <PageHeader eyebrow="Dashboard" title={tenant.name} description="An overview of this workspace. Every figure is counted inside the workspace only." />
      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading" className="sr-only">
          Overview
        </h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
          {stats.map((stat) => (
            <StatCard key={stat.label} label={stat.label} value={stat.value} hint={stat.hint} />
          ))}
        </div>
      </section>

      {nothingYet ? (
        <EmptyState
          className="mt-8"
          icon={<Icon name="agents" className="size-6" />}
          title="Nothing to show yet"
          description="This workspace has no agents, knowledge sources or conversations. Once an agent answers customers from approved sources, activity will appear here."
        />
      ) : (
        <EmptyState
          className="mt-8"
          icon={<Icon name="conversations" className="size-6" />}
          title="Activity charts are not built yet"
          description="Answer quality, citation coverage and handoff trends will appear here once conversations are recorded. The figures above are live."
        />
      )}

      <SystemStatus />
    </>
  );
}
