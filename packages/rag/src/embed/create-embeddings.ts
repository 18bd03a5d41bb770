import type { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { OFFLINE_EMBEDDING_DIMENSIONS, OFFLINE_EMBEDDING_MODEL, OfflineHashEmbeddings } from './offline-embedder';

/** Vector sizes the chunk table has an HNSW index for (one partial index per size). */
export const EMBEDDING_DIMENSIONS = [384, 768, 1024, 1536] as const;
export type TEmbeddingDimensions = (typeof EMBEDDING_DIMENSIONS)[number];

/** The default size, kept for callers that predate per-tenant embedders. */
export const INDEX_DIMENSIONS = OFFLINE_EMBEDDING_DIMENSIONS;

export const EMBEDDING_PROVIDERS = ['offline', 'openai', 'ollama'] as const;

/** Which embedder produced (or will produce) a tenant's vectors; stored per tenant. */
export const ZEmbedderSpec = z.object({
  provider: z.enum(EMBEDDING_PROVIDERS),
  model: z.string().trim().min(1).max(200),
  dimensions: z.union(EMBEDDING_DIMENSIONS.map((d) => z.literal(d)) as unknown as [z.ZodLiteral<384>, z.ZodLiteral<768>, z.ZodLiteral<1024>, z.ZodLiteral<1536>]),
});
export type TEmbedderSpec = z.infer<typeof ZEmbedderSpec>;

export const OFFLINE_EMBEDDER: TEmbedderSpec = { provider: 'offline', model: OFFLINE_EMBEDDING_MODEL, dimensions: 384 };

const ZDimensions = z.coerce.number().pipe(ZEmbedderSpec.shape.dimensions);

const ZEmbeddingsEnv = z.discriminatedUnion('VOUCH_EMBEDDINGS_PROVIDER', [
  z.object({ VOUCH_EMBEDDINGS_PROVIDER: z.literal('offline'), VOUCH_EMBEDDINGS_DIMENSIONS: ZDimensions.default(384) }),
  z.object({
    VOUCH_EMBEDDINGS_PROVIDER: z.literal('openai'),
    OPENAI_API_KEY: z.string({ error: 'is not set' }).min(1, 'is not set'),
    OPENAI_BASE_URL: z.url().optional(),
    VOUCH_EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
    VOUCH_EMBEDDINGS_DIMENSIONS: ZDimensions.default(384),
  }),
  z.object({
    VOUCH_EMBEDDINGS_PROVIDER: z.literal('ollama'),
    OLLAMA_BASE_URL: z.url().default('http://127.0.0.1:11434'),
    VOUCH_EMBEDDINGS_MODEL: z.string().default('nomic-embed-text'),
    VOUCH_EMBEDDINGS_DIMENSIONS: ZDimensions.default(768),
  }),
]);

export interface TEmbeddingsChoice {
  embeddings: Embeddings;
  /** `provider:model:dimensions`; recorded with every version so a change of embedder is visible. */
  id: string;
  /** What built it; absent for hand-made choices (tests), which then count as the env default. */
  spec?: TEmbedderSpec;
}

export function embedderId(spec: TEmbedderSpec): string {
  return `${spec.provider}:${spec.model}:${spec.dimensions}`;
}

function parseEnv(env: NodeJS.ProcessEnv) {
  const parsed = ZEmbeddingsEnv.safeParse({ VOUCH_EMBEDDINGS_PROVIDER: 'offline', ...env });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Environment variable ${issue?.path.join('.') || 'VOUCH_EMBEDDINGS_PROVIDER'} ${issue?.message ?? 'is invalid'} (see .env.example).`);
  }
  return parsed.data;
}

/**
 * The embedder a tenant starts with when it has none recorded yet: chosen by env (offline by
 * default). Once a tenant has vectors its choice is stored and env changes no longer move it.
 */
export function embedderSpecFromEnv(env: NodeJS.ProcessEnv = process.env): TEmbedderSpec {
  const config = parseEnv(env);
  if (config.VOUCH_EMBEDDINGS_PROVIDER === 'offline') return { ...OFFLINE_EMBEDDER, dimensions: config.VOUCH_EMBEDDINGS_DIMENSIONS };
  return { provider: config.VOUCH_EMBEDDINGS_PROVIDER, model: config.VOUCH_EMBEDDINGS_MODEL, dimensions: config.VOUCH_EMBEDDINGS_DIMENSIONS };
}

/**
 * Builds the embedder a spec names. Offline needs no key and no download; `openai` speaks to
 * any OpenAI-compatible endpoint and `ollama` to a local Ollama, with the endpoint and key
 * taken from the deployment's env (a tenant picks a provider, it never supplies credentials).
 */
export async function createEmbeddings(rawSpec: TEmbedderSpec, env: NodeJS.ProcessEnv = process.env): Promise<TEmbeddingsChoice> {
  const spec = ZEmbedderSpec.parse(rawSpec);
  const id = embedderId(spec);
  switch (spec.provider) {
    case 'offline':
      if (spec.model !== OFFLINE_EMBEDDING_MODEL) throw new Error(`The offline embedder has one model, "${OFFLINE_EMBEDDING_MODEL}"; "${spec.model}" is not it.`);
      return { embeddings: new OfflineHashEmbeddings(spec.dimensions), id, spec };
    case 'openai': {
      if (!env.OPENAI_API_KEY) throw new Error('Environment variable OPENAI_API_KEY is not set (see .env.example).');
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      return {
        embeddings: new OpenAIEmbeddings({
          apiKey: env.OPENAI_API_KEY,
          model: spec.model,
          dimensions: spec.dimensions,
          configuration: env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : undefined,
        }),
        id,
        spec,
      };
    }
    case 'ollama': {
      const { OllamaEmbeddings } = await import('@langchain/ollama');
      return { embeddings: new OllamaEmbeddings({ baseUrl: env.OLLAMA_BASE_URL ?? 'http://127.0.0.1:11434', model: spec.model }), id, spec };
    }
  }
}

/** Picks the embedding provider from the environment (the default for tenants without one). */
export async function createEmbeddingsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TEmbeddingsChoice> {
  return createEmbeddings(embedderSpecFromEnv(env), env);
}

/** Refuses vectors of the wrong size before they reach the database. */
export function assertIndexDimensions(vector: readonly number[], providerId: string, expected: number = INDEX_DIMENSIONS): void {
  if (vector.length !== expected) {
    throw new Error(`Embedding provider ${providerId} returned ${vector.length} dimensions; this tenant's index stores ${expected}. Choose a model or 'dimensions' setting that produces ${expected}.`);
  }
}
