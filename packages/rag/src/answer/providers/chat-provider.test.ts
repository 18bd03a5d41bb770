import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_CENTER } from '../testing/help-center';
import { startFakeOpenAiServer, type TFakeOpenAiServer } from '../testing/fake-openai-server';
import { verifyAnswer } from '../verify-answer';
import { NOT_IN_SOURCES } from './chat-prompt';
import { createAnswerProvider } from './create-answer-provider';
import { parseCitedAnswer } from './parse-cited-answer';

// @vouch/guard makes real canaries; rag does not depend on it, so tests make their own.
const createCanary = () => `vch-canary-test${Math.random().toString(16).slice(2, 14)}`;

let server: TFakeOpenAiServer;
let nextReply = '';

beforeAll(async () => {
  server = await startFakeOpenAiServer(() => nextReply);
});
afterAll(() => server.close());

const request = (question: string, canary = createCanary()) => ({
  question,
  history: [
    { role: 'customer' as const, content: 'Hi, my email is [EMAIL_1].' },
    { role: 'assistant' as const, content: 'Hello! How can I help?' },
  ],
  chunks: HELP_CENTER,
  persona: 'You are the support assistant of Acme.',
  canary,
  maxSentences: 3,
});

describe('parseCitedAnswer', () => {
  it('maps [n] to the n-th chunk, strips markers and lets a sentence borrow its paragraph marker', () => {
    const parsed = parseCitedAnswer('Go to the sign-in page. Choose "Forgot password" [2].\n\nRefunds take 5 business days [1][3]. Out of range [9].', HELP_CENTER);
    expect(parsed).toEqual([
      { text: 'Go to the sign-in page.', chunkId: 'password' },
      { text: 'Choose "Forgot password".', chunkId: 'password' },
      { text: 'Refunds take 5 business days.', chunkId: 'refunds' },
      { text: 'Out of range.', chunkId: null },
    ]);
  });
});

describe('ChatAnswerProvider over an OpenAI-compatible endpoint', () => {
  it('sends the canary, the rules, numbered passages and the bounded history; parses citations and tokens', async () => {
    nextReply = 'You can reset your password from the sign-in page [2]. The link stays valid for 30 minutes [2].';
    const provider = await createAnswerProvider({ kind: 'openai', model: 'test-model', baseURL: server.baseURL }, {});
    expect(provider.id).toBe('openai:test-model');
    const canary = createCanary();
    const answer = await provider.answer(request('How do I reset my password?', canary));
    expect(answer.tokens).toEqual({ input: 120, output: 30 });
    expect(answer.sentences.map((s) => s.chunkId)).toEqual(['password', 'password']);
    expect(verifyAnswer(answer.sentences, HELP_CENTER).kept).toHaveLength(2);

    const body = JSON.parse(server.bodies.at(-1)!) as { model: string; temperature: number; messages: { role: string; content: string }[] };
    expect(body.model).toBe('test-model');
    expect(body.temperature).toBe(0);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(body.messages[0]!.content).toContain(canary);
    expect(body.messages[0]!.content).toMatch(/ONLY with facts stated in the numbered passages/);
    expect(body.messages[3]!.content).toContain('[2] Resetting your password');
    expect(body.messages[3]!.content).toContain('<customer>\nHow do I reset my password?\n</customer>');
  });

  it('reports NOT_IN_SOURCES as no answer', async () => {
    nextReply = NOT_IN_SOURCES;
    const provider = await createAnswerProvider({ kind: 'openai', model: 'm', baseURL: server.baseURL }, {});
    expect(await provider.answer(request('What is the capital of France?'))).toMatchObject({ sentences: [], notInSources: true });
  });

  it('hands invented sentences to verification, which drops them', async () => {
    nextReply = 'Refunds are instant and we add a 10% bonus [1]. You can return any unused item within 30 days of delivery [1].';
    const provider = await createAnswerProvider({ kind: 'openai', model: 'm', baseURL: server.baseURL }, {});
    const answer = await provider.answer(request('How do refunds work?'));
    const verified = verifyAnswer(answer.sentences, HELP_CENTER);
    expect(verified.kept.map((k) => k.text)).toEqual(['You can return any unused item within 30 days of delivery.']);
    expect(verified.dropped).toHaveLength(1);
  });
});

describe('createAnswerProvider', () => {
  it('defaults to the offline extractive provider', async () => {
    const provider = await createAnswerProvider({ kind: 'offline', model: null }, {});
    expect(provider.id).toBe('offline-extractive');
    const answer = await provider.answer(request('How long does express shipping take?'));
    expect(answer.sentences[0]).toEqual({ text: 'Express shipping takes 1 to 2 business days within the EU.', chunkId: 'shipping' });
  });

  it('refuses base URLs outside the allowed hosts (agent configs are tenant-editable)', async () => {
    await expect(createAnswerProvider({ kind: 'openai', model: 'm', baseURL: 'http://169.254.169.254/latest' }, { OPENAI_API_KEY: 'k' })).rejects.toThrow(/not allowed/);
    await expect(createAnswerProvider({ kind: 'openai', model: 'm', baseURL: 'https://internal.corp.example/v1' }, { OPENAI_API_KEY: 'k' })).rejects.toThrow(/VOUCH_LLM_ALLOWED_HOSTS/);
    await expect(createAnswerProvider({ kind: 'openai', model: 'm', baseURL: 'https://internal.corp.example/v1' }, { OPENAI_API_KEY: 'k', VOUCH_LLM_ALLOWED_HOSTS: 'internal.corp.example' })).resolves.toBeDefined();
    await expect(createAnswerProvider({ kind: 'ollama', model: 'm', baseURL: 'http://10.0.0.5:11434' }, {})).rejects.toThrow(/not allowed/);
  });

  it('needs OPENAI_API_KEY for a remote endpoint', async () => {
    await expect(createAnswerProvider({ kind: 'openai', model: 'm' }, {})).rejects.toThrow(/OPENAI_API_KEY is not set/);
  });
});

describe('ChatAnswerProvider streaming', () => {
  it('hands on each cited sentence as the token stream completes it, the same sentences as a whole answer', async () => {
    nextReply = 'You can reset your password from the sign-in page [2]. Go there. The link stays valid for 30 minutes [2].';
    const provider = await createAnswerProvider({ kind: 'openai', model: 'test-model', baseURL: server.baseURL }, {});
    const whole = await provider.answer(request('How do I reset my password?'));
    const handed: { text: string; chunkId: string | null }[] = [];
    const streamed = await provider.answer(request('How do I reset my password?'), { onSentence: (s) => handed.push(s) });
    expect(JSON.parse(server.bodies.at(-1)!)).toMatchObject({ stream: true });
    expect(handed).toEqual(streamed.sentences);
    expect(streamed.sentences).toEqual(whole.sentences);
    // "Go there." borrows the marker of the sentence after it.
    expect(handed.map((s) => s.chunkId)).toEqual(['password', 'password', 'password']);
    expect(streamed.tokens).toEqual({ input: 120, output: 30 });
  });

  it('reports "not in the sources" from a stream without handing anything on', async () => {
    nextReply = NOT_IN_SOURCES;
    const provider = await createAnswerProvider({ kind: 'openai', model: 'test-model', baseURL: server.baseURL }, {});
    const handed: unknown[] = [];
    const answer = await provider.answer(request('Do you sell horses?'), { onSentence: (s) => handed.push(s) });
    expect(answer.notInSources).toBe(true);
    expect(handed).toEqual([]);
  });
});

