'use client';

import { useMutation } from '@tanstack/react-query';
import { Badge, cn } from '@vouch/ui';
import { useState, type ReactNode } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime } from '../../settings/_components/format';
import type { TAgentMessage } from './api-types';
import { reasonOf } from './labels';

const ROLE_LABEL: Record<string, string> = {
  customer: 'Customer',
  assistant: 'Assistant',
  human_agent: 'Support',
  internal_note: 'Internal note',
  system: 'System',
};

const PLACEHOLDER = /(\[[A-Z][A-Z0-9_]{1,40}\])/g;

/**
 * Shows a placeholder; for a member with pii.reveal, a vaulted one is a button that reveals its
 * original value once (an audited call). Everyone else sees the placeholder only.
 */
export function PlaceholderValue({ conversationId, placeholder, canReveal }: { conversationId: string; placeholder: string; canReveal: boolean }) {
  const trpc = useTRPC();
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reveal = useMutation(
    trpc.inbox.reveal.mutationOptions({
      onSuccess: (revealed) => setValue(revealed.value),
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  if (value !== null) {
    return (
      <mark className="rounded bg-amber-100 px-1 text-slate-900" title={`${placeholder}, revealed (audited)`} data-testid="revealed-value">
        {value}
      </mark>
    );
  }
  if (!canReveal) return <span className="font-mono text-slate-600">{placeholder}</span>;
  return (
    <button
      type="button"
      className="rounded bg-slate-100 px-1 font-mono text-indigo-700 underline decoration-dotted hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
      title={error ?? 'Reveal the original value (recorded in the audit log)'}
      aria-label={`Reveal ${placeholder}`}
      disabled={reveal.isPending}
      onClick={() => (setError(null), reveal.mutate({ conversationId, placeholder }))}
    >
      {placeholder}
      {error ? <span className="ml-1 text-red-700">({error})</span> : null}
    </button>
  );
}

function withPlaceholders(text: string, conversationId: string, vaulted: Set<string>, canReveal: boolean): ReactNode[] {
  return text.split(PLACEHOLDER).map((part, i) =>
    i % 2 === 1 && vaulted.has(part) ? <PlaceholderValue key={i} conversationId={conversationId} placeholder={part} canReveal={canReveal} /> : part,
  );
}

export function MessageItem({
  message,
  conversationId,
  vaulted,
  canReveal,
  focused = false,
}: {
  message: TAgentMessage;
  conversationId: string;
  vaulted: Set<string>;
  canReveal: boolean;
  /** Opened by a deep link (`?message=<id>`, e.g. from the audit log): highlighted, trace open. */
  focused?: boolean;
}) {
  const note = message.role === 'internal_note';
  const fromTeam = message.role === 'human_agent' || note;
  return (
    <li
      id={`message-${message.id}`}
      data-testid="transcript-message"
      data-role={message.role}
      data-focused={focused ? 'true' : undefined}
      tabIndex={focused ? -1 : undefined}
      className={cn(
        focused && 'outline-2 outline-offset-2 outline-indigo-500',
        'rounded-lg px-4 py-3 text-sm ring-1 ring-inset',
        message.role === 'customer' && 'bg-white ring-slate-200',
        message.role === 'assistant' && 'bg-slate-50 ring-slate-200',
        message.role === 'human_agent' && 'bg-indigo-50 ring-indigo-200',
        note && 'border-l-4 border-amber-400 bg-amber-50 ring-amber-200',
      )}
    >
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-700">{ROLE_LABEL[message.role] ?? message.role}</span>
        {fromTeam && message.author ? <span>{message.author}</span> : null}
        {note ? <Badge tone="amber">Not shown to the customer</Badge> : null}
        {message.flags.includes('injection_suspected') ? <Badge tone="red">Injection suspected</Badge> : null}
        <time className="ml-auto tabular-nums" dateTime={new Date(message.createdAt).toISOString()}>
          {formatDateTime(message.createdAt)}
        </time>
      </div>
      <p className="whitespace-pre-wrap text-slate-900">{message.role === 'customer' ? withPlaceholders(message.content, conversationId, vaulted, canReveal) : message.content}</p>
      {message.trace ? <TraceSummary trace={message.trace} open={focused} /> : null}
    </li>
  );
}

export function TraceSummary({ trace, open = false }: { trace: NonNullable<TAgentMessage['trace']>; open?: boolean }) {
  const outputs = Object.entries(trace.guard.outputActions);
  return (
    <details id={`trace-${trace.id}`} open={open || undefined} className="mt-2 rounded-md bg-white px-3 py-2 text-xs text-slate-600 ring-1 ring-slate-200" data-testid="trace-summary" data-trace-id={trace.id}>
      <summary className="cursor-pointer font-medium text-slate-700">
        AI trace: {trace.outcome.replace(/_/g, ' ')}
        {trace.handoffReason ? ` · ${reasonOf(trace.handoffReason).label}` : ''} · {trace.sources.length} source{trace.sources.length === 1 ? '' : 's'}
      </summary>
      <dl className="mt-2 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Sources used</dt>
        <dd>{trace.sources.length ? trace.sources.map((s) => `${s.title}${s.version ? ` (v${s.version})` : ''}`).join(', ') : 'None'}</dd>
        <dt className="text-slate-500">Retrieved</dt>
        <dd>
          {trace.retrievedCount} passage{trace.retrievedCount === 1 ? '' : 's'}
          {trace.topScore !== null ? `, best score ${trace.topScore.toFixed(2)}` : ''}
          {trace.guard.decidedBeforeRetrieval ? ' (decided before retrieval)' : ''}
        </dd>
        <dt className="text-slate-500">Injection guard</dt>
        <dd>
          {trace.guard.injectionFlagged ? 'Flagged' : 'Passed'}
          {trace.guard.injectionScore !== null ? ` (score ${trace.guard.injectionScore.toFixed(2)})` : ''}
          {trace.guard.injectionFamilies.length ? `: ${trace.guard.injectionFamilies.join(', ')}` : ''}
        </dd>
        <dt className="text-slate-500">Output filter</dt>
        <dd>{trace.guard.canaryLeaked ? 'Canary leak blocked' : outputs.length ? outputs.map(([k, n]) => `${k.replace(/_/g, ' ')} ×${n}`).join(', ') : 'Nothing changed'}</dd>
        <dt className="text-slate-500">Verification</dt>
        <dd>{trace.verification.kept === null && trace.verification.dropped === null ? '—' : `${trace.verification.kept ?? 0} kept, ${trace.verification.dropped ?? 0} dropped`}</dd>
        <dt className="text-slate-500">Provider</dt>
        <dd>
          {trace.provider} · {trace.latencyMs} ms
        </dd>
      </dl>
    </details>
  );
}
