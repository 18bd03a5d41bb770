import type { Metadata } from 'next';
import { PageHeader } from '../_components/page-header';
import { agentAccess } from './_components/access';
import { AgentList } from './_components/agent-list';
import { NoAgentAccess } from './_components/no-access';

export const metadata: Metadata = { title: 'Agents' };

export default async function AgentsPage() {
  const access = await agentAccess();
  if (!access?.viewer.canRead) return <NoAgentAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  return (
    <>
      <PageHeader
        eyebrow={access.tenantName}
        title="Agents"
        description="Each agent has a staging and a production version. Edits go to staging; production changes only when a second person approves a promotion that passed its evaluation."
      />
      <AgentList />
    </>
  );
}
