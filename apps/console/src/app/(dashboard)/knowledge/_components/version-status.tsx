import { Badge, ProgressBar } from '@vouch/ui';
import type { TVersion } from './api-types';
import { isInFlight, PHASE_BADGE, phaseOf } from './status';

/** A version's phase as a badge, with a live progress bar while it is being ingested. */
export function VersionStatus({ version, label }: { version: TVersion; label: string }) {
  const phase = phaseOf(version);
  const badge = PHASE_BADGE[phase];
  return (
    <div className={isInFlight(version) ? 'min-w-36 space-y-1.5' : undefined}>
      <div className="flex items-center gap-2">
        <Badge tone={badge.tone}>{badge.label}</Badge>
        {isInFlight(version) ? <span className="text-xs text-slate-500 tabular-nums">{version.ingestProgress}%</span> : null}
      </div>
      {isInFlight(version) ? (
        <ProgressBar value={version.ingestProgress} label={`Ingesting ${label}`} valueText={`${badge.label}, ${version.ingestProgress}%`} />
      ) : null}
    </div>
  );
}

/** "Credit card ×1, Person ×2", or null when nothing was removed. */
export function RedactionList({ summary }: { summary: Record<string, number> }) {
  const entries = Object.entries(summary).filter(([, count]) => count > 0);
  if (entries.length === 0) return <span className="text-slate-500">Nothing removed</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Removed by redaction">
      {entries.map(([type, count]) => (
        <li key={type}>
          <Badge tone="amber" className="font-mono">
            {type} ×{count}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
