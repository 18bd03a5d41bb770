import { randomBytes } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserMemberships, type TVouchSession } from '@vouch/auth';
import { AppError, createTenant } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { appRouter } from './root';
import { createCallerFactory, createTRPCContext, createTRPCRouter, publicProcedure } from './trpc';

const createCaller = createCallerFactory(appRouter);
const suffix = randomBytes(3).toString('hex');
const actor = { type: 'system', name: 'api-test' } as const;

let sessionA: TVouchSession;
let slugB: string;

async function sessionFor(userId: string, email: string): Promise<TVouchSession> {
  return { user: { id: userId, email, name: null }, memberships: await listUserMemberships(userId), expires: '' };
}

function callerAs(session: TVouchSession | null, tenantSlug: string | null) {
  return createCaller(createTRPCContext({ session, tenantSlug, ip: '127.0.0.1', userAgent: 'vitest' }));
}

beforeAll(async () => {
  const system = getSystemClient();
  const a = await system.$transaction((tx) => createTenant(tx, actor, { slug: `api-a-${suffix}`, ownerEmail: `a-${suffix}@example.test` }));
  const b = await system.$transaction((tx) => createTenant(tx, actor, { slug: `api-b-${suffix}`, ownerEmail: `b-${suffix}@example.test` }));
  slugB = b.tenant.slug;
  sessionA = await sessionFor(a.owner.user.id, a.owner.user.email);
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('procedures', () => {
  it('health reports Postgres and Redis', async () => {
    const health = await callerAs(null, null).system.health();
    expect(health).toMatchObject({ ok: true, postgres: { ok: true }, redis: { ok: true } });
  });

  it('refuses tenant procedures without a session', async () => {
    await expect(callerAs(null, null).tenant.overview()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it("returns the member's own tenant, counted under RLS", async () => {
    const overview = await callerAs(sessionA, `api-a-${suffix}`).tenant.overview();
    expect(overview.tenant.slug).toBe(`api-a-${suffix}`);
    expect(overview.counts).toMatchObject({ agents: 1, members: 1 });
  });

  it('refuses a tenant the user is not a member of, even by slug', async () => {
    await expect(callerAs(sessionA, slugB).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a forged session membership that the database does not have', async () => {
    const forged: TVouchSession = {
      ...sessionA,
      memberships: [
        ...sessionA.memberships,
        { tenantId: (await getSystemClient().tenant.findUniqueOrThrow({ where: { slug: slugB } })).id, tenantSlug: slugB, tenantName: 'B', roles: ['owner'] },
      ],
    };
    await expect(callerAs(forged, slugB).tenant.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks permissions from the roles table', async () => {
    const auditorOnly: TVouchSession = {
      ...sessionA,
      memberships: sessionA.memberships.map((m) => ({ ...m, roles: ['auditor'] })),
    };
    // Roles come from the database row, not from the session: the owner row still allows it.
    const result = await callerAs(auditorOnly, `api-a-${suffix}`).audit.verifyChain();
    expect(result.ok).toBe(true);
  });

  it('never sends a stack trace or internal message over HTTP, and maps AppErrors to their status', async () => {
    const probeRouter = createTRPCRouter({
      crash: publicProcedure.query(() => {
        throw new Error('relation "secrets" at /srv/app/db.ts:12');
      }),
      conflict: publicProcedure.query(() => {
        throw new AppError('CONFLICT', 'That slug is taken.');
      }),
    });
    const call = (path: string) =>
      fetchRequestHandler({
        endpoint: '/api/trpc',
        req: new Request(`http://localhost/api/trpc/${path}`),
        router: probeRouter,
        createContext: () => createTRPCContext({ session: null, tenantSlug: null, ip: null, userAgent: null }),
        onError: () => undefined,
      });
    const crash = await call('crash');
    const crashBody = await crash.text();
    expect(crash.status).toBe(500);
    expect(crashBody).not.toMatch(/secrets|db\.ts|stack|at /);
    expect(crashBody).toContain('Something went wrong on our side');
    const conflict = await call('conflict');
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain('That slug is taken.');
  });
});
