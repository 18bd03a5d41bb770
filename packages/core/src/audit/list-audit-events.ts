import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TAuditExportLine } from './audit-export-format';

export const ZListAuditEventsInput = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  actorId: z.string().trim().min(1).max(256).optional(),
  action: z.string().trim().min(1).max(128).optional(),
  targetId: z.string().trim().min(1).max(256).optional(),
  /** The seq of the last event of the previous page (pages run newest first). */
  cursor: z.string().regex(/^\d{1,19}$/, 'cursor must be a seq').optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type TListAuditEventsInput = z.input<typeof ZListAuditEventsInput>;

export type TAuditEventSummary = Omit<TAuditExportLine, 'tenantId' | 'occurredAt'> & {
  occurredAt: Date;
  /** Content removed by retention; the links remain. */
  tombstoned: boolean;
};

export interface TAuditEventPage {
  events: TAuditEventSummary[];
  nextCursor: string | null;
}

/**
 * A page of the caller's tenant's audit events, newest first, cursor-paginated by seq.
 * RLS scopes the rows to the tenant set by withTenant, so no tenant id is taken from input.
 */
export async function listAuditEvents(tx: TenantTx, input: TListAuditEventsInput): Promise<TAuditEventPage> {
  const filters = ZListAuditEventsInput.parse(input);
  const rows = await tx.auditEvent.findMany({
    where: {
      ...(filters.from || filters.to ? { occurredAt: { gte: filters.from, lte: filters.to } } : {}),
      ...(filters.actorId ? { actorId: filters.actorId } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.targetId ? { targetId: filters.targetId } : {}),
      ...(filters.cursor ? { seq: { lt: BigInt(filters.cursor) } } : {}),
    },
    orderBy: { seq: 'desc' },
    take: filters.limit + 1,
  });
  const page = rows.slice(0, filters.limit);
  return {
    events: page.map((row) => ({
      seq: row.seq.toString(),
      id: row.id,
      occurredAt: row.occurredAt,
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      ip: row.ip,
      userAgent: row.userAgent,
      data: row.data,
      prevHash: row.prevHash,
      hash: row.hash,
      tombstoned: row.tombstonedAt !== null,
    })),
    nextCursor: rows.length > filters.limit ? (page.at(-1)?.seq.toString() ?? null) : null,
  };
}
