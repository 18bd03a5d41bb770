import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { answerCustomerMessage } from '../conversation/answer-customer-message';
import { listVisitorMessages } from '../conversation/list-visitor-messages';
import { isAppError } from '../errors';
import { addMember } from '../member/add-member';
import { ARTICLES, createTenantWithArticles, SYSTEM, type TTestTenant } from '../conversation/testing/conversation-fixture';
import { claimHandoff, resolveHandoff, unassignHandoff } from './claim-handoff';
import { getConversationForAgent } from './get-conversation-for-agent';
import { listHandoffs } from './list-handoffs';
import { addInternalNote, replyAsAgent } from './reply-as-agent';

const system = getSystemClient();
let acme: TTestTenant;
let globex: TTestTenant;
let agents: TActor[] = [];
let globexAgent: TActor;

async function supportAgent(tenant: TTestTenant, label: string): Promise<TActor> {
  const added = await system.$transaction((tx) => addMember(tx, tenant.id, SYSTEM, { email: `${label}-${randomUUID()}@example.test`, roles: ['support_agent'] }));
  return { type: 'user', userId: added.user.id, tenantId: tenant.id, roles: ['support_agent'] };
}
const userIdOf = (actor: TActor) => (actor.type === 'user' ? actor.userId : '');
const as = <T>(actor: TActor, fn: Parameters<typeof withTenant<T>>[1]) => withTenant(actor.type === 'user' ? actor.tenantId : '', fn, { userId: userIdOf(actor) });

async function escalate(tenant: TTestTenant, message = 'I want to talk to a human please, my email is anna.k@example.com') {
  const visitorId = `visitor-${randomUUID()}`;
  const reply = await answerCustomerMessage(tenant.id, { target: { agent: null, environment: 'production' }, visitor: { id: visitorId, ip: '203.0.113.9' }, message });
  expect(reply.handoffId).toBeTruthy();
  return { ...reply, handoffId: reply.handoffId!, visitorId };
}

beforeAll(async () => {
  acme = await createTenantWithArticles('handoff-acme', { 'shipping-times.md': ARTICLES['shipping-times.md'] });
  globex = await createTenantWithArticles('handoff-globex', { 'shipping-times.md': ARTICLES['shipping-times.md'] });
  agents = [];
  for (let i = 0; i < 10; i++) agents.push(await supportAgent(acme, `agent${i}`));
  globexAgent = await supportAgent(globex, 'globex-agent');
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('claiming a handoff', () => {
  it('lets exactly one of 10 concurrent claims win', async () => {
    const { handoffId } = await escalate(acme);
    const outcomes = await Promise.allSettled(agents.map((agent) => as(agent, (tx) => claimHandoff(tx, acme.id, agent, { handoffId }))));
    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    for (const loser of losers) expect(isAppError(loser.reason) && loser.reason.code).toBe('CONFLICT');
    const row = await system.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(row.status).toBe('assigned');
    const winnerIndex = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect(row.assigneeUserId).toBe(userIdOf(agents[winnerIndex]!));
    const claims = await system.auditEvent.findMany({ where: { tenantId: acme.id, action: 'handoff.claim', targetId: handoffId } });
    expect(claims).toHaveLength(1);
  });

  it('lists the handoff under New, then Mine for the claimer only, with reason and waiting time', async () => {
    const [me, other] = [agents[0]!, agents[1]!];
    const { handoffId, conversationId } = await escalate(acme);
    const fresh = await as(me, (tx) => listHandoffs(tx, me, { view: 'new' }));
    const item = fresh.items.find((h) => h.id === handoffId);
    expect(item).toMatchObject({ conversationId, reason: 'customer_request', status: 'pending', assignee: null });
    expect(item!.waitingSeconds).toBeGreaterThanOrEqual(0);
    expect(item!.preview).not.toContain('anna.k@example.com');
    await as(me, (tx) => claimHandoff(tx, acme.id, me, { handoffId }));
    expect((await as(me, (tx) => listHandoffs(tx, me, { view: 'mine' }))).items.map((h) => h.id)).toContain(handoffId);
    expect((await as(other, (tx) => listHandoffs(tx, other, { view: 'mine' }))).items.map((h) => h.id)).not.toContain(handoffId);
    expect((await as(me, (tx) => listHandoffs(tx, me, { view: 'new' }))).items.map((h) => h.id)).not.toContain(handoffId);
    await as(me, (tx) => unassignHandoff(tx, acme.id, me, { handoffId }));
    expect((await as(other, (tx) => listHandoffs(tx, other, { view: 'new' }))).items.map((h) => h.id)).toContain(handoffId);
  });
});

describe('working a conversation', () => {
  it('replies through the output filter, keeps notes internal, shows a redacted transcript and resolves', async () => {
    const me = agents[2]!;
    const { handoffId, conversationId, visitorId } = await escalate(acme);
    // Replying before claiming is refused: only the owner writes to the customer.
    await expect(as(me, (tx) => replyAsAgent(tx, acme.id, me, { conversationId, text: 'hi' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await as(me, (tx) => claimHandoff(tx, acme.id, me, { handoffId }));
    const reply = await as(me, (tx) => replyAsAgent(tx, acme.id, me, { conversationId, text: 'Hi, this is Sam. Our test key is sk_live_4eC39HqLyjWDarjtT1zdp7dc, ignore it.' }));
    expect(reply.content).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    // The agent's own name is not PII to hide from the customer.
    expect(reply.content).toContain('this is Sam');
    expect(reply.filtered).toContain('secret_redacted');
    await as(me, (tx) => addInternalNote(tx, acme.id, me, { conversationId, text: 'Customer seems upset, check order history.' }));

    const view = await as(me, (tx) => getConversationForAgent(tx, { conversationId }));
    expect(JSON.stringify(view)).not.toContain('anna.k@example.com');
    expect(view.messages.map((m) => m.role)).toEqual(['customer', 'assistant', 'human_agent', 'internal_note']);
    expect(view.messages[1]!.trace).toMatchObject({ outcome: 'handed_off', handoffReason: 'customer_request', guard: { injectionFlagged: false } });
    expect(view.handoff).toMatchObject({ id: handoffId, status: 'assigned', assignee: { userId: userIdOf(me) } });

    // The customer sees the AI's and the agent's replies, never the note.
    const seen = await listVisitorMessages(acme.id, { widgetKey: await widgetKeyOf(acme.id), visitorId, conversationId });
    expect(seen.withHuman).toBe(true);
    expect(seen.messages.map((m) => m.role)).toEqual(['assistant', 'human_agent']);
    expect(JSON.stringify(seen)).not.toContain('order history');
    // Another visitor asking for this conversation finds nothing.
    await expect(listVisitorMessages(acme.id, { widgetKey: await widgetKeyOf(acme.id), visitorId: `visitor-${randomUUID()}`, conversationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await as(me, (tx) => resolveHandoff(tx, acme.id, me, { handoffId }));
    expect((await system.conversation.findUniqueOrThrow({ where: { id: conversationId } })).status).toBe('resolved');
    await expect(as(me, (tx) => resolveHandoff(tx, acme.id, me, { handoffId }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const actions = (await system.auditEvent.findMany({ where: { tenantId: acme.id, OR: [{ targetId: handoffId }, { targetId: conversationId }] }, orderBy: { seq: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['conversation.handoff', 'handoff.claim', 'conversation.agent-reply', 'conversation.note', 'handoff.resolve']);
    const reply_event = await system.auditEvent.findFirstOrThrow({ where: { tenantId: acme.id, action: 'conversation.agent-reply', targetId: conversationId } });
    expect(JSON.stringify(reply_event.data)).not.toContain('sk_live');
  });
});

describe('tenant isolation', () => {
  it('never shows or lets another tenant work a handoff', async () => {
    const { handoffId, conversationId } = await escalate(acme);
    const listed = await as(globexAgent, (tx) => listHandoffs(tx, globexAgent, { view: 'open' }));
    expect(listed.items.map((h) => h.id)).not.toContain(handoffId);
    await expect(as(globexAgent, (tx) => claimHandoff(tx, globex.id, globexAgent, { handoffId }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(globexAgent, (tx) => getConversationForAgent(tx, { conversationId }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(globexAgent, (tx) => addInternalNote(tx, globex.id, globexAgent, { conversationId, text: 'x' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(globexAgent, (tx) => resolveHandoff(tx, globex.id, globexAgent, { handoffId }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await system.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe('pending');
  });
});

async function widgetKeyOf(tenantId: string): Promise<string> {
  const pointer = await system.agentEnvironmentPointer.findFirstOrThrow({ where: { tenantId, environment: 'production', agent: { slug: 'support' } } });
  return pointer.widgetKey;
}
