'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, cn, EmptyState, Label, Skeleton, Textarea } from '@vouch/ui';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { PageHeader } from '../../_components/page-header';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TAgentConversation, TAgentMessage } from './api-types';
import { INBOX_POLL_MS, reasonOf } from './labels';

const ROLE_LABEL: Record<string, string> = {
  customer: 'Customer',
  assistant: 'Assistant',
  human_agent: 'Support',
  internal_note: 'Internal note',
  system: 'System',
};

const FILTER_LABEL: Record<string, string> = {
  secret_redacted: 'a secret was redacted',
  pii_redacted: 'personal data was redacted',
  link_removed: 'a link was removed',
  blocked_canary: 'the text was blocked',
};

export function ConversationView({ conversationId, userId, canWork, tenantName }: { conversationId: string; userId: string; canWork: boolean; tenantName: string }) {
  const trpc = useTRPC();
  // The customer may write while the agent reads: refreshed by polling (SSE is a follow-up).
  const conversation = useQuery({ ...trpc.inbox.conversation.queryOptions({ conversationId }), refetchInterval: INBOX_POLL_MS });
  const data = conversation.data;
  return (
    <>
      <PageHeader
        eyebrow={tenantName}
        title="Conversation"
        description={data ? `With ${data.agentName} (${data.environment}), started ${formatDateTime(data.createdAt)}.` : undefined}
      />
      <p className="mb-4 text-sm">
        <Link href="/inbox" className="font-medium text-indigo-700 hover:underline">
          ← Back to the inbox
        </Link>
      </p>
      {conversation.isPending ? (
        <div role="status" aria-label="Loading conversation" className="space-y-3">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-16 w-full" />
          ))}
        </div>
      ) : conversation.isError ? (
        <QueryError what="The conversation" error={conversation.error} onRetry={() => void conversation.refetch()} />
      ) : data ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Card>
            <CardHeader>
              <CardTitle>Transcript</CardTitle>
              <p className="mt-0.5 text-sm text-slate-500">As stored: personal data the customer typed was redacted before it was saved and stays redacted here.</p>
            </CardHeader>
            <CardBody>
              {data.messages.length === 0 ? (
                <EmptyState icon={<Icon name="inbox" className="size-6" />} title="No messages yet" description="The customer has not written anything." />
              ) : (
                <ol className="space-y-3" aria-label="Messages">
                  {data.messages.map((m) => (
                    <MessageItem key={m.id} message={m} />
                  ))}
                </ol>
              )}
            </CardBody>
          </Card>
          <HandoffPanel conversation={data} userId={userId} canWork={canWork} />
        </div>
      ) : null}
    </>
  );
}

function MessageItem({ message }: { message: TAgentMessage }) {
  const note = message.role === 'internal_note';
  const fromTeam = message.role === 'human_agent' || note;
  return (
    <li
      data-testid="transcript-message"
      data-role={message.role}
      className={cn(
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
      <p className="whitespace-pre-wrap text-slate-900">{message.content}</p>
      {message.trace ? <TraceSummary trace={message.trace} /> : null}
    </li>
  );
}

function TraceSummary({ trace }: { trace: NonNullable<TAgentMessage['trace']> }) {
  const outputs = Object.entries(trace.guard.outputActions);
  return (
    <details className="mt-2 rounded-md bg-white px-3 py-2 text-xs text-slate-600 ring-1 ring-slate-200" data-testid="trace-summary">
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

function HandoffPanel({ conversation, userId, canWork }: { conversation: TAgentConversation; userId: string; canWork: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const handoff = conversation.handoff;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.conversation.queryKey({ conversationId: conversation.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
  };
  const onError = (e: unknown) => setError(errorMessage(e));
  const claim = useMutation(trpc.inbox.claim.mutationOptions({ onSuccess: refresh, onError }));
  const resolve = useMutation(trpc.inbox.resolve.mutationOptions({ onSuccess: refresh, onError }));
  const open = handoff && (handoff.status === 'pending' || handoff.status === 'assigned');
  const mine = handoff?.status === 'assigned' && handoff.assignee?.userId === userId;
  const reason = handoff ? reasonOf(handoff.reason) : null;

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>Handoff</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3 text-sm">
          {handoff && reason ? (
            <>
              <div className="flex flex-wrap gap-2">
                <Badge tone={reason.tone}>{reason.label}</Badge>
                <Badge tone={handoff.status === 'resolved' ? 'green' : handoff.status === 'pending' ? 'amber' : 'indigo'} data-testid="handoff-status">
                  {handoff.status === 'pending' ? 'Waiting' : handoff.status === 'assigned' ? 'Assigned' : handoff.status === 'resolved' ? 'Resolved' : 'Back with the AI'}
                </Badge>
              </div>
              <p className="text-slate-600">
                {handoff.assignee ? (
                  <>
                    Assigned to <span className="font-medium text-slate-900">{mine ? 'you' : handoff.assignee.name}</span>
                  </>
                ) : (
                  'No one has claimed it yet.'
                )}
              </p>
              {error ? <Alert tone="error">{error}</Alert> : null}
              {canWork && handoff.status === 'pending' ? (
                <Button onClick={() => (setError(null), claim.mutate({ handoffId: handoff.id }))} disabled={claim.isPending}>
                  {claim.isPending ? 'Claiming…' : 'Claim'}
                </Button>
              ) : null}
              {canWork && open ? (
                <Button variant="secondary" onClick={() => (setError(null), resolve.mutate({ handoffId: handoff.id }))} disabled={resolve.isPending}>
                  {resolve.isPending ? 'Resolving…' : 'Resolve'}
                </Button>
              ) : null}
            </>
          ) : (
            <p className="text-slate-600">This conversation was never handed to a person.</p>
          )}
        </CardBody>
      </Card>
      {canWork && mine ? (
        <Composer
          kind="reply"
          conversationId={conversation.id}
          onPosted={(filtered) => (refresh(), setNotice(filtered.length ? `Sent; ${[...new Set(filtered)].map((k) => FILTER_LABEL[k] ?? k).join(', ')}.` : null))}
        />
      ) : canWork && open ? (
        <Alert tone="info">Claim this conversation to reply to the customer.</Alert>
      ) : null}
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {canWork ? <Composer kind="note" conversationId={conversation.id} onPosted={() => refresh()} /> : null}
    </div>
  );
}

function Composer({ kind, conversationId, onPosted }: { kind: 'reply' | 'note'; conversationId: string; onPosted: (filtered: string[]) => void }) {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: (posted: { filtered: string[] }) => {
      setText('');
      onPosted(posted.filtered);
    },
    onError: (e: unknown) => setError(errorMessage(e)),
  };
  const reply = useMutation(trpc.inbox.reply.mutationOptions(options));
  const note = useMutation(trpc.inbox.note.mutationOptions(options));
  const mutation = kind === 'reply' ? reply : note;
  const id = `${kind}-text`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    mutation.mutate({ conversationId, text });
  };
  return (
    <Card>
      <form onSubmit={submit}>
        <CardBody className="space-y-2">
          <Label htmlFor={id}>{kind === 'reply' ? 'Reply to the customer' : 'Internal note'}</Label>
          <p className="text-xs text-slate-500">
            {kind === 'reply' ? 'Secrets and personal data the customer did not give are filtered out before sending.' : 'Only your team sees notes; the customer never does.'}
          </p>
          <Textarea id={id} rows={kind === 'reply' ? 4 : 2} value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} />
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Button type="submit" variant={kind === 'reply' ? 'primary' : 'secondary'} disabled={mutation.isPending || text.trim().length === 0}>
            {mutation.isPending ? 'Sending…' : kind === 'reply' ? 'Send reply' : 'Add note'}
          </Button>
        </CardBody>
      </form>
    </Card>
  );
}
