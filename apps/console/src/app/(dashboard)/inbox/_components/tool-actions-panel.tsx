'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Label, Skeleton, Textarea } from '@vouch/ui';
import { useEffect, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TToolActionItem } from './api-types';

const STATUS: Record<string, { label: string; tone: 'amber' | 'green' | 'red' | 'neutral' }> = {
  pending: { label: 'Waiting for approval', tone: 'amber' },
  executed: { label: 'Approved and done', tone: 'green' },
  failed: { label: 'Approved, could not be done', tone: 'red' },
  rejected: { label: 'Rejected', tone: 'neutral' },
};

/**
 * The tool actions the AI asked for in this conversation. A pending write action waits for a
 * person: the member who owns the conversation approves (the tool runs, the customer is told) or
 * rejects it with a reason (kept for the audit, never shown to the customer).
 */
export function ToolActionsPanel({ conversationId, messageCount, canDecide }: { conversationId: string; messageCount: number; canDecide: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const actions = useQuery(trpc.inbox.toolActions.queryOptions({ conversationId }));
  // A new request always arrives with the AI's reply, so a new message is the cue to look again.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.toolActions.queryKey({ conversationId }) });
  }, [messageCount, conversationId, queryClient, trpc]);

  if (actions.isPending) return <Skeleton className="h-24 w-full" />;
  if (actions.isError) return <QueryError what="The tool actions" error={actions.error} onRetry={() => void actions.refetch()} />;
  if (actions.data.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Tool actions</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">What the AI asked to do for this customer. Inputs are shown as stored (redacted).</p>
      </CardHeader>
      <CardBody>
        <ul className="space-y-4" aria-label="Tool actions">
          {actions.data.map((action) => (
            <ToolActionItem key={action.id} action={action} canDecide={canDecide} />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

function ToolActionItem({ action, canDecide }: { action: TToolActionItem; canDecide: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation(
    trpc.inbox.decideToolAction.mutationOptions({
      onSuccess: () => {
        setRejecting(false);
        setComment('');
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const status = STATUS[action.status] ?? { label: action.status, tone: 'neutral' as const };
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm" data-testid="tool-action">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{action.label}</span>
        <code className="rounded bg-slate-100 px-1 text-xs text-slate-600">{action.action}</code>
        <Badge tone={action.access === 'write' ? 'amber' : 'neutral'}>{action.access}</Badge>
        <Badge tone={status.tone} data-testid="tool-action-status">
          {status.label}
        </Badge>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-600">
        {Object.entries(action.input).map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-500">{key}</dt>
            <dd className="font-mono text-slate-900">{String(value)}</dd>
          </div>
        ))}
        <dt className="text-slate-500">Requested</dt>
        <dd>
          {action.requestedBy === 'ai' ? 'by the AI' : `by ${action.requestedBy.name}`}, {formatDateTime(action.createdAt)}
        </dd>
        {action.decidedBy ? (
          <>
            <dt className="text-slate-500">Decided</dt>
            <dd>
              by {action.decidedBy.name}
              {action.decidedAt ? `, ${formatDateTime(action.decidedAt)}` : ''}
            </dd>
          </>
        ) : null}
        {action.decisionComment ? (
          <>
            <dt className="text-slate-500">Reason</dt>
            <dd>{action.decisionComment}</dd>
          </>
        ) : null}
      </dl>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {action.status === 'pending' && canDecide ? (
        rejecting ? (
          <form
            className="space-y-2"
            onSubmit={(event) => {
              event.preventDefault();
              setError(null);
              decide.mutate({ toolActionId: action.id, decision: 'reject', comment });
            }}
          >
            <Label htmlFor={`reject-${action.id}`}>Why reject it? (for the audit log; the customer is not shown this)</Label>
            <Textarea id={`reject-${action.id}`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} rows={2} required autoFocus />
            <div className="flex gap-2">
              <Button type="submit" variant="danger" disabled={decide.isPending || comment.trim().length === 0}>
                {decide.isPending ? 'Rejecting…' : 'Confirm rejection'}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <div className="flex gap-2">
            <Button onClick={() => (setError(null), decide.mutate({ toolActionId: action.id, decision: 'approve' }))} disabled={decide.isPending}>
              {decide.isPending ? 'Approving…' : 'Approve'}
            </Button>
            <Button variant="secondary" onClick={() => setRejecting(true)} disabled={decide.isPending}>
              Reject…
            </Button>
          </div>
        )
      ) : action.status === 'pending' ? (
        <p className="text-slate-500">Claim this conversation to approve or reject it.</p>
      ) : null}
    </li>
  );
}
