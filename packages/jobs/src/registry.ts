import { z } from 'zod';

/**
 * Every job the platform runs: its queue and the zod schema its payload must satisfy. The
 * producer validates before enqueueing and the worker validates again before processing, so a
 * malformed job fails loudly and stays visible instead of being half-processed.
 */
export const JOBS = {
  'knowledge.ingest-version': {
    queue: 'knowledge',
    payload: z.object({ tenantId: z.uuid(), versionId: z.uuid() }),
  },
  'knowledge.crawl-website': {
    queue: 'knowledge',
    payload: z.object({
      tenantId: z.uuid(),
      startUrl: z.url(),
      maxDepth: z.int().min(0).max(5),
      maxPages: z.int().min(1).max(500),
      pathPrefix: z.string().nullable(),
      requestedBy: z.uuid().nullable(),
    }),
  },
  /** Re-embeds a tenant's chunks and/or rebuilds its full-text index; the target is in knowledge_settings. */
  'knowledge.reembed-tenant': {
    queue: 'knowledge',
    payload: z.object({ tenantId: z.uuid() }),
  },
  /** One evaluation run of an agent config version (its suite + the red-team pack); see core agent/run-evaluation. */
  'agent.evaluate-version': {
    queue: 'agent',
    payload: z.object({ tenantId: z.uuid(), runId: z.uuid() }),
  },
  'audit.verify-chain': {
    queue: 'audit',
    payload: z.object({ tenantId: z.uuid(), requestedBy: z.string().max(200) }),
  },
  'audit.export-events': {
    queue: 'audit',
    payload: z.object({
      tenantId: z.uuid(),
      /** Names the export's folder under the worker's export directory. */
      exportId: z.uuid(),
      requestedBy: z.string().max(200),
      from: z.iso.datetime().nullable(),
      to: z.iso.datetime().nullable(),
    }),
  },
  /** Repeatable (hourly): enqueues one retention run per tenant. Runs on the audit queue. */
  'compliance.retention-sweep': {
    queue: 'audit',
    payload: z.object({}),
  },
  /** Every minute: queues a SIEM delivery for each tenant whose audit webhook is enabled. */
  'compliance.siem-sweep': {
    queue: 'audit',
    payload: z.object({}),
  },
  /** Sends a tenant's new audit events to its signed SIEM webhook (retried with backoff). */
  'audit.deliver-webhook': {
    queue: 'audit',
    payload: z.object({ tenantId: z.uuid() }),
  },
  /** Deletes what is past one tenant's retention periods, in batches; see core compliance/run-retention. */
  'compliance.run-retention': {
    queue: 'audit',
    payload: z.object({
      tenantId: z.uuid(),
      kind: z.enum(['schedule', 'manual']),
      requestedBy: z.string().max(200).nullable(),
    }),
  },
} as const;

export type TJobName = keyof typeof JOBS;
export type TJobPayload<N extends TJobName> = z.infer<(typeof JOBS)[N]['payload']>;
export type TQueueName = (typeof JOBS)[TJobName]['queue'];

export const QUEUE_NAMES = [...new Set(Object.values(JOBS).map((job) => job.queue))] as TQueueName[];

export function isJobName(name: string): name is TJobName {
  return Object.hasOwn(JOBS, name);
}

export function parseJobPayload<N extends TJobName>(name: N, payload: unknown): TJobPayload<N> {
  return JOBS[name].payload.parse(payload) as TJobPayload<N>;
}
