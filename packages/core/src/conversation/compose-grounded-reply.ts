import { withTenant, type TenantSql } from '@vouch/db';
import { containsCanary, createCanary, filterOutput, type TOutputAction } from '@vouch/guard';
import {
  decideGrounding,
  retrievalQuery,
  retrieveChunks,
  retrievedChunkFromRow,
  verifyAnswer,
  type AnswerProvider,
  type TEmbeddingsChoice,
  type TGroundingDecision,
  type TRetrievalRow,
  type TAnswerSentence,
  type TRetrievedChunk,
  type TVerifiedAnswer,
} from '@vouch/rag';
import type { TAgentDeployment } from './resolve-agent-deployment';
import type { TTenantDb } from '../tenant-db';

export interface TCitation {
  chunkId: string;
  sourceId: string;
  sourceVersionId: string;
  version: number;
  /** The source's file name, or its title when it was not imported from a file. */
  source: string;
  title: string;
  heading: string | null;
  /** The page the passage came from, for crawled websites; null for uploaded files. */
  url: string | null;
}

export interface TGroundedAttempt {
  outcome: 'answered' | 'low_grounding' | 'unverified';
  /** Set when answered: the verified, filtered sentences joined. */
  answer: string | null;
  citations: TCitation[];
  retrieved: { chunkId: string; score: number; vectorSimilarity: number | null; textScore: number | null }[];
  grounding: TGroundingDecision;
  verification: Pick<TVerifiedAnswer, 'dropped'> & { kept: { chunkId: string; support: number }[] } | null;
  output: { actions: TOutputAction[]; canaryLeaked: boolean; providerError: string | null; notInSources: boolean };
  tokens: { input: number; output: number };
  timings: Record<string, number>;
  /** The provider that was asked, or `none` when the evidence stopped it before a model call. */
  providerId: string;
}

const RETRIEVE_K = 5;

/**
 * The evidence for a question: its embedding, then hybrid retrieval from the agent's sources
 * (RLS confines it to the tenant), in the caller's tenant transaction.
 */
export async function retrieveEvidence(tx: TTenantDb, deployment: TAgentDeployment, redactedText: string, embeddings: TEmbeddingsChoice): Promise<TRetrievedChunk[]> {
  const queryEmbedding = await embeddings.embeddings.embedQuery(redactedText);
  const { knowledgeSourceIds } = deployment.config;
  const input = { queryText: redactedText, queryEmbedding, sourceIds: knowledgeSourceIds.length > 0 ? knowledgeSourceIds : null, k: RETRIEVE_K };
  if ((tx as Partial<TenantSql>).kind !== 'tenant-sql') return retrieveChunks(tx as Exclude<TTenantDb, TenantSql>, input);
  // The same statement (@vouch/rag's retrievalQuery) on the thin pg path.
  const rows = await (tx as TenantSql).run<TRetrievalRow>(retrievalQuery(input));
  return rows.map(retrievedChunkFromRow);
}

function citationOf(chunk: TRetrievedChunk): TCitation {
  return {
    chunkId: chunk.chunkId,
    sourceId: chunk.sourceId,
    sourceVersionId: chunk.sourceVersionId,
    version: chunk.version,
    source: chunk.fileName ?? chunk.sourceName,
    title: chunk.documentTitle,
    heading: chunk.heading,
    url: chunk.documentUrl,
  };
}

/**
 * Retrieve → grounding decision → compose → verify → output filter, for a message that has
 * passed the guards. Only the redacted text and this conversation's redacted history reach the
 * provider; retrieval is confined to the agent's approved sources and, by RLS, to the tenant.
 */
export async function composeGroundedReply(
  tenantId: string,
  deployment: TAgentDeployment,
  request: { redactedText: string; history: { role: 'customer' | 'assistant'; content: string }[]; customerTexts: string[] },
  deps: {
    embeddings: TEmbeddingsChoice;
    getProvider: () => Promise<AnswerProvider>;
    /** Each verified, filtered sentence of the answer as soon as it is, in order (for streaming). */
    onSentence?: (text: string) => void;
    /** Evidence the caller already retrieved (retrieveEvidence) and how long that took; else retrieved here. */
    evidence?: { chunks: TRetrievedChunk[]; retrieveMs: number };
  },
): Promise<TGroundedAttempt> {
  const { config } = deployment;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };

  let chunks: TRetrievedChunk[];
  if (deps.evidence) {
    chunks = deps.evidence.chunks;
    timings.retrieveMs = deps.evidence.retrieveMs;
  } else {
    chunks = await withTenant(tenantId, (tx) => retrieveEvidence(tx, deployment, request.redactedText, deps.embeddings));
    lap('retrieveMs');
  }
  const retrieved = chunks.map((c) => ({ chunkId: c.chunkId, score: c.score, vectorSimilarity: c.vectorSimilarity, textScore: c.textScore }));
  const grounding = decideGrounding(chunks, request.redactedText, { groundingThreshold: config.groundingThreshold, minQuestionCoverage: config.minQuestionCoverage });
  lap('groundingMs');
  const base = { retrieved, grounding, citations: [], answer: null, verification: null, timings, providerId: 'none' };
  const noOutput = { actions: [], canaryLeaked: false, providerError: null, notInSources: false };
  if (!grounding.grounded) return { ...base, outcome: 'low_grounding', output: noOutput, tokens: { input: 0, output: 0 } };

  const canary = createCanary();
  // Each sentence is verified against the chunk it cites and filtered as it arrives; only then
  // may it be streamed. A leaked canary blocks the sentence that carries it (filterOutput).
  const kept: { chunkId: string; support: number }[] = [];
  const dropped: TVerifiedAnswer['dropped'] = [];
  const actions: TOutputAction[] = [];
  const sentences: { text: string; chunkId: string }[] = [];
  let index = 0;
  const accept = (sentence: TAnswerSentence) => {
    const verified = verifyAnswer([sentence], chunks, { minSupportScore: config.minSupportScore });
    for (const d of verified.dropped) dropped.push({ ...d, index });
    index += 1;
    for (const k of verified.kept) {
      kept.push({ chunkId: k.chunkId, support: k.support });
      const filtered = filterOutput(k.text, {
        canary,
        allowedDomains: config.allowedLinkDomains,
        customerMessages: request.customerTexts,
        sourceTexts: chunks.map((c) => c.content),
      });
      actions.push(...filtered.actions);
      const text = filtered.blocked ? '' : filtered.text.trim();
      if (!text) continue;
      sentences.push({ text, chunkId: k.chunkId });
      deps.onSentence?.(text);
    }
  };
  let answer;
  let provider: AnswerProvider | null = null;
  try {
    // Created only when needed; a misconfigured provider (unknown host, no key) sends the customer
    // down the failure path to a person instead of an error page.
    provider = await deps.getProvider();
    base.providerId = provider.id;
    answer = await provider.answer({
      question: request.redactedText,
      history: request.history,
      chunks,
      persona: config.persona,
      canary,
      maxSentences: config.maxAnswerSentences,
    }, { onSentence: accept });
  } catch (error) {
    lap('composeMs');
    // The class name only: provider error messages can quote the request.
    const providerError = provider ? (error instanceof Error ? error.name : 'Error') : 'ProviderUnavailable';
    return { ...base, outcome: 'unverified', output: { ...noOutput, providerError }, tokens: { input: 0, output: 0 } };
  }
  lap('composeMs');
  if (answer.notInSources) return { ...base, outcome: 'low_grounding', output: { ...noOutput, notInSources: true }, tokens: answer.tokens };
  // A leaked canary anywhere in the reply means the prompt was subverted: nothing of it is used.
  if (containsCanary(answer.raw, canary)) {
    return { ...base, outcome: 'unverified', output: { ...noOutput, actions: [{ kind: 'blocked_canary', detail: 'system prompt canary found in the answer' }], canaryLeaked: true }, tokens: answer.tokens };
  }

  const verification = { kept, dropped };
  lap('verifyMs');
  if (sentences.length === 0) {
    return { ...base, outcome: 'unverified', verification, output: { ...noOutput, actions }, tokens: answer.tokens };
  }
  const byId = new Map(chunks.map((c) => [c.chunkId, c]));
  const citedIds = [...new Set(sentences.map((s) => s.chunkId))];
  return {
    ...base,
    outcome: 'answered',
    answer: sentences.map((s) => s.text).join(' '),
    citations: citedIds.map((id) => citationOf(byId.get(id)!)),
    verification,
    output: { ...noOutput, actions },
    tokens: answer.tokens,
  };
}
