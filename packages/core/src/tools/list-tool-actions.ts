import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import { memberNames } from '../handoff/shared';
import { getTool } from './registry';

export const ZListToolActionsInput = z.object({ conversationId: z.uuid() });

export interface TToolActionView {
  id: string;
  action: string;
  label: string;
  access: string;
  /** The validated input as stored (redacted at request time). */
  input: Record<string, unknown>;
  status: string;
  requestedBy: 'ai' | { userId: string; name: string };
  decidedBy: { userId: string; name: string } | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  traceId: string | null;
  createdAt: Date;
}

/** A conversation's tool actions, newest first, for the inbox (RLS keeps them to the tenant). */
export async function listToolActions(tx: TenantTx, rawInput: z.input<typeof ZListToolActionsInput>): Promise<TToolActionView[]> {
  const { conversationId } = ZListToolActionsInput.parse(rawInput);
  const rows = await tx.toolAction.findMany({ where: { conversationId }, orderBy: { createdAt: 'desc' }, take: 50 });
  const names = await memberNames(tx, rows.flatMap((r) => [r.requestedByUserId, r.decidedByUserId]));
  const person = (id: string) => ({ userId: id, name: names.get(id) ?? 'Former member' });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    label: getTool(r.action)?.label ?? r.action,
    access: r.access,
    input: (r.input ?? {}) as Record<string, unknown>,
    status: r.status,
    requestedBy: r.requestedByUserId ? person(r.requestedByUserId) : 'ai',
    decidedBy: r.decidedByUserId ? person(r.decidedByUserId) : null,
    decidedAt: r.decidedAt,
    decisionComment: r.decisionComment,
    traceId: r.traceId,
    createdAt: r.createdAt,
  }));
}
