import type { TenantTx } from '@vouch/db';
import { retrieveChunks, type TRetrievedChunk } from '@vouch/rag';
import { z } from 'zod';
import { ZAgentConfig } from '../agent/agent-config';
import { AppError } from '../errors';
import { tenantEmbeddings } from './knowledge-settings';

export const ZSearchKnowledgeInput = z.object({
  query: z.string().trim().min(1).max(2000),
  agentId: z.uuid().nullish(),
  environment: z.enum(['staging', 'production']).default('production'),
  k: z.int().min(1).max(50).default(5),
});

/**
 * Searches what an agent may cite: the agent environment's allowed sources (an empty list in
 * its config means all of the tenant's), serving approved versions only. The query is embedded
 * with the tenant's own embedder, the one its serving vectors came from.
 */
export async function searchKnowledge(tx: TenantTx, rawInput: z.input<typeof ZSearchKnowledgeInput>): Promise<TRetrievedChunk[]> {
  const input = ZSearchKnowledgeInput.parse(rawInput);
  let sourceIds: string[] | null = null;
  if (input.agentId) {
    const pointer = await tx.agentEnvironmentPointer.findFirst({
      where: { agentId: input.agentId, environment: input.environment },
      include: { configVersion: true },
    });
    if (!pointer) throw new AppError('NOT_FOUND', 'No such agent.');
    const allowed = ZAgentConfig.parse(pointer.configVersion.config).knowledgeSourceIds;
    sourceIds = allowed.length > 0 ? allowed : null;
  }
  const embeddings = await tenantEmbeddings(tx);
  const queryEmbedding = await embeddings.embeddings.embedQuery(input.query);
  return retrieveChunks(tx, { queryText: input.query, queryEmbedding, sourceIds, k: input.k });
}
