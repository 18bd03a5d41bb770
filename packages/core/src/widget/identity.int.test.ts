import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { startConversation } from '../conversation/start-conversation';
import { createTenantWithArticles, type TTestTenant } from '../conversation/testing/conversation-fixture';
import { getWidgetIdentityStatus, identityHashOf, IDENTITY_NOT_SET_UP, IDENTITY_REJECTED, rotateWidgetIdentitySecret } from './identity-secret';

const system = getSystemClient();
let acme: TTestTenant;
let globex: TTestTenant;
let acmeSecret = '';
let globexSecret = '';

const owner = (t: TTestTenant): TActor => ({ type: 'user', userId: t.ownerId, tenantId: t.id, roles: ['owner'] });
const rotate = (t: TTestTenant) => withTenant(t.id, (tx) => rotateWidgetIdentitySecret(tx, t.id, owner(t)), { userId: t.ownerId });
const start = (t: TTestTenant, identity?: { userId: string; userHash: string }) =>
  startConversation(t.id, { target: { agent: null, environment: 'production' }, visitor: { id: `visitor-${randomUUID()}` }, identity });

beforeAll(async () => {
  acme = await createTenantWithArticles('ident-acme', {});
  globex = await createTenantWithArticles('ident-globex', {});
  // Before any secret: a signed id is refused with a message that says why.
  await expect(start(acme, { userId: 'user-1', userHash: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'FORBIDDEN', publicMessage: IDENTITY_NOT_SET_UP });
  acmeSecret = (await rotate(acme)).secret;
  globexSecret = (await rotate(globex)).secret;
}, 60_000);

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('widget identity verification', () => {
  it('marks a visitor with a correct HMAC of their user id as verified; one without stays anonymous', async () => {
    const verified = await start(acme, { userId: 'customer-42', userHash: identityHashOf(acmeSecret, 'customer-42') });
    expect(verified.identityVerified).toBe(true);
    const row = await system.conversation.findUniqueOrThrow({ where: { id: verified.conversationId } });
    expect(row).toMatchObject({ identityVerified: true, externalUserId: 'customer-42' });
    const anonymous = await start(acme);
    expect(anonymous.identityVerified).toBe(false);
    expect(await system.conversation.findUniqueOrThrow({ where: { id: anonymous.conversationId } })).toMatchObject({ identityVerified: false, externalUserId: null });
    // Upper-case hex is the same hash.
    expect((await start(acme, { userId: 'customer-42', userHash: identityHashOf(acmeSecret, 'customer-42').toUpperCase() })).identityVerified).toBe(true);
  });

  it('refuses a wrong hash, another tenant\u2019s secret, and a hash replayed for a different user id, creating nothing', async () => {
    const before = await system.conversation.count({ where: { tenantId: acme.id } });
    const good = identityHashOf(acmeSecret, 'customer-42');
    const flipped = (good[0] === '0' ? '1' : '0') + good.slice(1);
    await expect(start(acme, { userId: 'customer-42', userHash: flipped })).rejects.toMatchObject({ code: 'UNAUTHORIZED', publicMessage: IDENTITY_REJECTED });
    await expect(start(acme, { userId: 'customer-42', userHash: identityHashOf(globexSecret, 'customer-42') })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // customer-42's valid hash presented for someone else's id.
    await expect(start(acme, { userId: 'customer-43', userHash: good })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Acme's valid hash at Globex's widget.
    await expect(start(globex, { userId: 'customer-42', userHash: good })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Malformed hashes are refused with a clear message before any comparison.
    await expect(start(acme, { userId: 'customer-42', userHash: 'not-hex' })).rejects.toThrow(/64 hex characters/);
    expect(await system.conversation.count({ where: { tenantId: acme.id } })).toBe(before);
  });

  it('stores the secret sealed, audits rotation without it, and a rotation invalidates old hashes', async () => {
    const row = await system.widgetIdentitySecret.findFirstOrThrow({ where: { tenantId: acme.id } });
    expect(row.secretSealed).not.toContain(acmeSecret);
    expect(row.secretSealed).not.toContain(acmeSecret.slice(4, 20));
    const old = identityHashOf(acmeSecret, 'customer-7');
    const { secret: next } = await rotate(acme);
    expect(next).not.toBe(acmeSecret);
    await expect(start(acme, { userId: 'customer-7', userHash: old })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await start(acme, { userId: 'customer-7', userHash: identityHashOf(next, 'customer-7') })).identityVerified).toBe(true);
    acmeSecret = next;
    const events = await system.auditEvent.findMany({ where: { tenantId: acme.id, action: 'widget.identity-secret.rotate' }, select: { data: true, targetId: true } });
    expect(events).toHaveLength(2);
    expect(events[0]!.targetId).toBe(row.id);
    expect(JSON.stringify(events)).not.toContain(next.slice(4));
    expect(JSON.stringify(events)).not.toContain(old);
    const status = await withTenant(acme.id, (tx) => getWidgetIdentityStatus(tx));
    expect(status.configured).toBe(true);
    expect(JSON.stringify(status)).not.toContain('vis_');
  });

  it('redacts a user id that is an e-mail address before storing it', async () => {
    const email = `anna.${randomUUID().slice(0, 8)}@example.com`;
    const started = await start(acme, { userId: email, userHash: identityHashOf(acmeSecret, email) });
    const row = await system.conversation.findUniqueOrThrow({ where: { id: started.conversationId } });
    expect(row.identityVerified).toBe(true);
    expect(row.externalUserId).not.toContain(email);
  });
});
