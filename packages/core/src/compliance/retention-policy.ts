import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';

/**
 * Retention periods in days, per tenant. Defaults: transcripts 90 and audit 400 (the issue's),
 * traces 90 (an answer's evidence lives as long as its transcript), internal handoff notes 60
 * (working notes, shorter than the transcript), vault entries 30 (the reversible PII mapping of
 * a conversation is the most sensitive part), uploaded files 30 (the original file is only
 * needed until ingestion is reviewed; the extracted, redacted document stays). Audit is at
 * least 30 days so a compromised admin cannot make the trail vanish overnight.
 */
export const DEFAULT_RETENTION = {
  transcriptsDays: 90,
  tracesDays: 90,
  handoffNotesDays: 60,
  vaultDays: 30,
  uploadsDays: 30,
  auditDays: 400,
} as const;

const days = (min: number) => z.int().min(min).max(3650);
export const ZRetentionPolicyInput = z.object({
  transcriptsDays: days(1),
  tracesDays: days(1),
  handoffNotesDays: days(1),
  vaultDays: days(1),
  uploadsDays: days(1),
  auditDays: days(30),
});
export type TRetentionPolicy = z.infer<typeof ZRetentionPolicyInput>;

export interface TRetentionRunSummary {
  id: string;
  kind: string;
  status: string;
  removed: Record<string, number>;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface TRetentionSettings {
  policy: TRetentionPolicy;
  isDefault: boolean;
  updatedAt: Date | null;
  lastRun: TRetentionRunSummary | null;
}

export async function readRetentionPolicy(tx: TenantTx, tenantId: string): Promise<TRetentionPolicy & { isDefault: boolean; updatedAt: Date | null }> {
  const row = await tx.retentionPolicy.findUnique({ where: { tenantId } });
  if (!row) return { ...DEFAULT_RETENTION, isDefault: true, updatedAt: null };
  return {
    transcriptsDays: row.transcriptsDays,
    tracesDays: row.tracesDays,
    handoffNotesDays: row.handoffNotesDays,
    vaultDays: row.vaultDays,
    uploadsDays: row.uploadsDays,
    auditDays: row.auditDays,
    isDefault: false,
    updatedAt: row.updatedAt,
  };
}

export function toRunSummary(row: { id: string; kind: string; status: string; removed: unknown; error: string | null; startedAt: Date; finishedAt: Date | null }): TRetentionRunSummary {
  return { ...row, removed: (row.removed ?? {}) as Record<string, number> };
}

/** The tenant's retention periods and its most recent retention run. */
export async function getRetentionSettings(tx: TenantTx, tenantId: string): Promise<TRetentionSettings> {
  const { isDefault, updatedAt, ...policy } = await readRetentionPolicy(tx, tenantId);
  const last = await tx.retentionRun.findFirst({ where: { tenantId }, orderBy: { startedAt: 'desc' } });
  return { policy, isDefault, updatedAt, lastRun: last ? toRunSummary(last) : null };
}

/** Saves the tenant's retention periods; audited with the periods before and after. */
export async function updateRetentionPolicy(tx: TenantTx, tenantId: string, actor: TActor, input: z.input<typeof ZRetentionPolicyInput>): Promise<TRetentionSettings> {
  const next = ZRetentionPolicyInput.parse(input);
  const { isDefault: _d, updatedAt: _u, ...before } = await readRetentionPolicy(tx, tenantId);
  const updatedBy = actor.type === 'user' ? actor.userId : null;
  await tx.retentionPolicy.upsert({
    where: { tenantId },
    create: { tenantId, ...next, updatedBy },
    update: { ...next, updatedBy, updatedAt: new Date() },
  });
  await recordAuditEvent(tx, tenantId, actor, {
    action: 'retention.policy-update',
    targetType: 'tenant',
    targetId: tenantId,
    data: { before, after: next },
  });
  return getRetentionSettings(tx, tenantId);
}
