import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserMemberships, type TRole, type TVouchSession } from '@vouch/auth';
import { addMember, closeRealtime, createTenant, inboxChannel, publishRealtimeEvent, subscribeRealtime, type TRealtimeEvent } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { appRouter } from './root';
import { createCallerFactory, createTRPCContext } from './trpc';

const createCaller = createCallerFactory(appRouter);
const system = getSystemClient();
const suffix = randomBytes(3).toString('hex');
const actor = { type: 'system', name: 'inbox-api-test' } as const;
let tenantId = '';
let tenantSlug = '';
let agentId = '';
const sessions: Record<string, TVouchSession> = {};

async function member(label: string, roles: TRole[]): Promise<TVouchSession> {
  const email = `inbox-api-${label}-${suffix}@example.test`;
  const added = await system.$transaction((tx) => addMember(tx, tenantId, actor, { email, roles }));
  return { user: { id: added.user.id, email, name: null }, memberships: await listUserMemberships(added.user.id), expires: '' };
}
const as = (session: TVouchSession) => createCaller(createTRPCContext({ session, tenantSlug, ip: '127.0.0.1', userAgent: 'vitest' }));

/** A pending handoff written straight to the database (the answer pipeline is tested in core). */
async function pendingHandoff(): Promise<{ handoffId: string; conversationId: string }> {
  const conversation = await system.conversation.create({ data: { tenantId, agentId, status: 'handed_off' } });
  const handoff = await system.handoff.create({ data: { tenantId, conversationId: conversation.id, reason: 'customer_request' } });
  return { handoffId: handoff.id, conversationId: conversation.id };
}

beforeAll(async () => {
  const created = await system.$transaction((tx) => createTenant(tx, actor, { slug: `inbox-api-${suffix}`, ownerEmail: `inbox-api-owner-${suffix}@example.test` }));
  tenantId = created.tenant.id;
  tenantSlug = created.tenant.slug;
  agentId = created.agent.id;
  sessions.a = await member('a', ['support_agent']);
  sessions.b = await member('b', ['support_agent']);
  sessions.auditor = await member('auditor', ['auditor']);
});

afterAll(async () => {
  await closeRealtime();
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
});

describe('inbox procedures on the realtime bus', () => {
  it('publish once the change is committed, and nothing for a refused or failed action', async () => {
    const seen: { event: TRealtimeEvent; status: string | null }[] = [];
    let sentinelSeen: () => void = () => undefined;
    const sentinel = new Promise<void>((resolve) => (sentinelSeen = resolve));
    const stop = await subscribeRealtime(inboxChannel(tenantId), (event) => {
      if (event.kind === 'presence.changed' && event.userId === sessions.auditor!.user.id) return sentinelSeen();
      // What a listener refetching now would read: the row must already be committed.
      void system.handoff.findUnique({ where: { id: event.handoffId ?? '00000000-0000-4000-8000-000000000000' }, select: { status: true } }).then((row) => seen.push({ event, status: row?.status ?? null }));
    });
    const { handoffId, conversationId } = await pendingHandoff();

    const claimed = await as(sessions.a!).inbox.claim({ handoffId });
    expect(claimed).toEqual({ handoffId, conversationId });
    expect(claimed).not.toHaveProperty('events');
    // The losing claim, a reply from someone who does not own it and a role without handoff.work change nothing and publish nothing.
    await expect(as(sessions.b!).inbox.claim({ handoffId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(sessions.b!).inbox.reply({ conversationId, text: 'hello' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(sessions.auditor!).inbox.resolve({ handoffId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await publishRealtimeEvent(inboxChannel(tenantId), { kind: 'presence.changed', tenantId, userId: sessions.auditor!.user.id });
    await sentinel;
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the refetches above settle
    expect(seen.map((s) => [s.event.kind, s.event.handoffId, s.event.userId, s.status])).toEqual([['handoff.claimed', handoffId, sessions.a!.user.id, 'assigned']]);
    await stop();
  });

  it('lets the SSE endpoint know the tenant only through inbox.read', async () => {
    expect(await as(sessions.a!).inbox.streamAccess()).toEqual({ tenantId });
    await expect(as(sessions.auditor!).inbox.streamAccess()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createCaller(createTRPCContext({ session: null, tenantSlug, ip: '127.0.0.1', userAgent: 'vitest' })).inbox.streamAccess()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses pii.reveal to a support agent before looking anything up', async () => {
    const { conversationId } = await pendingHandoff();
    await expect(as(sessions.a!).inbox.reveal({ conversationId, placeholder: '[EMAIL_1]' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await system.auditEvent.count({ where: { tenantId, action: 'pii.reveal' } })).toBe(0);
  });
});
