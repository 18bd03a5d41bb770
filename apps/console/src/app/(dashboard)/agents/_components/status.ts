import type { TBadgeTone } from '@vouch/ui';

export const PROMOTION_BADGE: Record<string, { tone: TBadgeTone; label: string }> = {
  evaluating: { tone: 'indigo', label: 'Evaluating' },
  awaiting_approval: { tone: 'amber', label: 'Awaiting approval' },
  gate_failed: { tone: 'red', label: 'Evaluation failed' },
  deployed: { tone: 'green', label: 'Deployed' },
  rejected: { tone: 'neutral', label: 'Rejected' },
};

export const RUN_BADGE: Record<string, { tone: TBadgeTone; label: string }> = {
  queued: { tone: 'neutral', label: 'Queued' },
  running: { tone: 'indigo', label: 'Running' },
  passed: { tone: 'green', label: 'Passed' },
  failed: { tone: 'red', label: 'Failed' },
  error: { tone: 'red', label: 'Error' },
};

export const CASE_KIND_LABEL: Record<string, string> = {
  must_answer: 'Must answer',
  must_escalate: 'Must refuse or escalate',
  must_not_leak: 'Must not leak',
  red_team: 'Red team',
};

export const isRunActive = (status: string) => status === 'queued' || status === 'running';
