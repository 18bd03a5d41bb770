'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Card, CardBody, CardHeader, CardTitle, EmptyState, SkeletonRows } from '@vouch/ui';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { PageHeader } from '../../_components/page-header';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import { reasonOf } from '../../inbox/_components/labels';
import { CustomerIdentity } from '../../inbox/_components/customer-identity';
import { MessageItem } from '../../inbox/_components/transcript';

/** A read-only transcript with the AI's trace for each answer; handed-off ones link to the inbox. */
export function ConversationDetail({ conversationId, tenantName, canReveal, canOpenInbox }: { conversationId: string; tenantName: string; canReveal: boolean; canOpenInbox: boolean }) {
  const trpc = useTRPC();
  const conversation = useQuery(trpc.conversations.get.queryOptions({ conversationId }));
  const data = conversation.data;
  const vaulted = new Set(data?.vaultedPlaceholders ?? []);
  // A deep link (`?message=<id>`, from the audit log or a shared URL) brings one answer and its trace into view.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  useEffect(() => setFocusedId(new URLSearchParams(window.location.search).get('message')), []);
  const loaded = data !== undefined;
  useEffect(() => {
    if (!loaded || !focusedId) return;
    const el = document.getElementById(`message-${focusedId}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [loaded, focusedId]);
  return (
    <>
      <PageHeader eyebrow={tenantName} title="Transcript" description={data ? `With ${data.agentName} (${data.environment}), started ${formatDateTime(data.createdAt)}.` : undefined} />
      <p className="mb-4 flex flex-wrap items-center gap-4 text-sm">
        <Link href="/conversations" className="font-medium text-indigo-700 hover:underline">
          ← All conversations
        </Link>
        {data ? <CustomerIdentity customer={data.customer} /> : null}
        {data?.handoff && canOpenInbox ? (
          <Link href={`/inbox/${conversationId}`} className="font-medium text-indigo-700 hover:underline">
            Open in the inbox
          </Link>
        ) : null}
      </p>
      {conversation.isPending ? (
        <SkeletonRows label="Loading transcript" rowClassName="h-16" />
      ) : conversation.isError ? (
        <QueryError what="The transcript" error={conversation.error} onRetry={() => void conversation.refetch()} />
      ) : data ? (
        <Card>
          <CardHeader className="flex flex-wrap items-center gap-2">
            <CardTitle>Messages</CardTitle>
            <Badge tone="neutral">Read-only</Badge>
            {data.handoff ? <Badge tone={reasonOf(data.handoff.reason).tone}>Handed off: {reasonOf(data.handoff.reason).label}</Badge> : <Badge tone="green">AI only</Badge>}
          </CardHeader>
          <CardBody>
            {data.messages.length === 0 ? (
              <EmptyState icon={<Icon name="conversations" className="size-6" />} title="No messages" description="This conversation was opened but nothing was said." />
            ) : (
              <ol className="space-y-3" aria-label="Messages">
                {data.messages.map((m) => (
                  <MessageItem key={m.id} message={m} conversationId={data.id} vaulted={vaulted} canReveal={canReveal} focused={m.id === focusedId} />
                ))}
              </ol>
            )}
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
