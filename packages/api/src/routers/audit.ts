import type { TRPCRouterRecord } from '@trpc/server';
import { audit } from '@vouch/core';
import { z } from 'zod';
import { enqueue } from '@vouch/jobs';
import { can } from '../trpc';

export const auditRouter = {
  verifyChain: can('audit.read').query(({ ctx }) => audit.verify(ctx.db, ctx.tenant.id)),
  list: can('audit.read')
    .input(audit.ZListAuditEventsInput)
    .query(({ ctx, input }) => audit.listAuditEvents(ctx.db, input)),
  /**
   * Where a conversation, message, handoff, tool action or trace named by an audit event is, so the
   * Audit page can open it in Conversations. Needs transcripts.read (it leads to the transcript).
   */
  locateTarget: can('transcripts.read')
    .input(audit.ZLocateAuditTargetInput)
    .query(({ ctx, input }) => audit.locateAuditTarget(ctx.db, input)),
  /** Public by nature, but shown to those who audit: auditors pin it when verifying exports. */
  publicKey: can('audit.read').query(({ ctx }) => audit.getAuditPublicKey(ctx.tenant.id)),
  /** Starts an export job (progress and links through exportStatus, for the requester only). */
  requestExport: can('audit.export')
    .input(audit.ZAuditExportRange)
    .mutation(async ({ ctx, input }) => {
      const requested = await audit.requestAuditExport(ctx.db, ctx.tenant.id, ctx.actor, input);
      ctx.afterCommit(requested.enqueue);
      return { exportId: requested.exportId };
    }),
  /** The SIEM webhook stream (never its secret). */
  webhook: can('audit.read').query(({ ctx }) => audit.getAuditWebhook(ctx.db, ctx.tenant.id)),
  /** Streaming the trail out is an export: it needs audit.export. Returns a new secret once. */
  configureWebhook: can('audit.export')
    .input(audit.ZAuditWebhookInput)
    .mutation(async ({ ctx, input }) => {
      const result = await audit.configureAuditWebhook(ctx.db, ctx.tenant.id, ctx.actor, input);
      const tenantId = ctx.tenant.id;
      if (result.webhook.enabled) ctx.afterCommit(() => enqueue('audit.deliver-webhook', { tenantId }));
      return result;
    }),
  /** The caller's own past exports (from the audit trail and the signed manifests on disk). */
  exports: can('audit.export')
    .input(audit.ZListAuditExportsInput)
    .query(({ ctx, input }) => audit.listAuditExports(ctx.db, ctx.tenant.id, ctx.actor, input)),
  exportStatus: can('audit.export')
    .input(z.object({ exportId: z.uuid() }))
    .query(({ ctx, input }) => audit.getAuditExportStatus(ctx.tenant.id, ctx.actor, input.exportId)),
} satisfies TRPCRouterRecord;
