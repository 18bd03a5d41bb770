import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis, getRedis } from '@vouch/jobs';
import { startFakeOpenAiServer, type TFakeOpenAiServer } from '@vouch/rag/testing';
import { closeRealtime } from '../realtime/subscribe-realtime';
import { answerCustomerMessage, type TAnswerEvent } from './answer-customer-message';
import { followVisitorConversation, type TConversationFeedEvent } from './follow-visitor-conversation';
import { BUDGET_REPLY } from './replies';
import { startConversation } from './start-conversation';
import { addAgent, ARTICLES, createTenantWithArticles, randomVisa, type TTestTenant } from './testing/conversation-fixture';

const system = getSystemClient();
let acme: TTestTenant;
let llmAgent = '';
let budgetAgent = '';
let dailyAgent = '';
let server: TFakeOpenAiServer;

beforeAll(async () => {
  acme = await createTenantWithArticles('stream-acme', ARTICLES);
  server = await startFakeOpenAiServer(() => 'Express shipping takes 1 to 2 business days within the EU [1]. Standard shipping takes 3 to 5 business days within the EU [1].');
  llmAgent = await addAgent(acme.id, 'llm-stream', { provider: { kind: 'openai', model: 'fake-model', baseURL: server.baseURL } });
  // The fake server reports 150 tokens per answer: the second question is over this budget.
  budgetAgent = await addAgent(acme.id, 'llm-budget', { provider: { kind: 'openai', model: 'fake-model', baseURL: server.baseURL }, tokenBudget: { perConversation: 100, perDay: 1_000_000 } });
  dailyAgent = await addAgent(acme.id, 'llm-daily', { provider: { kind: 'openai', model: 'fake-model', baseURL: server.baseURL }, tokenBudget: { perConversation: 1_000_000, perDay: 100 } });
}, 120_000);

afterAll(async () => {
  await server.close();
  await closeRealtime();
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

const visitor = () => ({ id: `visitor-${randomUUID()}`, ip: '203.0.113.9', userAgent: 'vitest' });

function collect() {
  const events: TAnswerEvent[] = [];
  return { events, onEvent: (e: TAnswerEvent) => events.push(e), streamed: () => events.filter((e) => e.type === 'delta').map((e) => (e as { text: string }).text).join('') };
}

describe('streaming a reply', () => {
  it('streams the offline answer sentence by sentence; what streamed is exactly what is stored', async () => {
    const c = collect();
    const reply = await answerCustomerMessage(acme.id, { target: { agent: null }, visitor: visitor(), message: 'How long does express shipping take?' }, { onEvent: c.onEvent });
    expect(reply.reason).toBe('answered');
    expect(c.events[0]).toMatchObject({ type: 'accepted', customerMessageId: reply.customerMessageId, replayed: false });
    expect(c.events.filter((e) => e.type === 'delta').length).toBeGreaterThanOrEqual(1);
    expect(c.streamed()).toBe(reply.answer);
    const stored = await system.message.findUniqueOrThrow({ where: { id: reply.messageId } });
    expect(stored.content).toBe(c.streamed());
  });

  it('streams a model answer as its sentences are verified (token stream), verified sentences only', async () => {
    const c = collect();
    const reply = await answerCustomerMessage(acme.id, { target: { agent: llmAgent }, visitor: visitor(), message: 'How long does express shipping take?' }, { onEvent: c.onEvent });
    expect(reply.reason).toBe('answered');
    const deltas = c.events.filter((e) => e.type === 'delta');
    // Two cited sentences arrive in two pieces, not one block at the end.
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(c.streamed()).toBe(reply.answer);
    expect(reply.answer).toContain('1 to 2 business days');
    expect(JSON.parse(server.bodies.at(-1)!)).toMatchObject({ stream: true });
    expect((await system.message.findUniqueOrThrow({ where: { id: reply.messageId } })).content).toBe(c.streamed());
  });

  it('never streams a card number the customer sent, nor stores it', async () => {
    const card = randomVisa();
    const c = collect();
    const reply = await answerCustomerMessage(acme.id, { target: { agent: null }, visitor: visitor(), message: `My card ${card} was charged twice, please refund` }, { onEvent: c.onEvent });
    expect(JSON.stringify(c.events)).not.toContain(card);
    expect(JSON.stringify(reply)).not.toContain(card);
    const rows = await system.message.findMany({ where: { conversationId: reply.conversationId } });
    expect(JSON.stringify(rows)).not.toContain(card);
  });
});

describe('idempotent sends', () => {
  it('a retried send with the same client message id stores one message and replays the first reply', async () => {
    const who = visitor();
    const started = await startConversation(acme.id, { target: { agent: null }, visitor: { id: who.id } });
    const clientMessageId = `m_${randomUUID().replaceAll('-', '')}`;
    const input = { target: { agent: null }, conversationId: started.conversationId, visitor: who, message: 'How do I reset my password?', clientMessageId };
    // Two copies at once (a retry racing the original) and one later.
    const [a, b] = await Promise.all([answerCustomerMessage(acme.id, input), answerCustomerMessage(acme.id, input)]);
    const c = collect();
    const later = await answerCustomerMessage(acme.id, input, { onEvent: c.onEvent });
    expect(new Set([a.messageId, b.messageId, later.messageId]).size).toBe(1);
    expect(new Set([a.customerMessageId, b.customerMessageId, later.customerMessageId]).size).toBe(1);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(later).toMatchObject({ replayed: true, answer: a.answer, reason: a.reason });
    expect(c.events[0]).toMatchObject({ type: 'accepted', replayed: true });
    expect(c.streamed()).toBe(a.answer);
    const rows = await withTenant(acme.id, (tx) => tx.message.findMany({ where: { conversationId: started.conversationId } }));
    expect(rows.filter((m) => m.role === 'customer')).toHaveLength(1);
    expect(rows.filter((m) => m.role === 'assistant')).toHaveLength(1);
    // A different id is a different message.
    await answerCustomerMessage(acme.id, { ...input, clientMessageId: `${clientMessageId}x` });
    expect(await system.message.count({ where: { conversationId: started.conversationId, role: 'customer' } })).toBe(2);
  });
});

describe('idempotent sends and the redaction session', () => {
  it('a retried send leaves the conversation (redaction session, vault) as the first copy left it', async () => {
    const who = visitor();
    const started = await startConversation(acme.id, { target: { agent: null }, visitor: { id: who.id } });
    const input = { target: { agent: null }, conversationId: started.conversationId, visitor: who, message: 'Please write to anna.berg@example.com about my password.', clientMessageId: `m_${randomUUID().replaceAll('-', '')}` };
    const first = await answerCustomerMessage(acme.id, input);
    const conversation = () => system.conversation.findUniqueOrThrow({ where: { id: started.conversationId }, select: { redactionSessionSealed: true, updatedAt: true } });
    const before = await conversation();
    const vaulted = await system.piiVaultEntry.count({ where: { conversationId: started.conversationId } });
    expect(before.redactionSessionSealed).not.toBeNull();
    const again = await answerCustomerMessage(acme.id, input);
    expect(again).toMatchObject({ replayed: true, customerMessageId: first.customerMessageId, messageId: first.messageId });
    // Not re-sealed (a new seal has a new IV), not touched, nothing new in the vault or the transcript.
    expect(await conversation()).toEqual(before);
    expect(await system.piiVaultEntry.count({ where: { conversationId: started.conversationId } })).toBe(vaulted);
    expect(await system.message.count({ where: { conversationId: started.conversationId, role: 'customer' } })).toBe(1);
  });
});

describe('token budget', () => {
  it('answers until the conversation budget is used, then says so honestly and records it in the trace', async () => {
    const who = visitor();
    const first = await answerCustomerMessage(acme.id, { target: { agent: budgetAgent }, visitor: who, message: 'How long does express shipping take?' });
    expect(first.reason).toBe('answered');
    const bodies = server.bodies.length;
    const second = await answerCustomerMessage(acme.id, { target: { agent: budgetAgent }, conversationId: first.conversationId, visitor: who, message: 'How long does standard shipping take?' });
    expect(second).toMatchObject({ reason: 'budget_exceeded', answer: BUDGET_REPLY.conversation, escalated: false, citations: [] });
    // No model call was made for it.
    expect(server.bodies.length).toBe(bodies);
    const trace = await system.messageTrace.findUniqueOrThrow({ where: { id: second.traceId } });
    expect(trace.outcome).toBe('budget_exceeded');
    expect(trace.guard).toMatchObject({ budget: { exceeded: 'conversation', conversationUsed: 150, limits: { perConversation: 100 } } });
    const keys = await getRedis().keys(`vouch:budget:${acme.id}:*`);
    expect(keys.some((k) => k.includes(first.conversationId))).toBe(true);
    // Another conversation of the same agent still gets answers.
    expect((await answerCustomerMessage(acme.id, { target: { agent: budgetAgent }, visitor: visitor(), message: 'How long does express shipping take?' })).reason).toBe('answered');
  });
});

describe('daily token budget', () => {
  it('stops answering for the whole agent for the rest of the day once its daily budget is used, in any conversation', async () => {
    const first = await answerCustomerMessage(acme.id, { target: { agent: dailyAgent }, visitor: visitor(), message: 'How long does express shipping take?' });
    expect(first.reason).toBe('answered');
    const who = visitor();
    const other = await answerCustomerMessage(acme.id, { target: { agent: dailyAgent }, visitor: who, message: 'How long does express shipping take?' });
    expect(other).toMatchObject({ reason: 'budget_exceeded', answer: BUDGET_REPLY.day });
    const trace = await system.messageTrace.findUniqueOrThrow({ where: { id: other.traceId } });
    expect(trace.guard).toMatchObject({ budget: { exceeded: 'day', dayUsed: 150, limits: { perDay: 100 } } });
    // A customer who asks for a person still gets one: the budget only stops model calls.
    const human = await answerCustomerMessage(acme.id, { target: { agent: dailyAgent }, conversationId: other.conversationId, visitor: who, message: 'I want to talk to a human' });
    expect(human).toMatchObject({ reason: 'customer_request', escalated: true });
  });
});

describe('the visitor feed', () => {
  it('resumes after a cursor, delivers new messages pushed over realtime, and only to the conversation\u2019s visitor', async () => {
    const who = visitor();
    const { widgetKey } = await system.agentEnvironmentPointer.findFirstOrThrow({ where: { tenantId: acme.id, environment: 'production', agent: { slug: 'support' } }, select: { widgetKey: true } });
    const started = await startConversation(acme.id, { target: { widgetKey: widgetKey! }, visitor: { id: who.id } });
    const first = await answerCustomerMessage(acme.id, { target: { widgetKey: widgetKey! }, conversationId: started.conversationId, visitor: who, message: 'How do I reset my password?', clientMessageId: 'm_first_0001' });

    const controller = new AbortController();
    const seen: TConversationFeedEvent[] = [];
    const feed = (async () => {
      for await (const event of followVisitorConversation(acme.id, { widgetKey: widgetKey!, visitorId: who.id, conversationId: started.conversationId, after: null }, { signal: controller.signal, pollMs: 60_000, maxMs: 20_000 })) {
        seen.push(event);
        if (seen.filter((e) => e.type === 'message').length >= 4) controller.abort();
      }
    })();
    // The history first (customer message with its client id, then the reply with citations)…
    await expect.poll(() => seen.filter((e) => e.type === 'message').length, { timeout: 5000 }).toBe(2);
    const history = seen.filter((e) => e.type === 'message').map((e) => (e as { message: { id: string; clientMessageId: string | null } }).message);
    expect(history.map((m) => m.id)).toEqual([first.customerMessageId, first.messageId]);
    expect(history[0]!.clientMessageId).toBe('m_first_0001');
    // …then a new turn, woken by the realtime push (the fallback timer is a minute away).
    const second = await answerCustomerMessage(acme.id, { target: { widgetKey: widgetKey! }, conversationId: started.conversationId, visitor: who, message: 'How long does express shipping take?' });
    const { announceCustomerTurn } = await import('../handoff/route-new-handoff');
    await announceCustomerTurn(acme.id, { conversationId: second.conversationId, customerMessageId: second.customerMessageId, messageId: second.messageId, handoffId: second.handoffId });
    await feed;
    const ids = seen.filter((e) => e.type === 'message').map((e) => (e as { message: { id: string } }).message.id);
    expect(ids).toEqual([first.customerMessageId, first.messageId, second.customerMessageId, second.messageId]);

    // Resuming after the first reply's time gives the newer ones (and may repeat the overlap; the panel dedupes by id).
    const resumed: string[] = [];
    for await (const event of followVisitorConversation(acme.id, { widgetKey: widgetKey!, visitorId: who.id, conversationId: started.conversationId, after: first.createdAt }, { maxMs: 0, push: false })) {
      if (event.type === 'message') resumed.push(event.message.id);
    }
    expect(resumed).toEqual(expect.arrayContaining([second.customerMessageId, second.messageId]));
    // Another visitor asking for this conversation finds nothing.
    const other = followVisitorConversation(acme.id, { widgetKey: widgetKey!, visitorId: visitor().id, conversationId: started.conversationId, after: null }, { maxMs: 0, push: false });
    await expect(other.next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('feed rate limit', () => {
  it('bounds how often one visitor opens the feed, apart from the message budget', async () => {
    const who = visitor();
    const started = await startConversation(acme.id, { target: { agent: null }, visitor: { id: who.id } });
    const { widgetKey } = await system.agentEnvironmentPointer.findFirstOrThrow({ where: { tenantId: acme.id, environment: 'production', agent: { slug: 'support' } }, select: { widgetKey: true } });
    const open = () => followVisitorConversation(acme.id, { widgetKey: widgetKey!, visitorId: who.id, conversationId: started.conversationId, after: null }, { maxMs: 0, push: false, rateLimit: { ip: who.ip } }).next();
    for (let i = 0; i < 30; i += 1) await open();
    await expect(open()).rejects.toMatchObject({ code: 'RATE_LIMITED', publicMessage: expect.stringContaining('Too many reconnects') });
    // Messages have their own budget: the visitor can still write.
    expect((await answerCustomerMessage(acme.id, { target: { agent: null }, conversationId: started.conversationId, visitor: who, message: 'How do I reset my password?' })).reason).toBe('answered');
  });
});
