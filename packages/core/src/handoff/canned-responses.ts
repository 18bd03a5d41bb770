import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError, isUniqueViolation } from '../errors';

/**
 * Canned responses are team knowledge, written and used by the people who answer customers:
 * anyone with handoff.work may create, edit and delete them (every change audited), and anyone
 * with inbox.read may list them. They are stored as typed; replies built from them still pass
 * the output filter when sent.
 */
export const ZCannedResponseInput = z.object({
  shortcut: z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Shortcuts use lowercase letters, digits and dashes (up to 32).')),
  title: z.string().trim().min(1, 'Give it a title.').max(120),
  body: z.string().trim().min(1, 'Write the response.').max(4000),
});
export const ZUpdateCannedResponseInput = ZCannedResponseInput.extend({ id: z.uuid() });
export const ZCannedResponseIdInput = z.object({ id: z.uuid() });

export interface TCannedResponse {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  updatedAt: Date;
}

const SELECT = { id: true, shortcut: true, title: true, body: true, updatedAt: true } as const;

export function listCannedResponses(tx: TenantTx): Promise<TCannedResponse[]> {
  return tx.cannedResponse.findMany({ orderBy: { shortcut: 'asc' }, select: SELECT, take: 500 });
}

function duplicate(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Another canned response already uses this shortcut.');
  throw error;
}

export async function createCannedResponse(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZCannedResponseInput>): Promise<TCannedResponse> {
  const input = ZCannedResponseInput.parse(rawInput);
  const created = await tx.cannedResponse
    .create({ data: { tenantId, ...input, createdBy: actor.type === 'user' ? actor.userId : null }, select: SELECT })
    .catch(duplicate);
  await record(tx, tenantId, actor, { action: 'canned_response.create', targetType: 'canned_response', targetId: created.id, data: { shortcut: created.shortcut } });
  return created;
}

export async function updateCannedResponse(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZUpdateCannedResponseInput>): Promise<TCannedResponse> {
  const { id, ...input } = ZUpdateCannedResponseInput.parse(rawInput);
  const existing = await tx.cannedResponse.findFirst({ where: { id }, select: { id: true } });
  if (!existing) throw new AppError('NOT_FOUND', 'No such canned response.');
  const updated = await tx.cannedResponse.update({ where: { id }, data: { ...input, updatedAt: new Date() }, select: SELECT }).catch(duplicate);
  await record(tx, tenantId, actor, { action: 'canned_response.update', targetType: 'canned_response', targetId: id, data: { shortcut: updated.shortcut } });
  return updated;
}

export async function deleteCannedResponse(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZCannedResponseIdInput>): Promise<{ id: string }> {
  const { id } = ZCannedResponseIdInput.parse(rawInput);
  const deleted = await tx.cannedResponse.deleteMany({ where: { id } });
  if (deleted.count !== 1) throw new AppError('NOT_FOUND', 'No such canned response.');
  await record(tx, tenantId, actor, { action: 'canned_response.delete', targetType: 'canned_response', targetId: id, data: {} });
  return { id };
}
