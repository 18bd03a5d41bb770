import { Prisma, type TenantTx } from '@vouch/db';
import { createEmbeddings, embedderId, embedderSpecFromEnv, ZEmbedderSpec, type TEmbedderSpec, type TEmbeddingsChoice } from '@vouch/rag';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';

/** Full-text configurations a tenant may choose (Postgres regconfig names). */
export const TEXT_SEARCH_CONFIGS = ['english', 'german', 'french', 'spanish', 'italian', 'portuguese', 'simple'] as const;
export const ZTextSearchConfig = z.enum(TEXT_SEARCH_CONFIGS);
export type TTextSearchConfig = z.infer<typeof ZTextSearchConfig>;

export type TReindexStatus = 'idle' | 'queued' | 'running' | 'failed';

export interface TKnowledgeSettings {
  embedder: TEmbedderSpec & { id: string };
  textSearchConfig: TTextSearchConfig;
  /** What the running (or failed) re-index will switch to; null when nothing is pending. */
  pending: { embedder: (TEmbedderSpec & { id: string }) | null; textSearchConfig: TTextSearchConfig | null } | null;
  reindex: {
    status: TReindexStatus;
    done: number;
    total: number;
    error: string | null;
    startedAt: Date | null;
    finishedAt: Date | null;
  };
  /** False until the tenant's first ingestion (or change) records the choice. */
  stored: boolean;
}

type TSettingsRow = Prisma.KnowledgeSettingsGetPayload<object>;

// Locking reads need raw SQL (Prisma has no FOR SHARE/UPDATE); one statement locks and reads.
const LOCKED_COLUMNS = Prisma.raw('*');

function specOf(provider: string, model: string, dimensions: number): TEmbedderSpec & { id: string } {
  const spec = ZEmbedderSpec.parse({ provider, model, dimensions });
  return { ...spec, id: embedderId(spec) };
}

function toSettings(row: TSettingsRow | null): TKnowledgeSettings {
  if (!row) {
    const spec = embedderSpecFromEnv();
    return {
      embedder: { ...spec, id: embedderId(spec) },
      textSearchConfig: 'english',
      pending: null,
      reindex: { status: 'idle', done: 0, total: 0, error: null, startedAt: null, finishedAt: null },
      stored: false,
    };
  }
  const pendingEmbedder =
    row.pendingEmbeddingProvider && row.pendingEmbeddingModel && row.pendingEmbeddingDimensions
      ? specOf(row.pendingEmbeddingProvider, row.pendingEmbeddingModel, row.pendingEmbeddingDimensions)
      : null;
  const pendingConfig = row.pendingTextSearchConfig ? ZTextSearchConfig.parse(row.pendingTextSearchConfig) : null;
  return {
    embedder: specOf(row.embeddingProvider, row.embeddingModel, row.embeddingDimensions),
    textSearchConfig: ZTextSearchConfig.parse(row.textSearchConfig),
    pending: pendingEmbedder || pendingConfig ? { embedder: pendingEmbedder, textSearchConfig: pendingConfig } : null,
    reindex: {
      status: row.reindexStatus as TReindexStatus,
      done: row.reindexDone,
      total: row.reindexTotal,
      error: row.reindexError,
      startedAt: row.reindexStartedAt,
      finishedAt: row.reindexFinishedAt,
    },
    stored: true,
  };
}

/** The tenant's embedder and full-text configuration, and the state of any re-index. */
export async function getKnowledgeSettings(tx: TenantTx): Promise<TKnowledgeSettings> {
  return toSettings(await tx.knowledgeSettings.findFirst());
}

/**
 * Records the tenant's settings row if it has none yet, with the given embedder (or the env's
 * default), so later env changes do not silently change which embedder its vectors came from.
 */
export async function ensureKnowledgeSettings(tx: TenantTx, tenantId: string, initial?: TEmbedderSpec): Promise<TKnowledgeSettings> {
  const existing = await getKnowledgeSettings(tx);
  if (existing.stored) return existing;
  const spec = initial ?? embedderSpecFromEnv();
  await tx.$executeRaw`
    INSERT INTO knowledge_settings (tenant_id, embedding_provider, embedding_model, embedding_dimensions)
    VALUES (${tenantId}::uuid, ${spec.provider}, ${spec.model}, ${spec.dimensions})
    ON CONFLICT (tenant_id) DO NOTHING`;
  return getKnowledgeSettings(tx);
}

/** Locks the settings row (share or update) for the rest of the transaction and returns it. */
export async function lockKnowledgeSettings(tx: TenantTx, mode: 'share' | 'update'): Promise<TKnowledgeSettings> {
  const rows =
    mode === 'share'
      ? await tx.$queryRaw<TLockedRow[]>`SELECT ${LOCKED_COLUMNS} FROM knowledge_settings FOR SHARE`
      : await tx.$queryRaw<TLockedRow[]>`SELECT ${LOCKED_COLUMNS} FROM knowledge_settings FOR UPDATE`;
  const row = rows[0];
  if (!row) return toSettings(null);
  return toSettings({
    id: row.id,
    tenantId: row.tenant_id,
    embeddingProvider: row.embedding_provider,
    embeddingModel: row.embedding_model,
    embeddingDimensions: row.embedding_dimensions,
    textSearchConfig: row.text_search_config,
    pendingEmbeddingProvider: row.pending_embedding_provider,
    pendingEmbeddingModel: row.pending_embedding_model,
    pendingEmbeddingDimensions: row.pending_embedding_dimensions,
    pendingTextSearchConfig: row.pending_text_search_config,
    reindexStatus: row.reindex_status,
    reindexDone: row.reindex_done,
    reindexTotal: row.reindex_total,
    reindexError: row.reindex_error,
    reindexRequestedBy: row.reindex_requested_by,
    reindexStartedAt: row.reindex_started_at,
    reindexFinishedAt: row.reindex_finished_at,
    updatedAt: row.updated_at,
  });
}

interface TLockedRow {
  id: string;
  tenant_id: string;
  embedding_provider: string;
  embedding_model: string;
  embedding_dimensions: number;
  text_search_config: string;
  pending_embedding_provider: string | null;
  pending_embedding_model: string | null;
  pending_embedding_dimensions: number | null;
  pending_text_search_config: string | null;
  reindex_status: string;
  reindex_done: number;
  reindex_total: number;
  reindex_error: string | null;
  reindex_requested_by: string | null;
  reindex_started_at: Date | null;
  reindex_finished_at: Date | null;
  updated_at: Date;
}

const embedderCache = new Map<string, Promise<TEmbeddingsChoice>>();

/** The embedder a spec names, built once per process. */
export function embeddingsFor(spec: TEmbedderSpec): Promise<TEmbeddingsChoice> {
  const id = embedderId(spec);
  let choice = embedderCache.get(id);
  if (!choice) {
    choice = createEmbeddings(spec).catch((error: unknown) => {
      embedderCache.delete(id);
      throw new AppError('UNAVAILABLE', `The embedder ${id} is not available on this deployment: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
    embedderCache.set(id, choice);
  }
  return choice;
}

/** The tenant's current embedder, for queries (the one its serving vectors came from). */
export async function tenantEmbeddings(tx: TenantTx): Promise<TEmbeddingsChoice> {
  const settings = await getKnowledgeSettings(tx);
  return embeddingsFor(settings.embedder);
}

export const ZRequestReindexInput = z
  .object({
    embedder: ZEmbedderSpec.nullish(),
    textSearchConfig: ZTextSearchConfig.nullish(),
  })
  .refine((v) => v.embedder != null || v.textSearchConfig != null, { message: 'Choose an embedder or a text search language.' });

/**
 * Asks for the tenant's knowledge to be re-indexed: with another embedder (or the same one,
 * to rebuild its vectors) and/or another full-text language. Only records the target; the
 * knowledge.reembed-tenant job does the work and switches when done, so the old index keeps
 * serving meanwhile. The caller enqueues the job after commit.
 */
export async function requestKnowledgeReindex(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZRequestReindexInput>,
): Promise<TKnowledgeSettings> {
  const input = ZRequestReindexInput.parse(rawInput);
  const before = await ensureKnowledgeSettings(tx, tenantId);
  await lockKnowledgeSettings(tx, 'update');
  if (before.reindex.status === 'queued' || before.reindex.status === 'running') {
    throw new AppError('CONFLICT', 'A re-index is already in progress; wait for it to finish.');
  }
  const embedder = input.embedder ?? null;
  const config = input.textSearchConfig && input.textSearchConfig !== before.textSearchConfig ? input.textSearchConfig : null;
  if (!embedder && !config) throw new AppError('BAD_REQUEST', `The text search language is already ${before.textSearchConfig}.`);
  // Vectors already computed for a different target (a failed earlier run) must not be reused.
  if (!embedder || before.pending?.embedder?.id !== embedderId(embedder)) {
    await tx.$executeRaw`UPDATE chunks SET embedding_next = NULL WHERE embedding_next IS NOT NULL`;
  }
  const total = await tx.chunk.count();
  await tx.knowledgeSettings.update({
    where: { tenantId },
    data: {
      pendingEmbeddingProvider: embedder?.provider ?? null,
      pendingEmbeddingModel: embedder?.model ?? null,
      pendingEmbeddingDimensions: embedder?.dimensions ?? null,
      pendingTextSearchConfig: config,
      reindexStatus: 'queued',
      reindexDone: 0,
      reindexTotal: total,
      reindexError: null,
      reindexRequestedBy: actor.type === 'user' ? actor.userId : null,
      reindexStartedAt: null,
      reindexFinishedAt: null,
      updatedAt: new Date(),
    },
  });
  await record(tx, tenantId, actor, {
    action: 'knowledge.reindex-request',
    targetType: 'knowledge_settings',
    targetId: tenantId,
    data: {
      from: { embedder: before.embedder.id, textSearchConfig: before.textSearchConfig },
      to: { embedder: embedder ? embedderId(embedder) : before.embedder.id, textSearchConfig: config ?? before.textSearchConfig },
      chunks: total,
    },
  });
  return getKnowledgeSettings(tx);
}
