import type { AnswerProvider } from './answer-provider';
import { ChatAnswerProvider } from './chat-provider';
import { OfflineExtractiveProvider } from './offline-provider';

export interface TProviderChoice {
  kind: 'offline' | 'openai' | 'ollama';
  model: string | null;
  /** OpenAI-compatible endpoint (a local server, a gateway); default OPENAI_BASE_URL or api.openai.com. */
  baseURL?: string | null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Hosts a provider may be pointed at. Agent configs are edited by tenant staff, so a base URL
 * there must not turn the server into a proxy into our network: allowed are loopback (local
 * model servers), api.openai.com, the hosts of OPENAI_BASE_URL / OLLAMA_BASE_URL and those
 * listed in VOUCH_LLM_ALLOWED_HOSTS (comma-separated). Link-local metadata addresses never.
 */
export function allowedProviderHosts(env: NodeJS.ProcessEnv): Set<string> {
  const hosts = new Set([...LOOPBACK, 'api.openai.com']);
  for (const url of [env.OPENAI_BASE_URL, env.OLLAMA_BASE_URL]) {
    if (url && URL.canParse(url)) hosts.add(new URL(url).hostname.toLowerCase());
  }
  for (const host of (env.VOUCH_LLM_ALLOWED_HOSTS ?? '').split(',')) if (host.trim()) hosts.add(host.trim().toLowerCase());
  return hosts;
}

export function assertProviderUrl(url: string, env: NodeJS.ProcessEnv): string {
  if (!URL.canParse(url)) throw new Error(`Provider base URL "${url}" is not a URL.`);
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase();
  if (!['http:', 'https:'].includes(parsed.protocol) || host.startsWith('169.254.') || host.startsWith('[fe80:')) {
    throw new Error(`Provider base URL host ${host} is not allowed.`);
  }
  if (!allowedProviderHosts(env).has(host)) {
    throw new Error(`Provider base URL host ${host} is not allowed; an operator can add it to VOUCH_LLM_ALLOWED_HOSTS.`);
  }
  return url;
}

/**
 * The answer provider an agent config asks for. `offline` (default) composes extractively;
 * `openai` speaks to any OpenAI-compatible chat endpoint (OPENAI_API_KEY; a local server at a
 * loopback address may go without one); `ollama` to Ollama (OLLAMA_BASE_URL). Temperature 0,
 * one retry, a timeout: an answer that takes longer goes to a person instead.
 */
export async function createAnswerProvider(choice: TProviderChoice, env: NodeJS.ProcessEnv = process.env, options: { timeoutMs?: number } = {}): Promise<AnswerProvider> {
  const timeout = options.timeoutMs ?? 30_000;
  switch (choice.kind) {
    case 'offline':
      return new OfflineExtractiveProvider();
    case 'openai': {
      const baseURL = choice.baseURL ?? env.OPENAI_BASE_URL ?? null;
      if (baseURL) assertProviderUrl(baseURL, env);
      const local = baseURL !== null && LOOPBACK.has(new URL(baseURL).hostname.toLowerCase());
      const apiKey = env.OPENAI_API_KEY ?? (local ? 'local-server' : undefined);
      if (!apiKey) throw new Error('Environment variable OPENAI_API_KEY is not set (needed by an agent using the openai provider).');
      const model = choice.model ?? 'gpt-4o-mini';
      const { ChatOpenAI } = await import('@langchain/openai');
      const chat = new ChatOpenAI({ model, apiKey, temperature: 0, maxRetries: 1, timeout, configuration: baseURL ? { baseURL } : undefined });
      return new ChatAnswerProvider(`openai:${model}`, chat);
    }
    case 'ollama': {
      const baseUrl = assertProviderUrl(choice.baseURL ?? env.OLLAMA_BASE_URL ?? 'http://127.0.0.1:11434', env);
      const model = choice.model ?? 'llama3.1';
      const { ChatOllama } = await import('@langchain/ollama');
      return new ChatAnswerProvider(`ollama:${model}`, new ChatOllama({ baseUrl, model, temperature: 0, maxRetries: 1 }));
    }
  }
}
