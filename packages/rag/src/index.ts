// Retrieval, grounding and answer composition; no tRPC, no Next.
export { embedOffline, OfflineHashEmbeddings, OFFLINE_EMBEDDING_DIMENSIONS } from './embed/offline-embedder';
export { createEmbeddingsFromEnv, assertIndexDimensions, INDEX_DIMENSIONS, type TEmbeddingsChoice } from './embed/create-embeddings';
export { chunkMarkdown, estimateTokens, type TChunk, type TChunkOptions } from './chunk/chunk-markdown';
export { retrieveChunks, ZRetrieveInput, type TRetrievedChunk } from './retrieve/retrieve-chunks';
export * from './answer/index';
export { splitSentences } from './text/sentences';
export { contentTerms, termCoverage, lemmaSet, type TTerm } from './text/terms';
