import type { TBadgeTone } from '@vouch/ui';
import type { TSource, TVersion } from './api-types';

/**
 * One label per moment in a version's life, joining the review status (draft → pending_review /
 * quarantined → approved / rejected) with ingestion (queued → processing → indexed / failed).
 */
export type TVersionPhase = 'queued' | 'processing' | 'failed' | 'pending_review' | 'quarantined' | 'approved' | 'rejected' | 'draft';

export function phaseOf(version: Pick<TVersion, 'status' | 'ingestStatus'>): TVersionPhase {
  if (version.ingestStatus === 'failed') return 'failed';
  if (version.ingestStatus === 'queued') return 'queued';
  if (version.ingestStatus === 'processing') return 'processing';
  switch (version.status) {
    case 'pending_review':
    case 'quarantined':
    case 'approved':
    case 'rejected':
      return version.status;
    default:
      return 'draft';
  }
}

export const PHASE_BADGE: Record<TVersionPhase, { tone: TBadgeTone; label: string }> = {
  queued: { tone: 'neutral', label: 'Queued' },
  processing: { tone: 'indigo', label: 'Processing' },
  failed: { tone: 'red', label: 'Failed' },
  pending_review: { tone: 'amber', label: 'Ready for review' },
  quarantined: { tone: 'red', label: 'Quarantined' },
  approved: { tone: 'green', label: 'Approved' },
  rejected: { tone: 'neutral', label: 'Rejected' },
  draft: { tone: 'neutral', label: 'Draft' },
};

/** The source's own status (what agents may use), which lags a new version under review. */
export const SOURCE_BADGE: Record<string, { tone: TBadgeTone; label: string }> = {
  draft: { tone: 'neutral', label: 'Draft' },
  pending_review: { tone: 'amber', label: 'Awaiting review' },
  quarantined: { tone: 'red', label: 'Quarantined' },
  approved: { tone: 'green', label: 'Serving' },
  rejected: { tone: 'neutral', label: 'Rejected' },
};

export function isInFlight(version: Pick<TVersion, 'ingestStatus'> | null | undefined): boolean {
  return version?.ingestStatus === 'queued' || version?.ingestStatus === 'processing';
}

export function needsReview(version: Pick<TVersion, 'status' | 'ingestStatus'> | null | undefined): boolean {
  return version?.ingestStatus === 'indexed' && (version.status === 'pending_review' || version.status === 'quarantined');
}

/** While anything is being ingested the page polls once a second; otherwise it stays quiet. */
export function pollWhileIngesting(sources: readonly Pick<TSource, 'latest'>[] | undefined): number | false {
  return sources?.some((s) => isInFlight(s.latest)) ? 1000 : false;
}

export const SOURCE_TYPE_LABEL: Record<string, string> = { file: 'File', faq: 'FAQ', article: 'Article', website: 'Website' };

/** "CREDIT_CARD" → "Credit card". */
export function entityLabel(type: string): string {
  const words = type.toLowerCase().split('_');
  const upper = new Set(['us', 'ssn', 'ip', 'iban']);
  return words.map((w, i) => (upper.has(w) ? w.toUpperCase() : i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
}
