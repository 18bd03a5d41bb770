import { Prisma, type TenantTx } from '@vouch/db';
import { redact } from '@vouch/guard';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { findOpenHandoff, requireUserId } from '../handoff/shared';
import type { TRealtimeEventInput } from '../realtime/events';
import { getTool, type TToolResult } from './registry';

export const ZDecideToolActionInput = z.object({
  toolActionId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  /** Why (required to reject): kept for the audit, redacted; never shown to the customer. */
  comment: z.string().trim().max(1000, 'Comments can be at most 1000 characters.').optional(),
}).refine((input) => input.decision === 'approve' || (input.comment?.length ?? 0) > 0, { message: 'Say why you reject it.', path: ['comment'] });
export type TDecideToolActionInput = z.input<typeof ZDecideToolActionInput>;

export interface TToolDecision {
  toolActionId: string;
  status: 'executed' | 'rejected' | 'failed';
  /** What the customer was told. */
  customerMessage: string;
  events: TRealtimeEventInput[];
}

/**
 * A person approves or rejects a tool action the AI asked for: the four-eyes point (the AI
 * requested it, a human with handoff.work who owns the conversation decides; whoever requested
 * an action can never decide it). Transactional: the action row is locked, so of two
 * concurrent decisions exactly one wins and the other is refused. Approval executes the tool in
 * the same transaction (RLS-bound, for the conversation's verified user, its input re-validated);
 * the customer gets a message with the outcome (delivered live after commit); audited as
 * `tool.approve` / `tool.reject` with the redacted input.
 */
export async function decideToolAction(tx: TenantTx, tenantId: string, actor: TActor, rawInput: TDecideToolActionInput): Promise<TToolDecision> {
  const input = ZDecideToolActionInput.parse(rawInput);
  const userId = requireUserId(actor);
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM tool_actions WHERE id = ${input.toolActionId}::uuid FOR UPDATE`;
  if (!locked[0]) throw new AppError('NOT_FOUND', 'No such tool action.');
  const action = await tx.toolAction.findUniqueOrThrow({ where: { id: input.toolActionId } });
  if (action.status !== 'pending') throw new AppError('CONFLICT', 'This action was already decided.');
  if (action.requestedByUserId === userId) throw new AppError('FORBIDDEN', 'You requested this action; another team member must decide it.');
  const handoff = await findOpenHandoff(tx, action.conversationId);
  if (!handoff || handoff.status !== 'assigned' || handoff.assigneeUserId !== userId) throw new AppError('CONFLICT', 'Claim this conversation before deciding its actions.');
  const tool = getTool(action.action);
  const conversation = await tx.conversation.findFirstOrThrow({ where: { id: action.conversationId }, select: { identityVerified: true, externalUserId: true } });
  const comment = input.comment ? redact(input.comment).text : null;
  const orderNumber = String((action.input as Record<string, unknown>).orderNumber ?? '');

  let status: TToolDecision['status'];
  let result: TToolResult | null = null;
  let customerMessage: string;
  if (input.decision === 'reject') {
    status = 'rejected';
    customerMessage = `A team member reviewed your ${tool?.label.toLowerCase() ?? 'request'}${orderNumber ? ` for order ${orderNumber}` : ''} and did not approve it. They can tell you more here.`;
  } else {
    const parsed = tool?.input.safeParse(action.input);
    if (!tool || !parsed?.success || !conversation.identityVerified || !conversation.externalUserId) {
      result = { ok: false, message: 'This action can no longer be carried out.', data: {} };
    } else {
      result = await tool.execute(tx, tenantId, { externalUserId: conversation.externalUserId }, parsed.data, { toolActionId: action.id });
    }
    status = result.ok ? 'executed' : 'failed';
    customerMessage = result.ok ? `A team member approved your request. ${result.message}` : `A team member approved your request, but it could not be carried out: ${result.message}`;
  }
  await tx.toolAction.update({
    where: { id: action.id },
    data: { status, decidedByUserId: userId, decidedAt: new Date(), decisionComment: comment, result: result ? (result.data as Prisma.InputJsonValue) : Prisma.JsonNull },
  });
  const message = await tx.message.create({ data: { tenantId, conversationId: action.conversationId, role: 'assistant', content: customerMessage } });
  await record(tx, tenantId, actor, {
    action: input.decision === 'approve' ? 'tool.approve' : 'tool.reject',
    targetType: 'tool_action',
    targetId: action.id,
    data: {
      action: action.action,
      input: action.input,
      conversationId: action.conversationId,
      traceId: action.traceId,
      handoffId: handoff.id,
      outcome: status,
      ...(comment ? { comment } : {}),
      messageId: message.id,
    },
  });
  return {
    toolActionId: action.id,
    status,
    customerMessage,
    events: [
      { kind: 'message.created', tenantId, conversationId: action.conversationId, messageId: message.id, role: 'assistant', userId },
      { kind: 'handoff.updated', tenantId, conversationId: action.conversationId, handoffId: handoff.id, userId },
    ],
  };
}
