import type { TBadgeTone } from '@vouch/ui';

export type TInboxView = 'new' | 'mine' | 'open' | 'resolved';

export const VIEWS: { id: TInboxView; label: string; href: string }[] = [
  { id: 'new', label: 'New', href: '/inbox' },
  { id: 'mine', label: 'Mine', href: '/inbox?view=mine' },
  { id: 'open', label: 'All open', href: '/inbox?view=open' },
  { id: 'resolved', label: 'Resolved', href: '/inbox?view=resolved' },
];

export const REASON: Record<string, { label: string; tone: TBadgeTone }> = {
  customer_request: { label: 'Asked for a person', tone: 'indigo' },
  low_grounding: { label: 'No approved answer', tone: 'amber' },
  always_human_topic: { label: 'Always-human topic', tone: 'indigo' },
  repeated_failure: { label: 'Repeated failure', tone: 'amber' },
  injection_attempt: { label: 'Injection attempt', tone: 'red' },
  tool_approval: { label: 'Tool approval', tone: 'neutral' },
};

export const reasonOf = (reason: string) => REASON[reason] ?? { label: reason, tone: 'neutral' as const };

/** Polling until the server can push (SSE is a follow-up): the list and an open conversation refresh every 2 s. */
export const INBOX_POLL_MS = 2000;

/** SLA colour for a customer still waiting: amber after 2 minutes, red after 5. */
export function slaTone(waitingSeconds: number, waiting: boolean): TBadgeTone {
  if (!waiting) return 'neutral';
  if (waitingSeconds > 300) return 'red';
  if (waitingSeconds > 120) return 'amber';
  return 'green';
}

export function formatWaiting(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}
