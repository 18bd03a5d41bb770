import { deriveKey, readMasterKey, sealSecret } from '@vouch/auth';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { createHash } from 'node:crypto';
import { MAX_UPLOAD_BYTES, mimeTypeOf, SUPPORTED_TYPES, type TSupportedMimeType } from './parse-document';

/** What a person may send: a file, optionally as a new version of one of the tenant's sources. */
export const ZUserUploadInput = z.object({
  sourceId: z.uuid().nullish(),
  name: z.string().trim().min(1).max(200).nullish(),
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, 'The file is larger than 10 MB.'),
});

/** The full input, including fields only system jobs (the crawler) may set. */
export const ZUploadSourceInput = z.object({
  /** Set to add a new version to an existing source; omitted for a new source. */
  sourceId: z.uuid().nullish(),
  name: z.string().trim().min(1).max(200).nullish(),
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, 'The file is larger than 10 MB.'),
  /** For content whose name says nothing of its type (crawled URLs). */
  mimeType: z.enum(Object.keys(SUPPORTED_TYPES) as [TSupportedMimeType, ...TSupportedMimeType[]]).nullish(),
  sourceType: z.enum(['file', 'article', 'faq', 'website']).nullish(),
  /** The person on whose behalf a system job uploads (they may then not approve it). */
  uploadedBy: z.uuid().nullish(),
});

export interface TUploadedVersion {
  sourceId: string;
  versionId: string;
  version: number;
}

export function uploadContext(tenantId: string, versionId: string): string {
  return `upload:${tenantId}:${versionId}`;
}

/**
 * Stores an upload as a new draft version (of a new or existing source), sealed under the
 * tenant's upload key because it is still unredacted. The caller enqueues ingestion after commit.
 */
export async function uploadSource(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZUploadSourceInput>,
): Promise<TUploadedVersion> {
  const input = ZUploadSourceInput.parse(rawInput);
  // Who uploaded decides who may approve (four eyes): only system jobs may name someone else.
  if (actor.type !== 'system' && (input.uploadedBy != null || input.mimeType != null || input.sourceType != null)) {
    throw new AppError('FORBIDDEN', 'Only system jobs may set the uploader, type or source kind of an upload.');
  }
  return storeSourceVersion(tx, tenantId, actor, input);
}

/**
 * Stores validated content as a new version. Internal to knowledge: callers either checked that
 * the actor may set every field (uploadSource) or set the kind themselves (pasted articles, FAQs);
 * the uploader is always the acting person unless a system job names one.
 */
export async function storeSourceVersion(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  input: z.output<typeof ZUploadSourceInput>,
): Promise<TUploadedVersion> {
  if (actor.type !== 'system' && input.uploadedBy != null) throw new AppError('FORBIDDEN', 'Only system jobs may set the uploader.');
  const mimeType = input.mimeType ?? mimeTypeOf(input.fileName);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.byteLength === 0) throw new AppError('BAD_REQUEST', `"${input.fileName}" is empty.`);
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError('BAD_REQUEST', `"${input.fileName}" is larger than 10 MB.`);

  let sourceId = input.sourceId ?? null;
  let version = 1;
  if (sourceId) {
    const source = await tx.knowledgeSource.findUnique({ where: { id: sourceId } });
    if (!source) throw new AppError('NOT_FOUND', 'No such knowledge source.');
    if (input.sourceType && input.sourceType !== source.type) throw new AppError('BAD_REQUEST', `That source holds ${source.type} content, not ${input.sourceType}.`);
    const latest = await tx.sourceVersion.findFirst({ where: { sourceId }, orderBy: { version: 'desc' }, select: { version: true } });
    version = (latest?.version ?? 0) + 1;
  } else {
    const name = input.name ?? input.fileName.replace(/\.(faq\.json|[a-z]+)$/i, '').replace(/[-_]+/g, ' ');
    const created = await tx.knowledgeSource.create({
      data: {
        tenantId,
        name,
        type: input.sourceType ?? (mimeType === 'application/vnd.vouch.faq+json' ? 'faq' : 'file'),
        status: 'draft',
        createdBy: actor.type === 'user' ? actor.userId : null,
      },
    });
    sourceId = created.id;
  }
  const created = await tx.sourceVersion.create({
    data: {
      tenantId,
      sourceId,
      version,
      status: 'draft',
      fileName: input.fileName,
      contentSha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: input.uploadedBy ?? (actor.type === 'user' ? actor.userId : null),
      ingestStatus: 'queued',
    },
  });
  const key = deriveKey(readMasterKey(), 'tenant-uploads', tenantId);
  await tx.sourceUpload.create({
    data: {
      tenantId,
      sourceVersionId: created.id,
      fileName: input.fileName,
      mimeType,
      byteSize: bytes.byteLength,
      contentSealed: sealSecret(bytes.toString('base64'), key, uploadContext(tenantId, created.id)),
    },
  });
  await record(tx, tenantId, actor, {
    action: 'knowledge.upload',
    targetType: 'source_version',
    targetId: created.id,
    data: { sourceId, version, fileName: input.fileName, mimeType, byteSize: bytes.byteLength },
  });
  return { sourceId, versionId: created.id, version };
}
