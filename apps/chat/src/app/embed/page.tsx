import type { Metadata } from 'next';
import { decideEmbed } from '~/server/embed-policy';
import { ChatPanel } from './chat-panel';

export const metadata: Metadata = { title: 'Chat', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

const REFUSALS = {
  invalid_key: 'This chat was opened without a valid agent key, so it cannot be linked to a company.',
  unknown_key: 'This chat is not set up correctly: its agent key is unknown. The site owner needs to check the widget snippet.',
} as const;

/**
 * The panel inside the loader's iframe. The same decision as src/proxy.ts (which sets this
 * response's frame-ancestors) picks between a working chat and a plain refusal.
 */
export default async function EmbedPage({ searchParams }: { searchParams: Promise<{ agent?: string | string[]; host?: string | string[] }> }) {
  const { agent, host } = await searchParams;
  const key = typeof agent === 'string' ? agent : null;
  const hostParam = typeof host === 'string' ? host : null;
  const decision = await decideEmbed(key, hostParam);
  const refusal = decision.allowed
    ? null
    : decision.reason === 'origin'
      ? `This chat is not enabled on ${decision.host ?? 'this site'}. The site owner can add it to the agent\u2019s allowed origins.`
      : REFUSALS[decision.reason];
  return <ChatPanel agentKey={decision.allowed ? key : null} host={decision.allowed ? hostParam : null} refusal={refusal} />;
}
