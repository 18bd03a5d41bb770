import { withTenant, type Prisma, type TenantTx } from '@vouch/db';
import type { TActor } from '../actor';
import type { TToolPermission } from '../agent/agent-config';
import { record } from '../audit';
import { allowedPermission, detectToolIntent, type TToolIntent } from './detect-tool-intent';
import { getTool, type TToolResult } from './registry';

export const SIGN_IN_REPLY = 'I can help with orders and refunds only for signed-in customers, so I have not looked anything up. Please sign in to your account on this site and ask again.';

export const approvalPendingReply = (label: string, orderNumber: string) =>
  `I have asked a team member to approve your ${label.toLowerCase()} for order ${orderNumber}. Nothing happens until a person approves it; you will see the outcome here.`;

/** What the trace keeps of a tool turn: the tool, its redacted input and what happened (no results' text). */
export interface TToolTrace {
  action: string;
  access: 'read' | 'write';
  input: Record<string, unknown>;
  status: 'sign_in_required' | 'executed' | 'not_found' | 'pending_approval' | 'invalid_input';
  requiresHumanApproval: boolean;
  toolActionId: string | null;
}

export interface TToolTurn {
  action: string;
  content: string;
  /** A person must approve: the reply hands off with reason tool_approval. */
  needsApproval: boolean;
  trace: TToolTrace;
  /** For finishToolTurn: the action row to create (pending) or link (executed). */
  pending: { input: Record<string, unknown>; access: 'read' | 'write' } | null;
}

/**
 * Decides whether a customer message is a tool turn, and runs read tools (and write tools the
 * config lets run without a person). Null: not a tool turn (no intent, or the tool is not
 * allowed in the agent config), the message goes through the normal pipeline. Called only for
 * messages the injection guard did not flag and conversations no person holds.
 */
export async function planToolTurn(
  tenantId: string,
  actor: TActor,
  input: { conversationId: string; text: string; tools: readonly TToolPermission[] },
): Promise<TToolTurn | null> {
  const intent: TToolIntent | null = detectToolIntent(input.text);
  if (!intent) return null;
  const permission = allowedPermission(intent, input.tools);
  const tool = getTool(intent.action);
  if (!permission || !tool) return null;
  const parsed = tool.input.safeParse(intent.input);
  const base = { action: tool.action, access: tool.access, requiresHumanApproval: permission.requiresHumanApproval, toolActionId: null };
  if (!parsed.success) {
    return { action: tool.action, needsApproval: false, pending: null, content: 'That does not look like an order number I can look up. Please check it and ask again.', trace: { ...base, input: {}, status: 'invalid_input' } };
  }
  const toolInput = parsed.data as Record<string, unknown>;
  return withTenant(tenantId, async (tx) => {
    const conversation = await tx.conversation.findFirst({ where: { id: input.conversationId }, select: { identityVerified: true, externalUserId: true } });
    if (!conversation?.identityVerified || !conversation.externalUserId) {
      return { action: tool.action, needsApproval: false, pending: null, content: SIGN_IN_REPLY, trace: { ...base, input: toolInput, status: 'sign_in_required' as const } };
    }
    const subject = { externalUserId: conversation.externalUserId };
    if (permission.requiresHumanApproval) {
      // Checked now as well as on approval: no one is asked to approve a refund of someone else's order.
      const own = await tx.customerOrder.findFirst({ where: { orderNumber: parsed.data.orderNumber, customerExternalId: subject.externalUserId }, select: { id: true } });
      if (!own) {
        return { action: tool.action, needsApproval: false, pending: null, content: `I could not find order ${parsed.data.orderNumber} on your account. Please check the number on your order confirmation.`, trace: { ...base, input: toolInput, status: 'not_found' as const } };
      }
      return { action: tool.action, needsApproval: true, pending: { input: toolInput, access: tool.access }, content: approvalPendingReply(tool.label, parsed.data.orderNumber), trace: { ...base, input: toolInput, status: 'pending_approval' as const } };
    }
    let actionId: string | null = null;
    if (tool.access === 'write') {
      const row = await tx.toolAction.create({ data: { tenantId, conversationId: input.conversationId, action: tool.action, access: tool.access, input: toolInput as Prisma.InputJsonValue, status: 'executed' } });
      actionId = row.id;
    }
    const result: TToolResult = await tool.execute(tx, tenantId, subject, parsed.data, { toolActionId: actionId });
    if (actionId) {
      await tx.toolAction.update({ where: { id: actionId }, data: { status: result.ok ? 'executed' : 'failed', result: result.data } });
      await record(tx, tenantId, actor, { action: 'tool.execute', targetType: 'tool_action', targetId: actionId, data: { action: tool.action, input: toolInput, ok: result.ok, approval: 'not_required' } });
    }
    return {
      action: tool.action,
      needsApproval: false,
      pending: null,
      content: `${result.message} (Source: your account, via the ${tool.action} tool.)`,
      trace: { ...base, input: toolInput, toolActionId: actionId, status: result.ok ? ('executed' as const) : ('not_found' as const) },
    };
  });
}

/**
 * In the transaction that stores the reply: creates the pending action a person must decide
 * (linked to the reply's trace and handoff, audited as `tool.request`), or links an executed
 * write action to its trace.
 */
export async function finishToolTurn(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  turn: TToolTurn,
  recorded: { conversationId: string; traceId: string; handoffId: string | null },
): Promise<{ toolActionId: string | null }> {
  if (turn.pending) {
    const row = await tx.toolAction.create({
      data: {
        tenantId,
        conversationId: recorded.conversationId,
        traceId: recorded.traceId,
        handoffId: recorded.handoffId,
        action: turn.action,
        access: turn.pending.access,
        input: turn.pending.input as Prisma.InputJsonValue,
      },
    });
    await record(tx, tenantId, actor, {
      action: 'tool.request',
      targetType: 'tool_action',
      targetId: row.id,
      data: { action: turn.action, input: turn.pending.input, conversationId: recorded.conversationId, traceId: recorded.traceId, handoffId: recorded.handoffId },
    });
    return { toolActionId: row.id };
  }
  if (turn.trace.toolActionId) await tx.toolAction.update({ where: { id: turn.trace.toolActionId }, data: { traceId: recorded.traceId } });
  return { toolActionId: turn.trace.toolActionId };
}
