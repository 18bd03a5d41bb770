import { hasPermission, isRole } from '@vouch/auth';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import type { TRealtimeEventInput } from '../realtime/events';
import { requireUserId } from './shared';

/** What changed, for the realtime bus: published by the caller once the transaction has committed. */
export type TWithEvents<T> = T & { events: TRealtimeEventInput[] };

export const ZHandoffIdInput = z.object({ handoffId: z.uuid() });
export const ZAssignHandoffInput = z.object({ handoffId: z.uuid(), assigneeUserId: z.uuid() });

async function explainMiss(tx: TenantTx, handoffId: string): Promise<never> {
  const current = await tx.handoff.findFirst({ where: { id: handoffId }, select: { status: true } });
  if (!current) throw new AppError('NOT_FOUND', 'No such handoff.');
  if (current.status === 'assigned') throw new AppError('CONFLICT', 'Someone else claimed this conversation first.');
  throw new AppError('CONFLICT', 'This handoff is already closed.');
}

/**
 * Takes a pending handoff. One conditional UPDATE decides: of any number of agents claiming at
 * once, Postgres lets exactly one row change (the others re-check `status = 'pending'` after the
 * winner commits and match nothing), so two agents never both own a conversation.
 */
export async function claimHandoff(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZHandoffIdInput>,
): Promise<TWithEvents<{ handoffId: string; conversationId: string }>> {
  const { handoffId } = ZHandoffIdInput.parse(rawInput);
  const userId = requireUserId(actor);
  const changed = await tx.$executeRaw`
    UPDATE handoffs SET status = 'assigned', assignee_user_id = ${userId}::uuid, claimed_at = now()
    WHERE id = ${handoffId}::uuid AND status = 'pending'`;
  if (changed !== 1) return explainMiss(tx, handoffId);
  const handoff = await tx.handoff.findFirstOrThrow({ where: { id: handoffId }, select: { conversationId: true, reason: true } });
  await record(tx, tenantId, actor, {
    action: 'handoff.claim',
    targetType: 'handoff',
    targetId: handoffId,
    data: { conversationId: handoff.conversationId, reason: handoff.reason },
  });
  return { handoffId, conversationId: handoff.conversationId, events: [{ kind: 'handoff.claimed', tenantId, handoffId, conversationId: handoff.conversationId, userId }] };
}

/** Hands an open handoff to a member who may work handoffs (a lead re-balancing the queue). */
export async function assignHandoff(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZAssignHandoffInput>,
): Promise<TWithEvents<{ handoffId: string; conversationId: string }>> {
  const input = ZAssignHandoffInput.parse(rawInput);
  if (actor.type !== 'system') requireUserId(actor);
  const member = await tx.membership.findFirst({ where: { userId: input.assigneeUserId }, select: { roles: true } });
  if (!member) throw new AppError('NOT_FOUND', 'No such member in this workspace.');
  if (!hasPermission(member.roles.filter(isRole), 'handoff.work')) throw new AppError('BAD_REQUEST', 'That member\u2019s role does not allow working on handoffs.');
  const changed = await tx.$executeRaw`
    UPDATE handoffs SET status = 'assigned', assignee_user_id = ${input.assigneeUserId}::uuid, claimed_at = COALESCE(claimed_at, now())
    WHERE id = ${input.handoffId}::uuid AND status IN ('pending', 'assigned')`;
  if (changed !== 1) return explainMiss(tx, input.handoffId);
  const { conversationId } = await tx.handoff.findFirstOrThrow({ where: { id: input.handoffId }, select: { conversationId: true } });
  await record(tx, tenantId, actor, { action: 'handoff.assign', targetType: 'handoff', targetId: input.handoffId, data: { assigneeUserId: input.assigneeUserId, conversationId } });
  return { handoffId: input.handoffId, conversationId, events: [{ kind: 'handoff.assigned', tenantId, handoffId: input.handoffId, conversationId, userId: input.assigneeUserId }] };
}

/** Puts an assigned handoff back in the New queue. */
export async function unassignHandoff(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZHandoffIdInput>,
): Promise<TWithEvents<{ handoffId: string; conversationId: string }>> {
  const { handoffId } = ZHandoffIdInput.parse(rawInput);
  requireUserId(actor);
  const changed = await tx.$executeRaw`
    UPDATE handoffs SET status = 'pending', assignee_user_id = NULL, claimed_at = NULL
    WHERE id = ${handoffId}::uuid AND status = 'assigned'`;
  if (changed !== 1) {
    const current = await tx.handoff.findFirst({ where: { id: handoffId }, select: { status: true } });
    if (!current) throw new AppError('NOT_FOUND', 'No such handoff.');
    throw new AppError('CONFLICT', current.status === 'pending' ? 'This handoff is not assigned.' : 'This handoff is already closed.');
  }
  const { conversationId } = await tx.handoff.findFirstOrThrow({ where: { id: handoffId }, select: { conversationId: true } });
  await record(tx, tenantId, actor, { action: 'handoff.assign', targetType: 'handoff', targetId: handoffId, data: { assigneeUserId: null, conversationId } });
  return { handoffId, conversationId, events: [{ kind: 'handoff.unassigned', tenantId, handoffId, conversationId }] };
}

/**
 * Ends an open handoff in one statement (the UPDATE both checks the state and returns the
 * conversation), reopens or resolves its conversation, and records why.
 */
async function closeHandoff(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZHandoffIdInput>,
  outcome: {
    handoffStatus: 'resolved' | 'returned_to_ai';
    conversationStatus: 'resolved' | 'open';
    action: 'handoff.resolve' | 'handoff.return-to-ai';
    eventKind: 'handoff.resolved' | 'handoff.returned';
  },
): Promise<TWithEvents<{ handoffId: string; conversationId: string }>> {
  const { handoffId } = ZHandoffIdInput.parse(rawInput);
  requireUserId(actor);
  const [closed] = await tx.$queryRaw<{ conversation_id: string }[]>`
    UPDATE handoffs SET status = ${outcome.handoffStatus}::handoff_status, resolved_at = now()
    WHERE id = ${handoffId}::uuid AND status IN ('pending', 'assigned')
    RETURNING conversation_id::text`;
  if (!closed) return explainMiss(tx, handoffId);
  const conversationId = closed.conversation_id;
  await tx.conversation.update({ where: { id: conversationId }, data: { status: outcome.conversationStatus, updatedAt: new Date() } });
  await record(tx, tenantId, actor, { action: outcome.action, targetType: 'handoff', targetId: handoffId, data: { conversationId } });
  return { handoffId, conversationId, events: [{ kind: outcome.eventKind, tenantId, handoffId, conversationId }] };
}

/** Closes the handoff and the conversation's human phase: the AI answers again if the customer writes. */
export function resolveHandoff(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZHandoffIdInput>,
): Promise<TWithEvents<{ handoffId: string; conversationId: string }>> {
  return closeHandoff(tx, tenantId, actor, rawInput, { handoffStatus: 'resolved', conversationStatus: 'resolved', action: 'handoff.resolve', eventKind: 'handoff.resolved' });
}

/**
 * Hands the conversation back to the AI: the handoff ends as returned_to_ai and the conversation
 * is open again, so the assistant answers the customer's next message.
 */
export function returnHandoffToAi(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZHandoffIdInput>,
): Promise<TWithEvents<{ handoffId: string; conversationId: string }>> {
  return closeHandoff(tx, tenantId, actor, rawInput, { handoffStatus: 'returned_to_ai', conversationStatus: 'open', action: 'handoff.return-to-ai', eventKind: 'handoff.returned' });
}
