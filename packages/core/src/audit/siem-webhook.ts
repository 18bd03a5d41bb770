import { createHmac, randomBytes } from 'node:crypto';
import { deriveKey, openSecret, readMasterKey, sealSecret } from '@vouch/auth';
import { withTenant, type TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { AppError } from '../errors';
import { assertPublicHost } from '../security/assert-public-host';
import { toAuditExportLine } from './audit-export-format';
import { recordAuditEvent } from './record-audit-event';

export const SIEM_SIGNATURE_HEADER = 'x-vouch-signature';
export const SIEM_TIMESTAMP_HEADER = 'x-vouch-timestamp';
export const SIEM_FORMAT = 'vouch-audit-stream/v1';
const BATCH = 100;
const TIMEOUT_MS = 10_000;

export const ZAuditWebhookInput = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  enabled: z.boolean().default(true),
  /** Rotates the signing secret; the new one is returned once. Always true for a first set-up. */
  rotateSecret: z.boolean().default(false),
});

export interface TAuditWebhookSummary {
  url: string;
  enabled: boolean;
  deliveredSeq: string;
  lastStatus: string | null;
  lastError: string | null;
  lastDeliveryAt: Date | null;
}

/** Loopback receivers are for tests and local development only (VOUCH_SIEM_ALLOW_LOOPBACK=1). */
export function siemAllowsLoopback(): boolean {
  return process.env.VOUCH_SIEM_ALLOW_LOOPBACK === '1';
}

function secretKey(tenantId: string): Buffer {
  return deriveKey(readMasterKey(), 'tenant-secrets', `audit-webhook:${tenantId}`);
}
const secretContext = (tenantId: string) => `audit-webhook-secret:${tenantId}`;

/** HMAC-SHA-256 over "<timestamp>.<body>", hex; the receiver recomputes it with the shared secret. */
export function signSiemPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function summary(row: { url: string; enabled: boolean; deliveredSeq: bigint; lastStatus: string | null; lastError: string | null; lastDeliveryAt: Date | null }): TAuditWebhookSummary {
  return { url: row.url, enabled: row.enabled, deliveredSeq: row.deliveredSeq.toString(), lastStatus: row.lastStatus, lastError: row.lastError, lastDeliveryAt: row.lastDeliveryAt };
}

export async function getAuditWebhook(tx: TenantTx, tenantId: string): Promise<TAuditWebhookSummary | null> {
  const row = await tx.auditWebhook.findUnique({ where: { tenantId } });
  return row ? summary(row) : null;
}

/**
 * Sets the tenant's SIEM webhook. The URL must resolve to a public address (SSRF guard), and is
 * checked again at every delivery. A new secret is generated on first set-up or on request and
 * returned once; only its sealed form is stored. The stream starts after the current head, so a
 * new receiver is not flooded with history (exports cover that). Audited without the secret.
 */
export async function configureAuditWebhook(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  input: z.input<typeof ZAuditWebhookInput>,
): Promise<{ webhook: TAuditWebhookSummary; secret: string | null }> {
  const { url, enabled, rotateSecret } = ZAuditWebhookInput.parse(input);
  await assertPublicHost(new URL(url), { allowLoopback: siemAllowsLoopback() });
  const existing = await tx.auditWebhook.findUnique({ where: { tenantId } });
  const secret = !existing || rotateSecret ? randomBytes(32).toString('base64url') : null;
  const head = await tx.auditEvent.aggregate({ where: { tenantId }, _max: { seq: true } });
  const updatedBy = actor.type === 'user' ? actor.userId : null;
  const sealed = secret ? sealSecret(secret, secretKey(tenantId), secretContext(tenantId)) : undefined;
  const row = existing
    ? await tx.auditWebhook.update({
        where: { tenantId },
        data: { url, enabled, ...(sealed ? { secretSealed: sealed } : {}), updatedBy, updatedAt: new Date() },
      })
    : await tx.auditWebhook.create({ data: { tenantId, url, enabled, secretSealed: sealed!, deliveredSeq: head._max.seq ?? 0n, updatedBy } });
  await recordAuditEvent(tx, tenantId, actor, {
    action: 'audit.webhook-update',
    targetType: 'audit_webhook',
    targetId: row.id,
    data: { before: existing ? { url: existing.url, enabled: existing.enabled } : null, after: { url, enabled }, secretRotated: secret !== null },
  });
  return { webhook: summary(row), secret };
}

export interface TSiemDeliveryResult {
  delivered: number;
  deliveredSeq: string | null;
  skipped?: 'not_configured' | 'disabled';
}

/**
 * Sends the tenant's audit events after the stream cursor, in batches, to its webhook: JSON
 * {format, tenantId, events[]} (events in the export line format, so a receiver can verify the
 * chain), signed with HMAC-SHA-256 in `x-vouch-signature` over "<x-vouch-timestamp>.<body>".
 * The webhook row is locked for the delivery, so two workers never send the same batch twice;
 * redirects are not followed. A failed batch throws (the job retries with backoff) and leaves the
 * cursor where it was. Tombstones are skipped.
 */
export async function deliverAuditEvents(tenantId: string, options: { maxBatches?: number; batchSize?: number } = {}): Promise<TSiemDeliveryResult> {
  let delivered = 0;
  let cursor: string | null = null;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch += 1) {
    const step = await withTenant(
      tenantId,
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM audit_webhooks WHERE tenant_id = ${tenantId}::uuid FOR UPDATE`;
        if (rows.length === 0) return { sent: 0, skipped: 'not_configured' as const };
        const hook = await tx.auditWebhook.findUniqueOrThrow({ where: { tenantId } });
        if (!hook.enabled) return { sent: 0, skipped: 'disabled' as const };
        const events = await tx.auditEvent.findMany({
          where: { tenantId, seq: { gt: hook.deliveredSeq }, tombstonedAt: null },
          orderBy: { seq: 'asc' },
          take: options.batchSize ?? BATCH,
        });
        cursor = hook.deliveredSeq.toString();
        if (events.length === 0) return { sent: 0 };
        const lines = events.map(toAuditExportLine);
        const body = JSON.stringify({ format: SIEM_FORMAT, tenantId, events: lines });
        const timestamp = String(Math.floor(Date.now() / 1000));
        const secret = openSecret(hook.secretSealed, secretKey(tenantId), secretContext(tenantId));
        let failure: string | null = null;
        try {
          // Checked at every delivery: a name may resolve elsewhere than when it was saved.
          await assertPublicHost(new URL(hook.url), { allowLoopback: siemAllowsLoopback() });
          const response = await fetch(hook.url, {
            method: 'POST',
            redirect: 'manual',
            signal: AbortSignal.timeout(TIMEOUT_MS),
            headers: {
              'content-type': 'application/json',
              'user-agent': 'vouch-audit-stream/1',
              [SIEM_TIMESTAMP_HEADER]: timestamp,
              [SIEM_SIGNATURE_HEADER]: signSiemPayload(secret, timestamp, body),
            },
            body,
          });
          await response.body?.cancel();
          if (response.status < 200 || response.status >= 300) failure = `the receiver answered HTTP ${response.status}`;
        } catch (error) {
          failure = error instanceof AppError ? error.publicMessage : 'the receiver could not be reached';
        }
        const last = events.at(-1)!.seq;
        await tx.auditWebhook.update({
          where: { tenantId },
          data: failure
            ? { lastStatus: 'failed', lastError: failure, lastDeliveryAt: new Date() }
            : { deliveredSeq: last, lastStatus: 'ok', lastError: null, lastDeliveryAt: new Date() },
        });
        if (failure) return { sent: 0, failure };
        cursor = last.toString();
        return { sent: events.length };
      },
      { timeoutMs: TIMEOUT_MS + 20_000 },
    );
    if ('failure' in step && step.failure) throw new AppError('UNAVAILABLE', `SIEM delivery failed: ${step.failure}.`);
    if ('skipped' in step && step.skipped) return { delivered, deliveredSeq: cursor, skipped: step.skipped };
    delivered += step.sent;
    if (step.sent < (options.batchSize ?? BATCH)) break;
  }
  return { delivered, deliveredSeq: cursor };
}
