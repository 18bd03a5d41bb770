import { Badge } from '@vouch/ui';
import type { TPlaygroundReply } from './api-types';

type TTrace = TPlaygroundReply['trace'];

/** The decisions behind one reply: what the guard saw, what was retrieved, why it answered or handed off. */
export function TraceView({ trace }: { trace: TTrace }) {
  const grounding = trace.grounding as { grounded?: boolean; reason?: string; bestScore?: number } | null;
  const rows: [string, string][] = [
    ['Outcome', trace.outcome.replace('_', ' ') + (trace.handoffReason ? ` (${trace.handoffReason.replaceAll('_', ' ')}${trace.handoffTopic ? `: ${trace.handoffTopic}` : ''})` : '')],
    ['Decided before retrieval', trace.decidedBeforeRetrieval ? 'yes' : 'no'],
    ['Injection score', `${trace.injection.score.toFixed(2)}${trace.injection.flagged ? ' — flagged' : ''}${trace.injection.families.length ? ` (${trace.injection.families.join(', ')})` : ''}`],
    ['Redacted', Object.entries(trace.redactionCounts).map(([type, n]) => `${type} ×${n}`).join(', ') || 'nothing'],
    ['Retrieved passages', String(trace.retrieved.length)],
    ['Grounding', grounding ? `${grounding.grounded ? 'grounded' : 'not grounded'}${grounding.reason ? ` (${grounding.reason})` : ''}` : '—'],
    ['Provider', trace.provider],
    ['Tokens', `${trace.tokens.input} in / ${trace.tokens.output} out`],
    ['Latency', `${trace.latencyMs} ms`],
  ];
  const dropped = trace.verification?.dropped?.length ?? 0;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-800">{value}</dd>
        </div>
      ))}
      {dropped > 0 ? (
        <div className="contents">
          <dt className="text-slate-500">Verification</dt>
          <dd>
            <Badge tone="amber">{dropped} unsupported sentence(s) dropped</Badge>
          </dd>
        </div>
      ) : null}
      {trace.output?.canaryLeaked ? (
        <div className="contents">
          <dt className="text-slate-500">Output filter</dt>
          <dd>
            <Badge tone="red">system-prompt canary blocked</Badge>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
