import type { Metadata } from 'next';
import { SectionPlaceholder } from '../_components/section-placeholder';

export const metadata: Metadata = { title: 'Agents' };

export default function AgentsPage() {
  return (
    <SectionPlaceholder
      title="Agents"
      icon="agents"
      permission="agent.read"
      summary="Configure and promote AI agents: persona, allowed sources, guardrails and the widget they answer in."
      emptyTitle="Agent management is not built yet"
      emptyDescription="Agents: configure and promote AI agents — coming with agent lifecycle. Each change is staged, reviewed and promoted, never edited live."
    />
  );
}
