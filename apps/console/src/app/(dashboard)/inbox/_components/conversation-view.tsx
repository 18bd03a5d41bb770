'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, EmptyState, Label, Select, SkeletonRows } from '@vouch/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { PageHeader } from '../../_components/page-header';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TAgentConversation } from './api-types';
import { Composer } from './composer';
import { CustomerIdentity } from './customer-identity';
import { INBOX_POLL_MS, reasonOf } from './labels';
import { refetchIntervalFor, useInboxLive } from './live';
import { LiveIndicator } from './inbox-list';
import { ToolActionsPanel } from './tool-actions-panel';
import { MessageItem, PlaceholderValue } from './transcript';

const FILTER_LABEL: Record<string, string> = {
  secret_redacted: 'a secret was redacted',
  pii_redacted: 'personal data was redacted',
  link_removed: 'a link was removed',
  blocked_canary: 'the text was blocked',
};

export interface TConversationAccess {
  userId: string;
  canWork: boolean;
  canReveal: boolean;
}

export function ConversationView({ conversationId, tenantName, access }: { conversationId: string; tenantName: string; access: TConversationAccess }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The customer may write while the agent reads: pushed by the inbox feed, polled while it is down.
  const live = useInboxLive((event) => {
    if (event.kind === 'resync' || event.conversationId === conversationId) {
      void queryClient.invalidateQueries({ queryKey: trpc.inbox.conversation.queryKey({ conversationId }) });
    }
  });
  const conversation = useQuery({ ...trpc.inbox.conversation.queryOptions({ conversationId }), refetchInterval: refetchIntervalFor(live, INBOX_POLL_MS) });
  const data = conversation.data;
  const vaulted = new Set(data?.vaultedPlaceholders ?? []);
  return (
    <>
      <PageHeader
        eyebrow={tenantName}
        title="Conversation"
        description={data ? `With ${data.agentName} (${data.environment}), started ${formatDateTime(data.createdAt)}.` : undefined}
      />
      <p className="mb-4 flex items-center justify-between text-sm">
        <Link href="/inbox" className="font-medium text-indigo-700 hover:underline">
          ← Back to the inbox
        </Link>
        <LiveIndicator live={live} />
      </p>
      {conversation.isPending ? (
        <SkeletonRows label="Loading conversation" rowClassName="h-16" />
      ) : conversation.isError ? (
        <QueryError what="The conversation" error={conversation.error} onRetry={() => void conversation.refetch()} />
      ) : data ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Card>
            <CardHeader>
              <CardTitle>Transcript</CardTitle>
              <p className="mt-0.5 text-sm text-slate-500">
                As stored: personal data the customer typed was redacted before it was saved.
                {access.canReveal ? ' Click a placeholder to reveal its original value; each reveal is recorded in the audit log.' : ''}
              </p>
            </CardHeader>
            <CardBody>
              {data.messages.length === 0 ? (
                <EmptyState icon={<Icon name="inbox" className="size-6" />} title="No messages yet" description="The customer has not written anything." />
              ) : (
                <ol className="space-y-3" aria-label="Messages">
                  {data.messages.map((m) => (
                    <MessageItem key={m.id} message={m} conversationId={data.id} vaulted={vaulted} canReveal={access.canReveal} />
                  ))}
                </ol>
              )}
            </CardBody>
          </Card>
          <HandoffPanel conversation={data} access={access} />
        </div>
      ) : null}
    </>
  );
}

function AssignControl({ handoffId, currentUserId }: { handoffId: string; currentUserId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teammates = useQuery(trpc.inbox.teammates.queryOptions());
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const assign = useMutation(
    trpc.inbox.assign.mutationOptions({
      onSuccess: () => {
        setChoice('');
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const options = (teammates.data ?? []).filter((t) => t.userId !== currentUserId);
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!choice) return;
        setError(null);
        assign.mutate({ handoffId, assigneeUserId: choice });
      }}
    >
      <Label htmlFor="assign-to">Assign to a teammate</Label>
      <div className="flex gap-2">
        <Select id="assign-to" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={teammates.isPending}>
          <option value="">{teammates.isPending ? 'Loading…' : options.length ? 'Choose…' : 'No other teammate works handoffs'}</option>
          {options.map((t) => (
            <option key={t.userId} value={t.userId}>
              {t.name}
              {t.online ? ' (online)' : ''}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" disabled={!choice || assign.isPending}>
          {assign.isPending ? 'Assigning…' : 'Assign'}
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}

function HandoffPanel({ conversation, access }: { conversation: TAgentConversation; access: TConversationAccess }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const handoff = conversation.handoff;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
  const onError = (e: unknown) => setError(errorMessage(e));
  const claim = useMutation(trpc.inbox.claim.mutationOptions({ onSuccess: refresh, onError }));
  const unassign = useMutation(trpc.inbox.unassign.mutationOptions({ onSuccess: refresh, onError }));
  const resolve = useMutation(trpc.inbox.resolve.mutationOptions({ onSuccess: refresh, onError }));
  const returnToAi = useMutation(trpc.inbox.returnToAi.mutationOptions({ onSuccess: refresh, onError }));
  const open = handoff && (handoff.status === 'pending' || handoff.status === 'assigned');
  const mine = handoff?.status === 'assigned' && handoff.assignee?.userId === access.userId;
  const reason = handoff ? reasonOf(handoff.reason) : null;
  const act = (run: () => void) => () => (setError(null), run());

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>Handoff</CardTitle>
        </CardHeader>
        <CardBody className="space-y-3 text-sm">
          <p className="flex flex-wrap items-center gap-2 text-slate-600">
            Customer <CustomerIdentity customer={conversation.customer} />
          </p>
          {handoff && reason ? (
            <>
              <div className="flex flex-wrap gap-2">
                <Badge tone={reason.tone}>{reason.label}</Badge>
                <Badge tone={handoff.status === 'resolved' ? 'green' : handoff.status === 'pending' ? 'amber' : 'indigo'} data-testid="handoff-status">
                  {handoff.status === 'pending' ? 'Waiting' : handoff.status === 'assigned' ? 'Assigned' : handoff.status === 'resolved' ? 'Resolved' : 'Back with the AI'}
                </Badge>
              </div>
              <p className="text-slate-600" data-testid="handoff-assignee">
                {handoff.assignee ? (
                  <>
                    Assigned to <span className="font-medium text-slate-900">{mine ? 'you' : handoff.assignee.name}</span>
                  </>
                ) : open ? (
                  'No one has claimed it yet.'
                ) : (
                  'Closed.'
                )}
              </p>
              {handoff.contactPlaceholder ? (
                <p className="text-slate-600">
                  The customer left an email while nobody was online:{' '}
                  <PlaceholderValue conversationId={conversation.id} placeholder={handoff.contactPlaceholder} canReveal={access.canReveal} />
                </p>
              ) : null}
              {error ? <Alert tone="error">{error}</Alert> : null}
              {access.canWork && open ? (
                <div className="flex flex-wrap gap-2">
                  {handoff.status === 'pending' ? (
                    <Button onClick={act(() => claim.mutate({ handoffId: handoff.id }))} disabled={claim.isPending}>
                      {claim.isPending ? 'Claiming…' : 'Claim'}
                    </Button>
                  ) : null}
                  {handoff.status === 'assigned' ? (
                    <Button variant="secondary" onClick={act(() => unassign.mutate({ handoffId: handoff.id }))} disabled={unassign.isPending}>
                      {unassign.isPending ? 'Unassigning…' : 'Unassign'}
                    </Button>
                  ) : null}
                  <Button variant="secondary" onClick={act(() => resolve.mutate({ handoffId: handoff.id }))} disabled={resolve.isPending}>
                    {resolve.isPending ? 'Resolving…' : 'Resolve'}
                  </Button>
                  <Button variant="secondary" onClick={act(() => returnToAi.mutate({ handoffId: handoff.id }))} disabled={returnToAi.isPending}>
                    {returnToAi.isPending ? 'Handing back…' : 'Hand back to the AI'}
                  </Button>
                </div>
              ) : null}
              {access.canWork && open ? <AssignControl handoffId={handoff.id} currentUserId={handoff.assignee?.userId ?? null} /> : null}
            </>
          ) : (
            <p className="text-slate-600">This conversation was never handed to a person.</p>
          )}
        </CardBody>
      </Card>
      <ToolActionsPanel conversationId={conversation.id} messageCount={conversation.messages.length} canDecide={access.canWork && mine} />
      {access.canWork && mine ? (
        <Composer
          kind="reply"
          conversationId={conversation.id}
          onPosted={(filtered) => (refresh(), setNotice(filtered.length ? `Sent; ${[...new Set(filtered)].map((k) => FILTER_LABEL[k] ?? k).join(', ')}.` : null))}
        />
      ) : access.canWork && open ? (
        <Alert tone="info">Claim this conversation to reply to the customer.</Alert>
      ) : null}
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {access.canWork ? <Composer kind="note" conversationId={conversation.id} onPosted={() => refresh()} /> : null}
    </div>
  );
}
