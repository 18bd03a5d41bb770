import { Prisma, type TenantTx } from '@vouch/db';
import { z } from 'zod';

export const ZRetrieveInput = z.object({
  queryText: z.string().trim().min(1).max(4000),
  queryEmbedding: z.array(z.number()).min(1),
  /** The agent's allowed sources; null means every source of the tenant. */
  sourceIds: z.array(z.uuid()).nullable(),
  k: z.int().min(1).max(50).default(5),
  candidates: z.int().min(1).max(500).default(40),
});

export interface TRetrievedChunk {
  chunkId: string;
  content: string;
  heading: string | null;
  documentTitle: string;
  documentUrl: string | null;
  sourceId: string;
  sourceName: string;
  sourceVersionId: string;
  version: number;
  /** The file the version was imported from, when it came from a file. */
  fileName: string | null;
  vectorRank: number | null;
  textRank: number | null;
  vectorSimilarity: number | null;
  textScore: number | null;
  /** Reciprocal rank fusion of the two rankings. */
  score: number;
}

// k in 1/(k + rank): 60 is the value from the original RRF paper and damps the top ranks.
const RRF_K = 60;

/**
 * Hybrid retrieval confined to serving knowledge: for each source, its latest approved version
 * only (an edit awaiting review keeps the old approved text serving; drafts, rejected and
 * quarantined versions never serve), restricted to the agent's sources, and to the tenant by
 * RLS. Vector (HNSW cosine, in the query vector's size) and full-text (ts_rank_cd, in the
 * tenant's language) candidates are fused with RRF, in one statement: one round trip.
 */
export async function retrieveChunks(tx: TenantTx, rawInput: z.input<typeof ZRetrieveInput>): Promise<TRetrievedChunk[]> {
  const rows = await tx.$queryRaw<TRetrievalRow[]>(retrievalQuery(rawInput));
  return rows.map(retrievedChunkFromRow);
}

/**
 * One row of `retrievalQuery` as a chunk, whichever driver ran it: Prisma returns the two ranks
 * (int8) as bigint, the pg driver of the thin tenant path as strings.
 */
export function retrievedChunkFromRow(r: TRetrievalRow): TRetrievedChunk {
  return {
    chunkId: r.chunk_id,
    content: r.content,
    heading: r.heading,
    documentTitle: r.document_title,
    documentUrl: r.document_url,
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceVersionId: r.source_version_id,
    version: Number(r.version),
    fileName: r.file_name,
    vectorRank: r.vector_rank === null ? null : Number(r.vector_rank),
    textRank: r.text_rank === null ? null : Number(r.text_rank),
    vectorSimilarity: r.vector_similarity,
    textScore: r.text_score,
    score: r.score,
  };
}

export interface TRetrievalRow {
  chunk_id: string;
  content: string;
  heading: string | null;
  document_title: string;
  document_url: string | null;
  source_id: string;
  source_name: string;
  source_version_id: string;
  version: number;
  file_name: string | null;
  vector_rank: bigint | string | null;
  text_rank: bigint | string | null;
  vector_similarity: number | null;
  text_score: number | null;
  score: number;
}

/** The retrieval statement itself (also EXPLAIN ANALYZEd by the bench to time the database alone). */
export function retrievalQuery(rawInput: z.input<typeof ZRetrieveInput>): Prisma.Sql {
  const input = ZRetrieveInput.parse(rawInput);
  const vector = `[${input.queryEmbedding.join(',')}]`;
  const sourceFilter = input.sourceIds
    ? Prisma.sql`AND sv.source_id = ANY(${input.sourceIds}::uuid[])`
    : Prisma.empty;
  return Prisma.sql`
    WITH serving AS (
      SELECT DISTINCT ON (sv.source_id) sv.id
      FROM source_versions sv
      WHERE sv.status = 'approved' ${sourceFilter}
      ORDER BY sv.source_id, sv.version DESC
    ),
    -- The serving versions' documents, handed to both candidate searches so that each returns
    -- exactly its best eligible chunks (the HNSW scan keeps going until it has them).
    eligible AS MATERIALIZED (
      SELECT coalesce(array_agg(d.id), '{}') AS ids FROM documents d JOIN serving s ON s.id = d.source_version_id
    ),
    by_vector AS (
      SELECT n.id, 1 - n.distance AS similarity, row_number() OVER (ORDER BY n.distance) AS rank
      FROM eligible e, nearest_chunks(${vector}::vector, ${input.candidates}, e.ids) n
    ),
    by_text AS (
      SELECT t.id, t.score, row_number() OVER (ORDER BY t.score DESC) AS rank
      FROM eligible e, search_chunk_text(${input.queryText}, ${input.candidates}, e.ids) t
    ),
    -- The top k are chosen before the joins, so only k chunks are looked up by primary key.
    fused AS MATERIALIZED (
      SELECT coalesce(v.id, t.id) AS id, v.rank AS vector_rank, t.rank AS text_rank,
             v.similarity AS vector_similarity, t.score AS text_score,
             coalesce(1.0 / (${RRF_K} + v.rank), 0) + coalesce(1.0 / (${RRF_K} + t.rank), 0) AS score
      FROM by_vector v FULL OUTER JOIN by_text t ON t.id = v.id
      ORDER BY score DESC, id
      LIMIT ${input.k}
    )
    SELECT f.id AS chunk_id, c.content, c.heading, d.title AS document_title, d.url AS document_url,
           ks.id AS source_id, ks.name AS source_name, sv.id AS source_version_id, sv.version, sv.file_name,
           f.vector_rank, f.text_rank, f.vector_similarity::float8, f.text_score::float8, f.score::float8
    FROM fused f
    JOIN chunks c ON c.id = f.id
    JOIN documents d ON d.id = c.document_id
    JOIN source_versions sv ON sv.id = d.source_version_id
    JOIN knowledge_sources ks ON ks.id = sv.source_id
    ORDER BY f.score DESC, f.id`;
}
