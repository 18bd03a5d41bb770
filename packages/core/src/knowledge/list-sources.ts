import type { TenantTx } from '@vouch/db';
import { AppError } from '../errors';

export interface TSourceVersionSummary {
  id: string;
  version: number;
  status: string;
  fileName: string | null;
  ingestStatus: string;
  ingestProgress: number;
  ingestError: string | null;
  chunkCount: number;
  redactionSummary: Record<string, number>;
  quarantineReason: string | null;
  uploadedBy: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}

export interface TSourceSummary {
  id: string;
  name: string;
  type: string;
  status: string;
  servingVersion: number | null;
  latest: TSourceVersionSummary | null;
  updatedAt: Date;
}

const VERSION_FIELDS = {
  id: true,
  version: true,
  status: true,
  fileName: true,
  ingestStatus: true,
  ingestProgress: true,
  ingestError: true,
  chunkCount: true,
  redactionSummary: true,
  quarantineReason: true,
  uploadedBy: true,
  reviewedBy: true,
  reviewNote: true,
  createdAt: true,
  reviewedAt: true,
} as const;

type TVersionRow = Omit<TSourceVersionSummary, 'redactionSummary'> & { redactionSummary: unknown };
const toSummary = (v: TVersionRow): TSourceVersionSummary => ({ ...v, redactionSummary: (v.redactionSummary ?? {}) as Record<string, number> });

export async function listSources(tx: TenantTx): Promise<TSourceSummary[]> {
  const sources = await tx.knowledgeSource.findMany({
    orderBy: { updatedAt: 'desc' },
    include: { versions: { orderBy: { version: 'desc' }, select: VERSION_FIELDS } },
    take: 500,
  });
  return sources.map((s) => ({
    id: s.id,
    name: s.name,
    type: s.type,
    status: s.status,
    servingVersion: s.versions.find((v) => v.status === 'approved')?.version ?? null,
    latest: s.versions[0] ? toSummary(s.versions[0]) : null,
    updatedAt: s.updatedAt,
  }));
}

export async function getSource(tx: TenantTx, sourceId: string): Promise<TSourceSummary & { versions: TSourceVersionSummary[] }> {
  const source = await tx.knowledgeSource.findUnique({
    where: { id: sourceId },
    include: { versions: { orderBy: { version: 'desc' }, select: VERSION_FIELDS } },
  });
  if (!source) throw new AppError('NOT_FOUND', 'No such knowledge source.');
  const versions = source.versions.map(toSummary);
  return {
    id: source.id,
    name: source.name,
    type: source.type,
    status: source.status,
    servingVersion: versions.find((v) => v.status === 'approved')?.version ?? null,
    latest: versions[0] ?? null,
    updatedAt: source.updatedAt,
    versions,
  };
}

/** The redacted text of one version, for the console's view and diff. */
export async function getSourceVersionText(tx: TenantTx, versionId: string): Promise<{ title: string; content: string } | null> {
  const document = await tx.document.findFirst({ where: { sourceVersionId: versionId }, select: { title: true, content: true } });
  return document;
}
