import type { Metadata } from 'next';
import { agentAccess } from '../_components/access';
import { AgentDetail } from '../_components/agent-detail';
import { AGENT_TABS, type TAgentTab } from '../_components/tabs';
import { NoAgentAccess } from '../_components/no-access';

export const metadata: Metadata = { title: 'Agent' };

export default async function AgentPage({ params, searchParams }: { params: Promise<{ agentId: string }>; searchParams: Promise<{ tab?: string | string[] }> }) {
  const access = await agentAccess();
  if (!access?.viewer.canRead) return <NoAgentAccess tenantName={access?.tenantName ?? 'No workspace'} />;
  const { agentId } = await params;
  const requested = (await searchParams).tab;
  const tab = AGENT_TABS.find((t) => t.id === requested)?.id ?? ('configuration' satisfies TAgentTab);
  return <AgentDetail agentId={agentId} tab={tab} viewer={access.viewer} tenantName={access.tenantName} />;
}
