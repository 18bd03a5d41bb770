import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { startConversation } from '../conversation/start-conversation';
import { createTenantWithArticles, type TTestTenant } from '../conversation/testing/conversation-fixture';
import { identityHashOf, rotateWidgetIdentitySecret } from '../widget/identity-secret';
import { getConversationForAgent } from './get-conversation-for-agent';
import { listConversations } from './list-conversations';

// The inbox and the Conversations page show who the customer is: "Verified user <id>" when the
// host site signed the id (widget identity verification), "Anonymous visitor" otherwise.

const system = getSystemClient();
let acme: TTestTenant;
let secret = '';
const ids = { verified: '', anonymous: '', email: '', forged: '' };
const emailId = `anna.${randomUUID().slice(0, 8)}@example.com`;

const start = (identity?: { userId: string; userHash: string }) =>
  startConversation(acme.id, { target: { agent: null, environment: 'production' }, visitor: { id: `visitor-${randomUUID()}` }, identity });
const asOwner = <T>(run: Parameters<typeof withTenant<T>>[1]) => withTenant(acme.id, run, { userId: acme.ownerId });

beforeAll(async () => {
  acme = await createTenantWithArticles('identity-view', {});
  const owner: TActor = { type: 'user', userId: acme.ownerId, tenantId: acme.id, roles: ['owner'] };
  secret = (await asOwner((tx) => rotateWidgetIdentitySecret(tx, acme.id, owner))).secret;
  ids.verified = (await start({ userId: 'customer-42', userHash: identityHashOf(secret, 'customer-42') })).conversationId;
  ids.anonymous = (await start()).conversationId;
  ids.email = (await start({ userId: emailId, userHash: identityHashOf(secret, emailId) })).conversationId;
  // A row that claims an id without verification (e.g. written by an older version) shows as anonymous: the flag decides.
  ids.forged = (await start()).conversationId;
  await system.conversation.update({ where: { id: ids.forged }, data: { externalUserId: 'customer-999' } });
}, 60_000);

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe("the customer's identity in the inbox read model", () => {
  it('the conversation view says verified with the id, or anonymous', async () => {
    const view = (conversationId: string) => asOwner((tx) => getConversationForAgent(tx, { conversationId }));
    expect((await view(ids.verified)).customer).toEqual({ verified: true, externalUserId: 'customer-42' });
    expect((await view(ids.anonymous)).customer).toEqual({ verified: false, externalUserId: null });
    expect((await view(ids.forged)).customer).toEqual({ verified: false, externalUserId: null });
    // An e-mail address used as the user id was redacted when stored; the view shows the placeholder.
    const email = (await view(ids.email)).customer;
    expect(email.verified).toBe(true);
    expect(email.externalUserId).toMatch(/\[EMAIL_?\d*\]/);
    expect(email.externalUserId).not.toContain(emailId);
  });

  it('the Conversations list carries the same identity per row', async () => {
    const { items } = await asOwner((tx) => listConversations(tx, { limit: 100 }));
    const byId = new Map(items.map((item) => [item.id, item.customer]));
    expect(byId.get(ids.verified)).toEqual({ verified: true, externalUserId: 'customer-42' });
    expect(byId.get(ids.anonymous)).toEqual({ verified: false, externalUserId: null });
    expect(byId.get(ids.forged)).toEqual({ verified: false, externalUserId: null });
    expect(byId.get(ids.email)?.externalUserId).not.toContain(emailId);
  });
});
