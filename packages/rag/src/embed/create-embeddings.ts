import type { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { OFFLINE_EMBEDDING_DIMENSIONS, OfflineHashEmbeddings } from './offline-embedder';

/** The chunk table's vector size; a provider must produce exactly this many dimensions. */
export const INDEX_DIMENSIONS = OFFLINE_EMBEDDING_DIMENSIONS;

const ZEmbeddingsEnv = z.discriminatedUnion('VOUCH_EMBEDDINGS_PROVIDER', [
  z.object({ VOUCH_EMBEDDINGS_PROVIDER: z.literal('offline') }),
  z.object({
    VOUCH_EMBEDDINGS_PROVIDER: z.literal('openai'),
    OPENAI_API_KEY: z.string({ error: 'is not set' }).min(1, 'is not set'),
    OPENAI_BASE_URL: z.url().optional(),
    VOUCH_EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
  }),
  z.object({
    VOUCH_EMBEDDINGS_PROVIDER: z.literal('ollama'),
    OLLAMA_BASE_URL: z.url().default('http://127.0.0.1:11434'),
    VOUCH_EMBEDDINGS_MODEL: z.string().default('nomic-embed-text'),
  }),
]);

export interface TEmbeddingsChoice {
  embeddings: Embeddings;
  /** Recorded with every chunk so a change of provider is visible and re-embedding can be planned. */
  id: string;
}

/**
 * Picks the embedding provider from the environment. Offline (the default) needs no key and no
 * download; `openai` speaks to any OpenAI-compatible endpoint; `ollama` to a local Ollama.
 */
export async function createEmbeddingsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TEmbeddingsChoice> {
  const parsed = ZEmbeddingsEnv.safeParse({ VOUCH_EMBEDDINGS_PROVIDER: 'offline', ...env });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Environment variable ${issue?.path.join('.') || 'VOUCH_EMBEDDINGS_PROVIDER'} ${issue?.message ?? 'is invalid'} (see .env.example).`);
  }
  const config = parsed.data;
  switch (config.VOUCH_EMBEDDINGS_PROVIDER) {
    case 'offline':
      return { embeddings: new OfflineHashEmbeddings(), id: `offline-hash-${INDEX_DIMENSIONS}` };
    case 'openai': {
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      return {
        embeddings: new OpenAIEmbeddings({
          apiKey: config.OPENAI_API_KEY,
          model: config.VOUCH_EMBEDDINGS_MODEL,
          dimensions: INDEX_DIMENSIONS,
          configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
        }),
        id: `openai:${config.VOUCH_EMBEDDINGS_MODEL}:${INDEX_DIMENSIONS}`,
      };
    }
    case 'ollama': {
      const { OllamaEmbeddings } = await import('@langchain/ollama');
      return {
        embeddings: new OllamaEmbeddings({ baseUrl: config.OLLAMA_BASE_URL, model: config.VOUCH_EMBEDDINGS_MODEL }),
        id: `ollama:${config.VOUCH_EMBEDDINGS_MODEL}`,
      };
    }
  }
}

/** Refuses vectors of the wrong size before they reach the database. */
export function assertIndexDimensions(vector: readonly number[], providerId: string): void {
  if (vector.length !== INDEX_DIMENSIONS) {
    throw new Error(`Embedding provider ${providerId} returned ${vector.length} dimensions; the index stores ${INDEX_DIMENSIONS}. Choose a model or 'dimensions' setting that produces ${INDEX_DIMENSIONS}.`);
  }
}
