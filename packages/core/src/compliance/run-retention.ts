import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { getAppClient, withTenant, type TenantTx } from '@vouch/db';
import { auditExportRoot } from '../audit/export-download';
import type { TActor } from '../actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { tombstoneDueAuditEvents } from '../audit/tombstone-audit-events';
import { AUDIT_EXPORT_FILES_DAYS } from '../audit/list-audit-exports';
import { readRetentionPolicy, toRunSummary, type TRetentionPolicy, type TRetentionRunSummary } from './retention-policy';

export interface TRetentionRemoved {
  conversations: number;
  messages: number;
  traces: number;
  handoffs: number;
  contacts: number;
  handoffNotes: number;
  vaultEntries: number;
  uploads: number;
  auditTombstones: number;
  /** Audit export folders (files on disk) older than EXPORT_FILES_DAYS. */
  exportFolders: number;
}

/** Audit exports hold the trail's personal data (actors, IPs): their files go after a week. */
export const EXPORT_FILES_DAYS = AUDIT_EXPORT_FILES_DAYS;

export interface TRunRetentionOptions {
  kind?: 'schedule' | 'manual';
  actor?: TActor;
  /** Rows per transaction; each batch commits on its own so a long run holds no long locks. */
  batchSize?: number;
}

const DAY_MS = 24 * 3600 * 1000;
const cutoffOf = (days: number) => new Date(Date.now() - days * DAY_MS);

function emptyRemoved(): TRetentionRemoved {
  return { conversations: 0, messages: 0, traces: 0, handoffs: 0, contacts: 0, handoffNotes: 0, vaultEntries: 0, uploads: 0, auditTombstones: 0, exportFolders: 0 };
}

/** Runs `step` in its own tenant transaction until it reports fewer rows than a full batch. */
async function inBatches(tenantId: string, batchSize: number, step: (tx: TenantTx) => Promise<number>): Promise<void> {
  for (;;) {
    const done = await withTenant(tenantId, step, { timeoutMs: 120_000 });
    if (done < batchSize) return;
  }
}

async function removeDue(tenantId: string, policy: TRetentionPolicy, batchSize: number, removed: TRetentionRemoved): Promise<void> {
  // Transcripts: conversations idle past the period, with everything inside them (messages,
  // traces, handoffs, the sealed redaction session) by cascade. Counted before deletion.
  const transcripts = cutoffOf(policy.transcriptsDays);
  await inBatches(tenantId, batchSize, async (tx) => {
    const due = await tx.conversation.findMany({
      where: { updatedAt: { lt: transcripts }, createdAt: { lt: transcripts }, messages: { none: { createdAt: { gte: transcripts } } } },
      select: { id: true },
      take: batchSize,
    });
    const ids = due.map((c) => c.id);
    if (ids.length === 0) return 0;
    removed.messages += await tx.message.count({ where: { conversationId: { in: ids } } });
    removed.traces += await tx.messageTrace.count({ where: { conversationId: { in: ids } } });
    removed.handoffs += await tx.handoff.count({ where: { conversationId: { in: ids } } });
    removed.conversations += (await tx.conversation.deleteMany({ where: { id: { in: ids } } })).count;
    return ids.length;
  });
  // Contacts left without any conversation and untouched for the transcript period.
  await inBatches(tenantId, batchSize, async (tx) => {
    const due = await tx.contact.findMany({
      where: { updatedAt: { lt: transcripts }, conversations: { none: {} } },
      select: { id: true },
      take: batchSize,
    });
    if (due.length === 0) return 0;
    removed.contacts += (await tx.contact.deleteMany({ where: { id: { in: due.map((c) => c.id) } } })).count;
    return due.length;
  });

  const traces = cutoffOf(policy.tracesDays);
  await inBatches(tenantId, batchSize, async (tx) => {
    const due = await tx.messageTrace.findMany({ where: { createdAt: { lt: traces } }, select: { id: true }, take: batchSize });
    if (due.length === 0) return 0;
    removed.traces += (await tx.messageTrace.deleteMany({ where: { id: { in: due.map((t) => t.id) } } })).count;
    return due.length;
  });

  const notes = cutoffOf(policy.handoffNotesDays);
  await inBatches(tenantId, batchSize, async (tx) => {
    const due = await tx.message.findMany({ where: { role: 'internal_note', createdAt: { lt: notes } }, select: { id: true }, take: batchSize });
    if (due.length === 0) return 0;
    removed.handoffNotes += (await tx.message.deleteMany({ where: { id: { in: due.map((m) => m.id) } } })).count;
    return due.length;
  });

  // Vault: a conversation's sealed redaction session (the only reversible PII mapping stored).
  const vault = cutoffOf(policy.vaultDays);
  await inBatches(tenantId, batchSize, async (tx) => {
    const due = await tx.conversation.findMany({
      where: { redactionSessionSealed: { not: null }, updatedAt: { lt: vault } },
      select: { id: true },
      take: batchSize,
    });
    if (due.length === 0) return 0;
    removed.vaultEntries += (
      await tx.conversation.updateMany({ where: { id: { in: due.map((c) => c.id) } }, data: { redactionSessionSealed: null } })
    ).count;
    return due.length;
  });

  // Vault entries of the handoff inbox (sealed originals behind placeholders), where that table
  // exists and the application may delete from it.
  const vaultTable = await withTenant(tenantId, async (tx) => {
    const rows = await tx.$queryRaw<{ ok: boolean }[]>`
      SELECT CASE WHEN to_regclass('public.pii_vault_entries') IS NULL THEN false
                  ELSE has_table_privilege('public.pii_vault_entries', 'DELETE') END AS ok`;
    return rows[0]?.ok === true;
  });
  if (vaultTable) {
    await inBatches(tenantId, batchSize, async (tx) => {
      const n = await tx.$executeRaw`
        DELETE FROM pii_vault_entries WHERE id IN (SELECT id FROM pii_vault_entries WHERE created_at < ${vault} LIMIT ${batchSize})`;
      removed.vaultEntries += n;
      return n;
    });
  }

  // Uploaded files: the sealed original bytes; the extracted, redacted document stays.
  const uploads = cutoffOf(policy.uploadsDays);
  await inBatches(tenantId, batchSize, async (tx) => {
    const due = await tx.sourceUpload.findMany({
      where: { contentSealed: { not: null }, createdAt: { lt: uploads } },
      select: { id: true },
      take: batchSize,
    });
    if (due.length === 0) return 0;
    removed.uploads += (
      await tx.sourceUpload.updateMany({ where: { id: { in: due.map((u) => u.id) } }, data: { contentSealed: null, purgedAt: new Date() } })
    ).count;
    return due.length;
  });

  // Audit export files of this tenant (its own folder only; ids are uuids, so nothing else matches).
  removed.exportFolders += await removeOldExports(tenantId, cutoffOf(EXPORT_FILES_DAYS));

  // Audit events: tombstones with a signed checkpoint (the chain keeps verifying).
  await inBatches(tenantId, batchSize, async (tx) => {
    const result = await tombstoneDueAuditEvents(tx, tenantId, batchSize);
    removed.auditTombstones += result.tombstoned;
    return result.tombstoned;
  });
}

async function removeOldExports(tenantId: string, cutoff: Date): Promise<number> {
  const dir = path.join(auditExportRoot(), tenantId);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !/^[0-9a-f-]{36}$/.test(entry.name)) continue;
    const folder = path.join(dir, entry.name);
    const info = await stat(folder).catch(() => null);
    if (info && info.mtime < cutoff) {
      await rm(folder, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * Deletes what is past the tenant's retention periods, in batches, and records the run (counts
 * only) both as a retention_runs row and as a `retention.run` audit event. A failed run is marked
 * failed (with a generic reason) and rethrown so the job retries; batches already committed stay
 * committed, and the next run continues from there.
 */
export async function runRetention(tenantId: string, options: TRunRetentionOptions = {}): Promise<TRetentionRunSummary> {
  const batchSize = options.batchSize ?? 500;
  const actor: TActor = options.actor ?? { type: 'system', name: 'retention' };
  const kind = options.kind ?? 'schedule';
  const { run, policy } = await withTenant(tenantId, async (tx) => {
    const { isDefault: _d, updatedAt: _u, ...current } = await readRetentionPolicy(tx, tenantId);
    return { run: await tx.retentionRun.create({ data: { tenantId, kind } }), policy: current };
  });
  const removed = emptyRemoved();
  try {
    await removeDue(tenantId, policy, batchSize, removed);
  } catch (error) {
    await withTenant(tenantId, async (tx) => {
      await tx.retentionRun.update({
        where: { id: run.id },
        data: { status: 'failed', removed: { ...removed }, error: 'The retention run stopped; it will be retried.', finishedAt: new Date() },
      });
      await recordAuditEvent(tx, tenantId, actor, { action: 'retention.run', targetType: 'retention_run', targetId: run.id, data: { kind, status: 'failed', removed: { ...removed } } });
    });
    throw error;
  }
  return withTenant(tenantId, async (tx) => {
    const finished = await tx.retentionRun.update({
      where: { id: run.id },
      data: { status: 'done', removed: { ...removed }, finishedAt: new Date() },
    });
    await recordAuditEvent(tx, tenantId, actor, {
      action: 'retention.run',
      targetType: 'retention_run',
      targetId: run.id,
      data: { kind, status: 'done', policy: { ...policy }, removed: { ...removed } },
    });
    return toRunSummary(finished);
  });
}

/** Every tenant id, for the scheduled sweep (a definer function: ids only, nothing else). */
export async function listRetentionTenants(): Promise<string[]> {
  const rows = await getAppClient().$queryRaw<{ id: string }[]>`SELECT retention_tenant_ids() AS id`;
  return rows.map((r) => r.id);
}
