// Retrieval, grounding and answer composition; no tRPC, no Next.
export { embedOffline, OfflineHashEmbeddings, OFFLINE_EMBEDDING_DIMENSIONS, OFFLINE_EMBEDDING_MODEL } from './embed/offline-embedder';
export {
  createEmbeddings,
  createEmbeddingsFromEnv,
  embedderSpecFromEnv,
  embedderId,
  assertIndexDimensions,
  INDEX_DIMENSIONS,
  EMBEDDING_DIMENSIONS,
  EMBEDDING_PROVIDERS,
  OFFLINE_EMBEDDER,
  ZEmbedderSpec,
  type TEmbedderSpec,
  type TEmbeddingDimensions,
  type TEmbeddingsChoice,
} from './embed/create-embeddings';
export { chunkMarkdown, estimateTokens, type TChunk, type TChunkOptions } from './chunk/chunk-markdown';
export { retrieveChunks, retrievalQuery, retrievedChunkFromRow, ZRetrieveInput, type TRetrievalRow, type TRetrievedChunk } from './retrieve/retrieve-chunks';
export * from './answer/index';
export { splitSentences } from './text/sentences';
export { contentTerms, termCoverage, lemmaSet, type TTerm } from './text/terms';
