import { deriveKey, openSecret, readMasterKey } from '@vouch/auth';
import { type Prisma, withTenant } from '@vouch/db';
import { redact, scanDocumentForInjection, type TEntityType } from '@vouch/guard';
import { assertIndexDimensions, chunkMarkdown, type TEmbeddingsChoice } from '@vouch/rag';
import { record } from '../audit';
import type { TActor } from '../actor';
import { AppError, isAppError } from '../errors';
import { normalizeText, parseDocument, type TSupportedMimeType } from './parse-document';
import { uploadContext } from './upload-source';
import { embeddingsFor, ensureKnowledgeSettings, lockKnowledgeSettings } from './knowledge-settings';

// Help articles legitimately publish the company's own contact details; everything that
// identifies a customer or unlocks something is removed before text is stored or embedded.
const KNOWLEDGE_REDACTED_TYPES: readonly TEntityType[] = [
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'IP_ADDRESS',
  'PERSON',
  'DATE_OF_BIRTH',
  'PASSPORT',
  'NATIONAL_ID',
  'SECRET',
];

const WORKER_ACTOR: TActor = { type: 'system', name: 'worker:knowledge' };
const EMBED_BATCH = 64;

export interface TIngestOutcome {
  versionId: string;
  status: 'pending_review' | 'quarantined';
  chunkCount: number;
  redactions: Record<string, number>;
  alreadyIndexed: boolean;
}

export type TProgressReporter = (percent: number, stage: string) => Promise<void>;

// Progress is written to the version row at most once a second: small documents finish in
// milliseconds and would otherwise spend most of their time on progress round trips.
const PROGRESS_WRITE_INTERVAL_MS = 1000;

function createProgressWriter(tenantId: string, versionId: string, reporter?: TProgressReporter) {
  let lastWrite = 0;
  return async (percent: number, stage: string): Promise<void> => {
    const now = Date.now();
    if (lastWrite === 0 || now - lastWrite >= PROGRESS_WRITE_INTERVAL_MS) {
      lastWrite = now;
      await withTenant(tenantId, (tx) =>
        tx.sourceVersion.update({ where: { id: versionId }, data: { ingestProgress: Math.round(percent), ingestStatus: 'processing', ingestError: null } }),
      );
    }
    await reporter?.(percent, stage);
  };
}

/** Marks a version failed with a message safe to show in the console, and audits it. */
export async function markIngestionFailed(tenantId: string, versionId: string, error: unknown): Promise<void> {
  const message = isAppError(error) ? error.publicMessage : 'Ingestion failed unexpectedly; it will be retried.';
  await withTenant(tenantId, async (tx) => {
    await tx.sourceVersion.update({ where: { id: versionId }, data: { ingestStatus: 'failed', ingestError: message } });
    await record(tx, tenantId, WORKER_ACTOR, { action: 'knowledge.ingest-fail', targetType: 'source_version', targetId: versionId, data: { error: message } });
  });
}

/**
 * The ingestion pipeline for one uploaded version: open the sealed upload → parse → normalise →
 * redact (guard) → scan for instructions aimed at an AI (guard) → chunk → embed → write the
 * document and its chunks in one transaction → hand the version to review (or quarantine it).
 * Idempotent: re-running replaces the version's chunks, so a retried or resumed job never
 * duplicates them.
 */
export async function ingestSourceVersion(
  tenantId: string,
  versionId: string,
  options: {
    /** Reused when it is the tenant's embedder; also the tenant's first embedder if it has none yet. */
    embeddings?: TEmbeddingsChoice;
    onProgress?: TProgressReporter;
  } = {},
): Promise<TIngestOutcome> {
  const { version: loaded, settings } = await withTenant(tenantId, async (tx) => {
    const version = await tx.sourceVersion.findUnique({ where: { id: versionId }, include: { upload: true, source: true } });
    if (!version) throw new AppError('NOT_FOUND', 'The source version no longer exists.');
    // The tenant's embedder, stored per tenant: vectors of one tenant always share one model and size.
    return { version, settings: await ensureKnowledgeSettings(tx, tenantId, options.embeddings?.spec) };
  });
  if (loaded.ingestStatus === 'indexed') {
    return { versionId, status: loaded.status as TIngestOutcome['status'], chunkCount: loaded.chunkCount, redactions: loaded.redactionSummary as Record<string, number>, alreadyIndexed: true };
  }
  const upload = loaded.upload;
  if (!upload?.contentSealed) throw new AppError('CONFLICT', 'The upload of this version was purged; upload the file again.');
  const setProgress = createProgressWriter(tenantId, versionId, options.onProgress);
  await setProgress(5, 'parse');

  const key = deriveKey(readMasterKey(), 'tenant-uploads', tenantId);
  const bytes = Buffer.from(openSecret(upload.contentSealed, key, uploadContext(tenantId, versionId)), 'base64');
  const parsed = await parseDocument(bytes, upload.mimeType as TSupportedMimeType);
  const normalized = normalizeText(parsed.markdown);
  if (!normalized) throw new AppError('BAD_REQUEST', `"${upload.fileName}" contains no readable text.`);
  await setProgress(20, 'redact');

  const redacted = redact(normalized, { entities: KNOWLEDGE_REDACTED_TYPES, operators: { CREDIT_CARD: 'mask' } });
  const redactions: Record<string, number> = {};
  for (const entity of redacted.entities) redactions[entity.type] = (redactions[entity.type] ?? 0) + 1;
  // The scan runs on the original text: an instruction hidden in a redacted span still counts.
  const scan = scanDocumentForInjection(normalized);
  const quarantineReasons = [
    ...(scan.flagged ? [`Instructions aimed at an AI assistant (${[...new Set(scan.findings.map((f) => f.family))].join(', ')})`] : []),
    ...(redactions.SECRET ? [`Contains ${redactions.SECRET} secret(s) such as API keys or private keys`] : []),
  ];
  await setProgress(35, 'chunk');

  const title = /^#\s+(.+)$/m.exec(redacted.text)?.[1]?.trim() ?? loaded.source.name;
  const chunks = await chunkMarkdown(redacted.text);
  const embeddings = options.embeddings && options.embeddings.id === settings.embedder.id ? options.embeddings : await embeddingsFor(settings.embedder);
  const vectors: number[][] = [];
  for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
    const batch = chunks.slice(i, i + EMBED_BATCH);
    const embedded = await embeddings.embeddings.embedDocuments(batch.map((c) => `${c.heading ?? ''}\n${c.content}`));
    for (const vector of embedded) assertIndexDimensions(vector, embeddings.id, settings.embedder.dimensions);
    vectors.push(...embedded);
    await setProgress(35 + (55 * Math.min(chunks.length, i + EMBED_BATCH)) / Math.max(1, chunks.length), 'embed');
  }

  const status = quarantineReasons.length > 0 ? 'quarantined' : 'pending_review';
  await withTenant(tenantId, async (tx) => {
    // Held until commit, so a re-index cannot switch embedders between this check and the write.
    const current = await lockKnowledgeSettings(tx, 'share');
    if (current.embedder.id !== embeddings.id) throw new Error('The tenant switched embedders during ingestion; the job will be retried with the new one.');
    await tx.document.deleteMany({ where: { sourceVersionId: versionId } });
    const document = await tx.document.create({
      data: { tenantId, sourceVersionId: versionId, title, content: redacted.text, mimeType: upload.mimeType, url: null },
    });
    if (chunks.length > 0) {
      await tx.$executeRaw`
        INSERT INTO chunks (tenant_id, document_id, ordinal, content, heading, token_count, embedding)
        SELECT ${tenantId}::uuid, ${document.id}::uuid, c.ordinal, c.content, c.heading, c.token_count, c.embedding::vector
        FROM unnest(${chunks.map((c) => c.ordinal)}::int[], ${chunks.map((c) => c.content)}::text[],
                    ${chunks.map((c) => c.heading)}::text[], ${chunks.map((c) => c.tokenCount)}::int[],
                    ${vectors.map((v) => `[${v.join(',')}]`)}::text[])
          AS c(ordinal, content, heading, token_count, embedding)`;
    }
    await tx.sourceVersion.update({
      where: { id: versionId },
      data: {
        status,
        ingestStatus: 'indexed',
        ingestProgress: 100,
        ingestError: null,
        indexedAt: new Date(),
        chunkCount: chunks.length,
        embeddingModel: embeddings.id,
        redactionSummary: redactions,
        injectionFindings: scan.findings.map((f) => ({ start: f.start, end: f.end, family: f.family, evidence: f.evidence })) as Prisma.InputJsonValue,
        quarantineReason: quarantineReasons.join('; ') || null,
        metadata: { pageCount: parsed.pageCount, characters: normalized.length },
      },
    });
    const serving = await tx.sourceVersion.count({ where: { sourceId: loaded.sourceId, status: 'approved' } });
    if (serving === 0) await tx.knowledgeSource.update({ where: { id: loaded.sourceId }, data: { status, updatedAt: new Date() } });
    await record(tx, tenantId, WORKER_ACTOR, {
      action: status === 'quarantined' ? 'knowledge.quarantine' : 'knowledge.indexed',
      targetType: 'source_version',
      targetId: versionId,
      data: { chunkCount: chunks.length, redactions, reasons: quarantineReasons, embeddingModel: embeddings.id },
    });
  });
  await options.onProgress?.(100, 'done');
  return { versionId, status, chunkCount: chunks.length, redactions, alreadyIndexed: false };
}
