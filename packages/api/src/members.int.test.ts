import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateWithPassword, listUserMemberships, type TVouchSession } from '@vouch/auth';
import { addMember, createTenant } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { appRouter } from './root';
import { createCallerFactory, createTRPCContext } from './trpc';

const createCaller = createCallerFactory(appRouter);
const suffix = randomBytes(3).toString('hex');
const system = getSystemClient();
const actor = { type: 'system', name: 'members-test' } as const;
let tenantId = '';
let slug = '';
let owner: TVouchSession;
let admin: TVouchSession;

async function sessionOf(userId: string, email: string): Promise<TVouchSession> {
  return { user: { id: userId, email, name: null }, memberships: await listUserMemberships(userId), expires: '' };
}
function as(session: TVouchSession | null) {
  return createCaller(createTRPCContext({ session, tenantSlug: slug, ip: '127.0.0.1', userAgent: 'vitest' }));
}

beforeAll(async () => {
  const created = await system.$transaction((tx) => createTenant(tx, actor, { slug: `members-${suffix}`, ownerEmail: `m-owner-${suffix}@example.test` }));
  tenantId = created.tenant.id;
  slug = created.tenant.slug;
  owner = await sessionOf(created.owner.user.id, created.owner.user.email);
  const added = await system.$transaction((tx) => addMember(tx, tenantId, actor, { email: `m-admin-${suffix}@example.test`, roles: ['admin'] }));
  admin = await sessionOf(added.user.id, added.user.email);
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('invitations', () => {
  it('invite → preview → accept with a new account → the invitee can sign in as a member', async () => {
    const email = `newbie-${suffix}@example.test`;
    const { token, invitation } = await as(admin).invitations.create({ email, roles: ['support_agent'] });
    const stored = await system.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    await expect(as(null).invitations.preview({ token })).resolves.toMatchObject({ email, roles: ['support_agent'] });
    const accepted = await as(null).invitations.accept({ token, newAccount: { name: 'New Bie', password: 'a-good-long-password' } });
    expect(accepted).toMatchObject({ tenantId, roles: ['support_agent'] });
    const user = await authenticateWithPassword(email, 'a-good-long-password');
    expect(user?.id).toBe(accepted.userId);
    expect((await listUserMemberships(accepted.userId)).map((m) => m.tenantSlug)).toEqual([slug]);

    const actions = (await system.auditEvent.findMany({ where: { tenantId }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['member.invite', 'member.invite-accept']));
  });

  it('works once, even when accepted twice at the same moment', async () => {
    const { token } = await as(owner).invitations.create({ email: `race-${suffix}@example.test`, roles: ['auditor'] });
    const attempts = await Promise.allSettled([
      as(null).invitations.accept({ token, newAccount: { name: 'Race', password: 'a-good-long-password' } }),
      as(null).invitations.accept({ token, newAccount: { name: 'Race', password: 'a-good-long-password' } }),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    await expect(as(null).invitations.preview({ token })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses expired, revoked, unknown and mismatched invitations', async () => {
    const expired = await as(owner).invitations.create({ email: `late-${suffix}@example.test`, roles: ['auditor'] });
    await system.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(as(null).invitations.preview({ token: expired.token })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/expired/) });

    const revoked = await as(owner).invitations.create({ email: `gone-${suffix}@example.test`, roles: ['auditor'] });
    await as(owner).invitations.revoke({ id: revoked.invitation.id });
    await expect(as(null).invitations.accept({ token: revoked.token, newAccount: { name: 'X', password: 'a-good-long-password' } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    await expect(as(null).invitations.preview({ token: randomBytes(32).toString('base64url') })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const forSomeoneElse = await as(owner).invitations.create({ email: `other-${suffix}@example.test`, roles: ['auditor'] });
    await expect(as(admin).invitations.accept({ token: forSomeoneElse.token })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never lets an admin hand out the owner role', async () => {
    await expect(as(admin).invitations.create({ email: `boss-${suffix}@example.test`, roles: ['owner'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('member management', () => {
  it('lets an admin change a support agent but not themselves or an owner', async () => {
    const agent = await system.$transaction((tx) => addMember(tx, tenantId, actor, { email: `m-agent-${suffix}@example.test`, roles: ['support_agent'] }));
    const changed = await as(admin).members.updateRoles({ userId: agent.user.id, roles: ['support_agent', 'knowledge_reviewer'] });
    expect(changed.roles).toEqual(['support_agent', 'knowledge_reviewer']);
    await expect(as(admin).members.updateRoles({ userId: admin.user.id, roles: ['admin', 'auditor'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(admin).members.remove({ userId: owner.user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(admin).members.updateRoles({ userId: agent.user.id, roles: ['owner'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const change = await system.auditEvent.findFirst({ where: { tenantId, action: 'member.roles-change', targetId: agent.user.id } });
    expect(change?.data).toMatchObject({ before: ['support_agent'], after: ['support_agent', 'knowledge_reviewer'] });
  });

  it('keeps at least one owner', async () => {
    await expect(as(owner).members.remove({ userId: owner.user.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(owner).members.updateRoles({ userId: owner.user.id, roles: ['admin'] })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lists members with their MFA status, within the tenant only', async () => {
    const members = await as(owner).members.list();
    expect(members.map((m) => m.email)).toContain(admin.user.email);
    expect(members.every((m) => typeof m.mfaEnabled === 'boolean')).toBe(true);
    expect(members.map((m) => m.email).some((e) => e.startsWith('keys-'))).toBe(false);
  });

  it('a removed member loses access at once', async () => {
    const temp = await system.$transaction((tx) => addMember(tx, tenantId, actor, { email: `m-temp-${suffix}@example.test`, roles: ['auditor'] }));
    const tempSession = await sessionOf(temp.user.id, temp.user.email);
    await expect(as(tempSession).tenant.overview()).resolves.toBeTruthy();
    await as(owner).members.remove({ userId: temp.user.id });
    // The stale session still lists the membership; the database no longer has it.
    await expect(as(tempSession).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
