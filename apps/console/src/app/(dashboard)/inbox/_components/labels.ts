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

/** How often pages poll while the live feed (SSE) is down; while it is up they are pushed. */
export const INBOX_POLL_MS = 2000;

export interface TSlaThresholds {
  slaWarnSeconds: number;
  slaBreachSeconds: number;
}

/** Until the tenant's own arrive: amber after 2 minutes, red after 5 (core DEFAULT_SLA). */
export const DEFAULT_SLA: TSlaThresholds = { slaWarnSeconds: 120, slaBreachSeconds: 300 };

/** SLA colour for a customer still waiting for a person's first reply: green, then amber, then red. */
export function slaTone(waitingSeconds: number, waiting: boolean, sla: TSlaThresholds = DEFAULT_SLA): TBadgeTone {
  if (!waiting) return 'neutral';
  if (waitingSeconds >= sla.slaBreachSeconds) return 'red';
  if (waitingSeconds >= sla.slaWarnSeconds) return 'amber';
  return 'green';
}

export function formatWaiting(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}
