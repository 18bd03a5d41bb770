import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserMemberships, type TRole, type TVouchSession } from '@vouch/auth';
import { addMember, createTenant, runEvaluation } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeQueues, closeRedis, getQueue } from '@vouch/jobs';
import { appRouter } from '../root';
import { createCallerFactory, createTRPCContext } from '../trpc';

const createCaller = createCallerFactory(appRouter);
const system = getSystemClient();
const suffix = randomBytes(3).toString('hex');
const SYSTEM = { type: 'system', name: 'agents-api-test' } as const;
let slug = '';
let tenantId = '';
let agentId = '';
const sessions: Record<'owner' | 'builder' | 'deployer' | 'auditor', TVouchSession> = {} as never;

const as = (who: keyof typeof sessions) => createCaller(createTRPCContext({ session: sessions[who], tenantSlug: slug, ip: '127.0.0.1', userAgent: 'vitest' }));

async function sessionOf(userId: string, email: string): Promise<TVouchSession> {
  return { user: { id: userId, email, name: null }, memberships: await listUserMemberships(userId), expires: '' };
}

beforeAll(async () => {
  const created = await system.$transaction((tx) => createTenant(tx, SYSTEM, { slug: `agentsapi-${suffix}`, ownerEmail: `agentsapi-${suffix}@example.test` }));
  slug = created.tenant.slug;
  tenantId = created.tenant.id;
  sessions.owner = await sessionOf(created.owner.user.id, created.owner.user.email);
  for (const [who, role] of [['builder', 'agent_builder'], ['deployer', 'deployer'], ['auditor', 'auditor']] as [keyof typeof sessions, TRole][]) {
    const email = `agentsapi-${who}-${suffix}@example.test`;
    const added = await system.$transaction((tx) => addMember(tx, tenantId, SYSTEM, { email, roles: [role] }));
    sessions[who] = await sessionOf(added.user.id, email);
  }
  agentId = (await as('auditor').agents.list())[0]!.id;
});

afterAll(async () => {
  await closeQueues();
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
});

describe('agents procedures', () => {
  it('edits staging into a new version, diffs it, and leaves production alone', async () => {
    const agent = await as('builder').agents.get({ agentId });
    const base = agent.environments.find((e) => e.environment === 'staging')!;
    const saved = await as('builder').agents.editStaging({ agentId, baseVersionId: base.versionId, config: { ...agent.stagingConfig, greeting: 'API says hi' }, note: 'greeting' });
    expect(saved.version).toBe(2);
    const diff = await as('auditor').agents.diff({ fromVersionId: base.versionId, toVersionId: saved.versionId });
    expect(diff.changes).toEqual([expect.objectContaining({ path: 'greeting', after: 'API says hi' })]);
    const list = await as('auditor').agents.list();
    expect(list[0]).toMatchObject({ staging: { version: 2 }, production: { version: 1 } });
    // The auditor reads but cannot edit; a malformed config is refused with the field, not a 500.
    await expect(as('auditor').agents.editStaging({ agentId, baseVersionId: saved.versionId, config: agent.stagingConfig })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as('builder').agents.editStaging({ agentId, baseVersionId: saved.versionId, config: { ...agent.stagingConfig, groundingThreshold: 7 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers in the playground with a trace, creating no conversation', async () => {
    const before = await system.conversation.count({ where: { tenantId } });
    const reply = await as('builder').agents.playground({ agentId, message: 'I need a refund for my broken kettle' });
    expect(reply).toMatchObject({ escalated: true, reason: 'always_human_topic', trace: { outcome: 'handed_off', handoffTopic: 'refunds' } });
    expect(await system.conversation.count({ where: { tenantId } })).toBe(before);
  });

  it('queues an evaluation as a job once the run is committed, and keeps history per version', async () => {
    const agent = await as('builder').agents.get({ agentId });
    await as('builder').agents.createCase({ agentId, case: { name: 'Refunds go to a person', kind: 'must_escalate', question: 'Can I get a refund?' } });
    const run = await as('builder').agents.startRun({ versionId: agent.environments.find((e) => e.environment === 'staging')!.versionId });
    const job = await getQueue('agent').getJob(`eval-${run.runId}`);
    expect(job?.data).toEqual({ tenantId, runId: run.runId });
    await expect(as('builder').agents.startRun({ versionId: agent.environments.find((e) => e.environment === 'staging')!.versionId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await runEvaluation(tenantId, run.runId);
    const runs = await as('auditor').agents.runs({ agentId, versionId: agent.environments.find((e) => e.environment === 'staging')!.versionId });
    expect(runs[0]).toMatchObject({ id: run.runId, status: 'passed', version: 2 });
    const detail = await as('auditor').agents.run({ runId: run.runId });
    expect(detail.results.find((r) => r.name === 'Refunds go to a person')).toMatchObject({ passed: true, trace: { outcome: 'handed_off' } });
  });

  it('needs a second person to approve, then production serves the version at once; rollback in one call', async () => {
    const agent = await as('builder').agents.get({ agentId });
    const staging = agent.environments.find((e) => e.environment === 'staging')!;
    const v1 = agent.versions.find((v) => v.version === 1)!;
    // The owner requests (and holds agent.deploy too), so the owner cannot approve.
    const request = await as('owner').agents.requestPromotion({ agentId, versionId: staging.versionId });
    expect(await getQueue('agent').getJob(`eval-${request.runId}`)).toBeTruthy();
    await runEvaluation(tenantId, request.runId);
    await expect(as('owner').agents.decidePromotion({ promotionId: request.promotionId, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/someone else/) });
    await expect(as('builder').agents.decidePromotion({ promotionId: request.promotionId, decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as('deployer').agents.decidePromotion({ promotionId: request.promotionId, decision: 'approve', comment: 'ok' });
    const after = await as('auditor').agents.get({ agentId });
    expect(after.environments.find((e) => e.environment === 'production')).toMatchObject({ versionId: staging.versionId });
    expect((await as('auditor').agents.promotions({ agentId }))[0]).toMatchObject({ status: 'deployed', decidedBy: sessions.deployer.user.id, requestedBy: sessions.owner.user.id });

    await as('deployer').agents.rollback({ agentId, versionId: v1.id, reason: 'back to v1' });
    const rolled = await as('auditor').agents.get({ agentId });
    expect(rolled.environments.find((e) => e.environment === 'production')).toMatchObject({ version: 1 });
    expect(rolled.deployments[0]).toMatchObject({ environment: 'production', kind: 'rollback', version: 1, previousVersion: 2, reason: 'back to v1' });
    const audit = await as('owner').audit.list({ limit: 50 });
    expect(audit.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['agent.config-edit', 'agent.eval-case-create', 'agent.evaluation-start', 'agent.promotion-request', 'agent.promotion-gate-pass', 'agent.promotion-approve', 'agent.rollback']),
    );
  });
});
