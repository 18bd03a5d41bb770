import { TRPCError } from '@trpc/server';
import { EmptyState } from '@vouch/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { serverApi } from '~/trpc/server';
import { Icon } from '../../../../_components/icons';
import { PageHeader } from '../../../../_components/page-header';
import { NoTranscriptAccess } from '../../../../conversations/_components/no-access';
import { auditAccess } from '../../../_components/access';
import { conversationMessageHref } from '../../../_components/target-link';

export const metadata: Metadata = { title: 'Open audit target · Audit' };
export const dynamic = 'force-dynamic';

const TYPES = new Set(['conversation', 'message', 'handoff', 'tool_action', 'trace']);
const LABEL: Record<string, string> = { conversation: 'conversation', message: 'message', handoff: 'handoff', tool_action: 'tool action', trace: 'answer trace' };

/**
 * Opens what an audit event names (a message, handoff, tool action or trace) in its conversation's
 * transcript. The lookup runs under the member's own session and tenant (transcripts.read, RLS);
 * a target that was erased or expired says so instead of failing.
 */
export default async function AuditTargetPage({ params }: { params: Promise<{ targetType: string; targetId: string }> }) {
  const access = await auditAccess();
  const tenantName = access?.tenantName ?? 'No workspace';
  if (!access?.canReadTranscripts) return <NoTranscriptAccess tenantName={tenantName} />;
  const { targetType, targetId } = await params;
  let location: { conversationId: string; messageId: string | null } | null = null;
  let problem: string | null = null;
  if (!TYPES.has(targetType)) {
    problem = 'Only conversations, messages, handoffs, tool actions and answer traces open in Conversations.';
  } else {
    try {
      location = await (await serverApi()).audit.locateTarget({ targetType: targetType as never, targetId });
      if (!location) problem = `This ${LABEL[targetType]} is no longer stored (erased, or removed by retention). The audit event keeps its id.`;
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
      problem = error.code === 'BAD_REQUEST' ? 'That is not a valid id.' : error.message;
    }
  }
  if (location) redirect(conversationMessageHref(location));
  return (
    <>
      <PageHeader eyebrow={tenantName} title="Audit target" />
      <EmptyState
        icon={<Icon name="audit" className="size-6" />}
        title="Nothing to open"
        description={problem ?? undefined}
        action={
          <Link href="/audit" className="font-medium text-indigo-700 hover:underline">
            ← Back to the audit log
          </Link>
        }
      />
    </>
  );
}
