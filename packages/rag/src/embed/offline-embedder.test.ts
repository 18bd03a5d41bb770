import { describe, expect, it } from 'vitest';
import { embedOffline, OFFLINE_EMBEDDING_DIMENSIONS, OfflineHashEmbeddings } from './offline-embedder';
import { createEmbeddings, createEmbeddingsFromEnv, embedderSpecFromEnv } from './create-embeddings';

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, value, i) => sum + value * b[i]!, 0);
}

describe('offline embedder', () => {
  it('is deterministic, unit length and 384-dimensional', () => {
    const a = embedOffline('How do I reset my password?');
    expect(a).toHaveLength(OFFLINE_EMBEDDING_DIMENSIONS);
    expect(embedOffline('How do I reset my password?')).toEqual(a);
    expect(Math.sqrt(cosine(a, a))).toBeCloseTo(1, 6);
  });

  it('ranks a paraphrase with shared lemmas above an unrelated text', () => {
    const query = embedOffline('resetting passwords');
    const related = embedOffline('You can reset your password from the sign-in page.');
    const unrelated = embedOffline('Standard shipping takes 3 to 5 business days within the EU.');
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.1);
  });

  it('tolerates typos through character trigrams', () => {
    const typo = embedOffline('pasword reset');
    expect(cosine(typo, embedOffline('password reset'))).toBeGreaterThan(cosine(typo, embedOffline('refund policy')));
  });

  it('gives empty and punctuation-only text a zero vector instead of NaN', () => {
    expect(embedOffline('  ?! ').every((v) => v === 0)).toBe(true);
  });

  it('serves langchain callers', async () => {
    const embeddings = new OfflineHashEmbeddings();
    const [doc] = await embeddings.embedDocuments(['refund policy']);
    expect(await embeddings.embedQuery('refund policy')).toEqual(doc);
  });

  it('builds other sizes for re-embedding, with the same ranking signal', () => {
    const query = embedOffline('resetting passwords', 768);
    expect(query).toHaveLength(768);
    expect(cosine(query, embedOffline('You can reset your password.', 768))).toBeGreaterThan(cosine(query, embedOffline('Shipping takes 3 days.', 768)) + 0.1);
  });

  it('is the default provider and reports a missing key for openai in one line', async () => {
    expect((await createEmbeddingsFromEnv({})).id).toBe('offline:hash-lemma-v1:384');
    expect(embedderSpecFromEnv({ VOUCH_EMBEDDINGS_PROVIDER: 'ollama' })).toEqual({ provider: 'ollama', model: 'nomic-embed-text', dimensions: 768 });
    expect(() => embedderSpecFromEnv({ VOUCH_EMBEDDINGS_DIMENSIONS: '500' })).toThrow(/VOUCH_EMBEDDINGS_DIMENSIONS/);
    await expect(createEmbeddings({ provider: 'offline', model: 'gpt-9', dimensions: 384 })).rejects.toThrow(/one model/);
    await expect(createEmbeddingsFromEnv({ VOUCH_EMBEDDINGS_PROVIDER: 'openai' })).rejects.toThrow(/OPENAI_API_KEY is not set/);
  });
});
