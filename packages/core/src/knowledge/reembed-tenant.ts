import { withTenant } from '@vouch/db';
import { assertIndexDimensions } from '@vouch/rag';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError, isAppError } from '../errors';
import { embeddingsFor, getKnowledgeSettings, lockKnowledgeSettings } from './knowledge-settings';

const REINDEX_ACTOR: TActor = { type: 'system', name: 'worker:knowledge-reindex' };
const DEFAULT_BATCH = 128;

export interface TReembedOutcome {
  /** False when there was nothing pending (already switched: a re-run is a no-op). */
  switched: boolean;
  embedder: string;
  textSearchConfig: string;
  chunks: number;
}

export type TReembedProgress = (done: number, total: number) => Promise<void>;

async function progressCounts(tenantId: string): Promise<{ done: number; total: number }> {
  return withTenant(tenantId, async (tx) => {
    const [row] = await tx.$queryRaw<{ total: bigint; remaining: bigint }[]>`
      SELECT count(*) AS total, count(*) FILTER (WHERE embedding_next IS NULL) AS remaining FROM chunks`;
    const total = Number(row?.total ?? 0);
    return { done: total - Number(row?.remaining ?? 0), total };
  });
}

/**
 * Carries out a tenant's pending re-index (see requestKnowledgeReindex). Phase 1 embeds every
 * chunk with the pending embedder into `embedding_next`, in batches, committing each batch (so a
 * killed worker resumes where it stopped and a re-run repeats nothing). Chunks ingested
 * meanwhile are picked up by the next pass. Phase 2 switches in one transaction that holds the
 * settings row: vectors, tsvectors (when the language changes) and the settings together, so
 * queries see either the old index or the new one, never a mix.
 */
export async function reembedTenant(
  tenantId: string,
  options: { batchSize?: number; onProgress?: TReembedProgress } = {},
): Promise<TReembedOutcome> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const settings = await withTenant(tenantId, (tx) => getKnowledgeSettings(tx));
  if (!settings.pending) {
    return { switched: false, embedder: settings.embedder.id, textSearchConfig: settings.textSearchConfig, chunks: 0 };
  }
  const target = settings.pending.embedder;
  await withTenant(tenantId, async (tx) => {
    await tx.knowledgeSettings.update({
      where: { tenantId },
      data: { reindexStatus: 'running', reindexError: null, reindexStartedAt: settings.reindex.startedAt ?? new Date() },
    });
    if (settings.reindex.status !== 'running') {
      await record(tx, tenantId, REINDEX_ACTOR, {
        action: 'knowledge.reindex-start',
        targetType: 'knowledge_settings',
        targetId: tenantId,
        data: { embedder: target?.id ?? null, textSearchConfig: settings.pending?.textSearchConfig ?? null, resumed: settings.reindex.status === 'failed' },
      });
    }
  });

  // Counted once per pass and then kept up to date, not recounted per batch (that is O(n²)).
  let counts = { done: 0, total: 0 };
  const report = async (added: number) => {
    counts = { done: Math.min(counts.total, counts.done + added), total: counts.total };
    await withTenant(tenantId, (tx) => tx.knowledgeSettings.update({ where: { tenantId }, data: { reindexDone: counts.done, reindexTotal: counts.total } }));
    await options.onProgress?.(counts.done, counts.total);
  };

  for (;;) {
    if (target) {
      const embeddings = await embeddingsFor(target);
      counts = await progressCounts(tenantId);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const batch = await withTenant(tenantId, (tx) =>
          tx.$queryRaw<{ id: string; heading: string | null; content: string }[]>`
            SELECT id, heading, content FROM chunks
            WHERE tenant_id = ${tenantId}::uuid AND embedding_next IS NULL AND id > ${after}::uuid
            ORDER BY id LIMIT ${batchSize}`,
        );
        if (batch.length === 0) break;
        after = batch[batch.length - 1]!.id;
        // Same text as ingestion embeds, so a re-embedded chunk equals a freshly ingested one.
        const vectors = await embeddings.embeddings.embedDocuments(batch.map((c) => `${c.heading ?? ''}\n${c.content}`));
        for (const vector of vectors) assertIndexDimensions(vector, embeddings.id, target.dimensions);
        await withTenant(tenantId, (tx) =>
          tx.$executeRaw`
            UPDATE chunks c SET embedding_next = v.embedding::vector
            FROM unnest(${batch.map((b) => b.id)}::uuid[], ${vectors.map((v) => `[${v.join(',')}]`)}::text[]) AS v(id, embedding)
            WHERE c.id = v.id AND c.embedding_next IS NULL`,
        );
        await report(batch.length);
      }
    }
    const outcome = await withTenant(
      tenantId,
      async (tx): Promise<TReembedOutcome | 'again'> => {
        const current = await lockKnowledgeSettings(tx, 'update');
        if (!current.pending) return { switched: false, embedder: current.embedder.id, textSearchConfig: current.textSearchConfig, chunks: 0 };
        const pendingEmbedder = current.pending.embedder;
        if (pendingEmbedder?.id !== target?.id) throw new AppError('CONFLICT', 'The re-index target changed while the job ran; it will start over.');
        if (pendingEmbedder) {
          const [left] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM chunks WHERE tenant_id = ${tenantId}::uuid AND embedding_next IS NULL`;
          // Chunks ingested since the last pass: embed them too, then come back.
          if (Number(left?.n ?? 0) > 0) return 'again';
          await tx.$executeRaw`UPDATE chunks SET embedding = embedding_next, embedding_next = NULL WHERE tenant_id = ${tenantId}::uuid`;
        }
        const config = current.pending.textSearchConfig;
        if (config) {
          await tx.$executeRaw`
            UPDATE chunks SET tsv = to_tsvector(${config}::regconfig, coalesce(heading, '') || ' ' || content)
            WHERE tenant_id = ${tenantId}::uuid`;
        }
        const chunks = await tx.chunk.count();
        const embedder = pendingEmbedder ?? current.embedder;
        const textSearchConfig = config ?? current.textSearchConfig;
        await tx.knowledgeSettings.update({
          where: { tenantId },
          data: {
            embeddingProvider: embedder.provider,
            embeddingModel: embedder.model,
            embeddingDimensions: embedder.dimensions,
            textSearchConfig,
            pendingEmbeddingProvider: null,
            pendingEmbeddingModel: null,
            pendingEmbeddingDimensions: null,
            pendingTextSearchConfig: null,
            reindexStatus: 'idle',
            reindexDone: chunks,
            reindexTotal: chunks,
            reindexError: null,
            reindexFinishedAt: new Date(),
            updatedAt: new Date(),
          },
        });
        // Versions record which embedder their serving vectors came from.
        if (pendingEmbedder) await tx.sourceVersion.updateMany({ where: { ingestStatus: 'indexed' }, data: { embeddingModel: embedder.id } });
        await record(tx, tenantId, REINDEX_ACTOR, {
          action: 'knowledge.reindex-complete',
          targetType: 'knowledge_settings',
          targetId: tenantId,
          data: { from: { embedder: current.embedder.id, textSearchConfig: current.textSearchConfig }, to: { embedder: embedder.id, textSearchConfig }, chunks },
        });
        return { switched: true, embedder: embedder.id, textSearchConfig, chunks };
      },
      // The switch rewrites every chunk of the tenant in one transaction.
      { timeoutMs: 600_000 },
    );
    if (outcome !== 'again') {
      await options.onProgress?.(outcome.chunks, outcome.chunks);
      return outcome;
    }
  }
}

/** Marks a re-index failed (the old index keeps serving) with a message safe to show, and audits it. */
export async function markReindexFailed(tenantId: string, error: unknown): Promise<void> {
  const message = isAppError(error) ? error.publicMessage : error instanceof Error && /dimensions/.test(error.message) ? error.message : 'Re-indexing failed unexpectedly; the current index keeps serving.';
  await withTenant(tenantId, async (tx) => {
    await tx.knowledgeSettings.updateMany({ where: { tenantId }, data: { reindexStatus: 'failed', reindexError: message } });
    await record(tx, tenantId, REINDEX_ACTOR, { action: 'knowledge.reindex-fail', targetType: 'knowledge_settings', targetId: tenantId, data: { error: message } });
  });
}
