import type { Metadata } from 'next';
import { ChatPanel } from './chat-panel';

export const metadata: Metadata = { title: 'Chat', robots: { index: false, follow: false } };

const AGENT_KEY = /^pk_[A-Za-z0-9_]{1,80}$/;

export default async function EmbedPage({ searchParams }: { searchParams: Promise<{ agent?: string | string[] }> }) {
  const { agent } = await searchParams;
  const key = typeof agent === 'string' && AGENT_KEY.test(agent) ? agent : null;
  return <ChatPanel agentKey={key} />;
}
