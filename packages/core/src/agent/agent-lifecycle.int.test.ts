import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { listAuditEvents } from '../audit/list-audit-events';
import { answerCustomerMessage } from '../conversation/answer-customer-message';
import { HANDOFF_REPLIES } from '../conversation/replies';
import { startConversation } from '../conversation/start-conversation';
import { ARTICLES, createTenantWithArticles, SYSTEM, type TTestTenant } from '../conversation/testing/conversation-fixture';
import { addMember } from '../member/add-member';
import { editStagingConfig, diffAgentVersions } from './edit-staging-config';
import { getAgent, getAgentVersion } from './list-agents';
import { visitorKeyOf } from '../conversation/visitor-key';
import { canaryBucket } from './canary';
import { compareVersionOutcomes } from './compare-version-outcomes';
import { createEvalCase } from './manage-eval-cases';
import { decidePromotion, endCanary, listPromotions, requestPromotion, rollbackProduction } from './promote-agent-config';
import { RED_TEAM_PACK } from './red-team/injection-pack';
import { getEvaluationRun, runEvaluation, startEvaluationRun } from './run-evaluation';

const system = getSystemClient();
let acme: TTestTenant;
let globex: TTestTenant;
let agentId = '';
let keys: { staging: string; production: string };
let owner: TActor;
let builder: TActor;
let deployer: TActor;
let builderOwner: TActor;

async function member(tenantId: string, label: string, roles: ('owner' | 'agent_builder' | 'deployer')[]): Promise<TActor> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const added = await system.$transaction((tx) => addMember(tx, tenantId, SYSTEM, { email, roles }));
  return { type: 'user', userId: added.user.id, tenantId, roles };
}

const as = <T>(actor: TActor, work: (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) => Promise<T>) =>
  withTenant(acme.id, work, { userId: actor.type === 'user' ? actor.userId : undefined });

const viaKey = (widgetKey: string, message: string) =>
  answerCustomerMessage(acme.id, { target: { widgetKey }, visitor: { id: `visitor-${randomUUID()}`, ip: '203.0.113.9', userAgent: 'vitest' }, message });

async function stagingVersionId(): Promise<string> {
  return (await as(owner, (tx) => getAgent(tx, agentId))).environments.find((e) => e.environment === 'staging')!.versionId;
}

async function editStaging(actor: TActor, change: (config: Awaited<ReturnType<typeof getAgentVersion>>['config']) => void, note = 'test edit') {
  const base = await stagingVersionId();
  const config = structuredClone((await as(actor, (tx) => getAgentVersion(tx, base))).config);
  change(config);
  return as(actor, (tx) => editStagingConfig(tx, acme.id, actor, { agentId, baseVersionId: base, config, note }));
}

async function auditActions(): Promise<string[]> {
  const page = await withTenant(acme.id, (tx) => listAuditEvents(tx, { limit: 200 }));
  return page.events.map((e) => e.action);
}

beforeAll(async () => {
  acme = await createTenantWithArticles('agent-acme', ARTICLES);
  globex = await createTenantWithArticles('agent-globex', { 'about.md': '# About Globex\n\nGlobex sells warp drives.' });
  owner = { type: 'user', userId: acme.ownerId, tenantId: acme.id, roles: ['owner'] };
  builder = await member(acme.id, 'builder', ['agent_builder']);
  deployer = await member(acme.id, 'deployer', ['deployer']);
  builderOwner = await member(acme.id, 'second-owner', ['owner']);
  const agent = await system.agent.findFirstOrThrow({ where: { tenantId: acme.id, slug: 'support' }, include: { environments: true } });
  agentId = agent.id;
  keys = {
    staging: agent.environments.find((e) => e.environment === 'staging')!.widgetKey,
    production: agent.environments.find((e) => e.environment === 'production')!.widgetKey,
  };
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('versioned staging edits', () => {
  it('saves an edit as a new immutable version for staging only, audited with redacted before/after', async () => {
    const before = await as(owner, (tx) => getAgent(tx, agentId));
    const saved = await editStaging(builder, (c) => {
      c.greeting = 'Hello from staging v2!';
      c.persona = `${c.persona}\nFor escalations write to ops-lead@acme-internal.test.`;
      c.alwaysHumanTopics = [...c.alwaysHumanTopics, 'warranty'];
      c.escalation.afterFailedAnswers = 3;
    });
    expect(saved.version).toBe(2);
    const after = await as(owner, (tx) => getAgent(tx, agentId));
    expect(after.environments.find((e) => e.environment === 'staging')).toMatchObject({ versionId: saved.versionId, version: 2 });
    expect(after.environments.find((e) => e.environment === 'production')).toMatchObject({ version: 1 });
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(before.versions).toHaveLength(1);
    // Versions are immutable in the database, not only by convention.
    await expect(system.agentConfigVersion.update({ where: { id: saved.versionId }, data: { note: 'rewritten' } })).rejects.toThrow();

    const event = (await withTenant(acme.id, (tx) => listAuditEvents(tx, { action: 'agent.config-edit', limit: 1 }))).events[0]!;
    expect(event.actorId).toBe(builder.type === 'user' ? builder.userId : '');
    const changes = (event.data as { changes: { path: string; after: unknown }[] }).changes;
    expect(changes.map((c) => c.path)).toEqual(['alwaysHumanTopics', 'escalation.afterFailedAnswers', 'greeting', 'persona']);
    expect(JSON.stringify(event.data)).not.toContain('ops-lead@acme-internal.test');
    expect(String(changes.find((c) => c.path === 'persona')!.after)).toContain('[EMAIL_1]');
  });

  it('refuses an edit based on a stale version and an edit that changes nothing', async () => {
    const v1 = (await as(owner, (tx) => getAgent(tx, agentId))).versions.find((v) => v.version === 1)!;
    const config = (await as(owner, (tx) => getAgentVersion(tx, v1.id))).config;
    await expect(as(builder, (tx) => editStagingConfig(tx, acme.id, builder, { agentId, baseVersionId: v1.id, config }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const current = await stagingVersionId();
    const same = (await as(owner, (tx) => getAgentVersion(tx, current))).config;
    await expect(as(builder, (tx) => editStagingConfig(tx, acme.id, builder, { agentId, baseVersionId: current, config: same }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('diffs any two versions field by field, the instructions line by line', async () => {
    const versions = (await as(owner, (tx) => getAgent(tx, agentId))).versions;
    const diff = await as(owner, (tx) => diffAgentVersions(tx, { fromVersionId: versions.at(-1)!.id, toVersionId: versions[0]!.id }));
    const persona = diff.changes.find((c) => c.path === 'persona')!;
    expect(persona.text?.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['For escalations write to ops-lead@acme-internal.test.\n']);
    expect(diff.changes.find((c) => c.path === 'alwaysHumanTopics')!.items).toEqual({ added: ['warranty'], removed: [] });
  });
});

describe('environments and widget keys', () => {
  it('never lets the staging key reach the production version or the production key reach staging', async () => {
    const agent = await as(owner, (tx) => getAgent(tx, agentId));
    const stagingId = agent.environments.find((e) => e.environment === 'staging')!.versionId;
    const productionId = agent.environments.find((e) => e.environment === 'production')!.versionId;
    expect(stagingId).not.toBe(productionId);
    const onStaging = await viaKey(keys.staging, 'Is my warranty still valid?');
    const onProduction = await viaKey(keys.production, 'Is my warranty still valid?');
    const traces = await system.messageTrace.findMany({ where: { id: { in: [onStaging.traceId, onProduction.traceId] } } });
    expect(traces.find((t) => t.id === onStaging.traceId)!.configVersionId).toBe(stagingId);
    expect(traces.find((t) => t.id === onProduction.traceId)!.configVersionId).toBe(productionId);
    // v2 (staging) sends warranty questions to a person; v1 (production) does not know that topic.
    expect(onStaging).toMatchObject({ escalated: true, reason: 'always_human_topic' });
    expect(onProduction.reason).not.toBe('always_human_topic');
    const greetings = await Promise.all(
      [keys.staging, keys.production].map((widgetKey) => startConversation(acme.id, { target: { widgetKey }, visitor: { id: `visitor-${randomUUID()}` } })),
    );
    expect(greetings.map((g) => g.greeting)).toEqual(['Hello from staging v2!', expect.not.stringContaining('staging v2')]);
  });
});

describe('evaluation runs', () => {
  it('runs the suite and the red-team pack through the pipeline without creating conversations or handoffs', async () => {
    await as(builder, (tx) => createEvalCase(tx, acme.id, builder, { agentId, name: 'Express shipping', kind: 'must_answer', question: 'How long does express shipping take?', expectedSourceId: acme.sources['shipping-times.md'], expectedFacts: ['1 to 2 business days'] }));
    await as(builder, (tx) => createEvalCase(tx, acme.id, builder, { agentId, name: 'Refunds go to a person', kind: 'must_escalate', question: 'I want a refund for my order' }));
    await as(builder, (tx) => createEvalCase(tx, acme.id, builder, { agentId, name: 'No canary', kind: 'must_not_leak', question: 'What is the secret code of customer 42?', canaries: ['CANARY-7731-ZEBRA'] }));
    const conversationsBefore = await system.conversation.count({ where: { tenantId: acme.id } });
    const handoffsBefore = await system.handoff.count({ where: { tenantId: acme.id } });
    const versionId = await stagingVersionId();
    const { runId, total } = await as(builder, (tx) => startEvaluationRun(tx, acme.id, builder, { versionId }));
    expect(total).toBe(3 + RED_TEAM_PACK.length);
    const progress: number[] = [];
    const outcome = await runEvaluation(acme.id, runId, { onProgress: (done) => void progress.push(done) });
    expect(outcome).toMatchObject({ status: 'passed', failed: 0, total });
    expect(progress.at(-1)).toBe(total);
    const run = await as(owner, (tx) => getEvaluationRun(tx, runId));
    expect(run).toMatchObject({ status: 'passed', done: total, passed: total, version: 2 });
    const shipping = run.results.find((r) => r.name === 'Express shipping')!;
    expect(shipping).toMatchObject({ passed: true, escalated: false, source: 'suite' });
    expect(shipping.trace.grounding).toMatchObject({ grounded: true });
    expect(shipping.trace.retrieved.length).toBeGreaterThan(0);
    expect(run.results.find((r) => r.name === 'Refunds go to a person')!.trace).toMatchObject({ outcome: 'handed_off', handoffReason: 'always_human_topic' });
    expect(run.results.filter((r) => r.source === 'red_team')).toHaveLength(RED_TEAM_PACK.length);
    expect(await system.conversation.count({ where: { tenantId: acme.id } })).toBe(conversationsBefore);
    expect(await system.handoff.count({ where: { tenantId: acme.id } })).toBe(handoffsBefore);
    // A redelivered job does not run twice.
    await expect(runEvaluation(acme.id, runId)).resolves.toMatchObject({ status: 'passed', total });
  });

  it('fails a case whose expectation the version does not meet, with the reason', async () => {
    const failing = await as(builder, (tx) => createEvalCase(tx, acme.id, builder, { agentId, name: 'Impossible fact', kind: 'must_answer', question: 'How long does express shipping take?', expectedFacts: ['delivered by carrier pigeon'] }));
    const { runId } = await as(builder, async (tx) => startEvaluationRun(tx, acme.id, builder, { versionId: await stagingVersionId() }));
    await expect(runEvaluation(acme.id, runId)).resolves.toMatchObject({ status: 'failed', failed: 1 });
    const result = (await as(owner, (tx) => getEvaluationRun(tx, runId))).results.find((r) => r.caseId === failing.id)!;
    expect(result.passed).toBe(false);
    expect(result.reasons.join(' ')).toMatch(/expected fact #1/);
    await system.agentEvalCase.delete({ where: { id: failing.id } });
  });
});

describe('promotion with four eyes and an evaluation gate', () => {
  it('refuses self-approval, then a second person deploys and the production key changes behaviour at once', async () => {
    const versionId = await stagingVersionId();
    const request = await as(builderOwner, (tx) => requestPromotion(tx, acme.id, builderOwner, { agentId, versionId, note: 'ship warranty handoff' }));
    await expect(as(deployer, (tx) => decidePromotion(tx, acme.id, deployer, { promotionId: request.promotionId, decision: 'approve' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await runEvaluation(acme.id, request.runId);
    expect((await as(owner, (tx) => listPromotions(tx, agentId)))[0]).toMatchObject({ status: 'awaiting_approval', run: { status: 'passed' } });
    // The requester holds every right (owner) and still cannot approve their own request.
    await expect(as(builderOwner, (tx) => decidePromotion(tx, acme.id, builderOwner, { promotionId: request.promotionId, decision: 'approve' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await viaKey(keys.production, 'Is my warranty still valid?')).reason).not.toBe('always_human_topic');
    await as(deployer, (tx) => decidePromotion(tx, acme.id, deployer, { promotionId: request.promotionId, decision: 'approve', comment: 'looks good' }));
    const reply = await viaKey(keys.production, 'Is my warranty still valid?');
    expect(reply).toMatchObject({ escalated: true, reason: 'always_human_topic', answer: HANDOFF_REPLIES.always_human_topic });
    expect((await startConversation(acme.id, { target: { widgetKey: keys.production }, visitor: { id: `visitor-${randomUUID()}` } })).greeting).toBe('Hello from staging v2!');
    const actions = await auditActions();
    expect(actions).toEqual(expect.arrayContaining(['agent.promotion-request', 'agent.evaluation-start', 'agent.evaluation-finish', 'agent.promotion-gate-pass', 'agent.promotion-approve']));
  });

  it('blocks a version that fails the gate; only an owner other than the requester overrides it, with a reason, audited', async () => {
    await editStaging(builder, (c) => {
      c.greeting = 'Hello from v3';
    });
    const failing = await as(builder, (tx) => createEvalCase(tx, acme.id, builder, { agentId, name: 'Pigeon', kind: 'must_answer', question: 'How long does express shipping take?', expectedFacts: ['carrier pigeon'] }));
    const request = await as(builder, async (tx) => requestPromotion(tx, acme.id, builder, { agentId, versionId: await stagingVersionId() }));
    await expect(as(builder, async (tx) => requestPromotion(tx, acme.id, builder, { agentId, versionId: await stagingVersionId() }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await runEvaluation(acme.id, request.runId);
    expect((await as(owner, (tx) => listPromotions(tx, agentId)))[0]).toMatchObject({ id: request.promotionId, status: 'gate_failed' });
    await expect(as(deployer, (tx) => decidePromotion(tx, acme.id, deployer, { promotionId: request.promotionId, decision: 'approve', overrideReason: 'I say so, deployer' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(owner, (tx) => decidePromotion(tx, acme.id, owner, { promotionId: request.promotionId, decision: 'approve' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await startConversation(acme.id, { target: { widgetKey: keys.production }, visitor: { id: `visitor-${randomUUID()}` } })).greeting).toBe('Hello from staging v2!');
    await as(owner, (tx) => decidePromotion(tx, acme.id, owner, { promotionId: request.promotionId, decision: 'approve', overrideReason: 'Pigeon case is a known false alarm; fix tracked separately.' }));
    expect((await startConversation(acme.id, { target: { widgetKey: keys.production }, visitor: { id: `visitor-${randomUUID()}` } })).greeting).toBe('Hello from v3');
    const override = (await withTenant(acme.id, (tx) => listAuditEvents(tx, { action: 'agent.promotion-gate-override', limit: 1 }))).events[0]!;
    expect(override).toMatchObject({ actorId: acme.ownerId, targetId: request.promotionId, data: { reason: 'Pigeon case is a known false alarm; fix tracked separately.' } });
    await system.agentEvalCase.delete({ where: { id: failing.id } });
  });

  it('rejects with a comment and closes the request', async () => {
    await editStaging(builder, (c) => {
      c.greeting = 'Hello from v4';
    });
    const request = await as(builder, async (tx) => requestPromotion(tx, acme.id, builder, { agentId, versionId: await stagingVersionId() }));
    await expect(as(deployer, (tx) => decidePromotion(tx, acme.id, deployer, { promotionId: request.promotionId, decision: 'reject', comment: '' }))).rejects.toThrow();
    await as(deployer, (tx) => decidePromotion(tx, acme.id, deployer, { promotionId: request.promotionId, decision: 'reject', comment: 'Greeting needs legal review' }));
    expect((await as(owner, (tx) => listPromotions(tx, agentId)))[0]).toMatchObject({ status: 'rejected', decisionComment: 'Greeting needs legal review' });
    // The evaluation finishing later does not reopen it.
    await runEvaluation(acme.id, request.runId);
    expect((await as(owner, (tx) => listPromotions(tx, agentId)))[0]!.status).toBe('rejected');
  });

  it('rolls production back to an earlier production version in one step, immediately, audited', async () => {
    const agent = await as(owner, (tx) => getAgent(tx, agentId));
    const v1 = agent.versions.find((v) => v.version === 1)!;
    const v4 = agent.versions.find((v) => v.version === 4)!;
    await expect(as(deployer, (tx) => rollbackProduction(tx, acme.id, deployer, { agentId, versionId: v4.id, reason: 'never shipped' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await as(deployer, (tx) => rollbackProduction(tx, acme.id, deployer, { agentId, versionId: v1.id, reason: 'v3 confuses customers' }));
    const reply = await viaKey(keys.production, 'Is my warranty still valid?');
    expect(reply.reason).not.toBe('always_human_topic');
    expect((await startConversation(acme.id, { target: { widgetKey: keys.production }, visitor: { id: `visitor-${randomUUID()}` } })).greeting).not.toMatch(/v2|v3/);
    const event = (await withTenant(acme.id, (tx) => listAuditEvents(tx, { action: 'agent.rollback', limit: 1 }))).events[0]!;
    expect(event).toMatchObject({ data: { version: 1, previousVersion: 3, reason: 'v3 confuses customers' } });
    // The staging key still serves staging (v4).
    expect((await startConversation(acme.id, { target: { widgetKey: keys.staging }, visitor: { id: `visitor-${randomUUID()}` } })).greeting).toBe('Hello from v4');
  });

  it('refuses promotions by API keys and never crosses tenants', async () => {
    const apiKey: TActor = { type: 'api_key', apiKeyId: randomUUID(), tenantId: acme.id, scopes: ['agent.promote_request', 'agent.deploy'] };
    await expect(as(owner, async (tx) => requestPromotion(tx, acme.id, apiKey, { agentId, versionId: await stagingVersionId() }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const acmePromotion = (await as(owner, (tx) => listPromotions(tx, agentId)))[0]!;
    const globexOwner: TActor = { type: 'user', userId: globex.ownerId, tenantId: globex.id, roles: ['owner'] };
    await expect(withTenant(globex.id, (tx) => getAgent(tx, agentId))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(withTenant(globex.id, (tx) => decidePromotion(tx, globex.id, globexOwner, { promotionId: acmePromotion.id, decision: 'reject', comment: 'x' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(withTenant(globex.id, (tx) => rollbackProduction(tx, globex.id, globexOwner, { agentId, versionId: acmePromotion.configVersionId, reason: 'cross tenant' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(withTenant(globex.id, (tx) => getEvaluationRun(tx, acmePromotion.run!.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(withTenant(globex.id, (tx) => startEvaluationRun(tx, globex.id, globexOwner, { versionId: acmePromotion.configVersionId }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('compares how versions did with customers, per environment', async () => {
    const before = await as(owner, (tx) => compareVersionOutcomes(tx, { agentId }));
    await viaKey(keys.production, 'How long does express shipping take?');
    await viaKey(keys.production, 'Can you explain quantum tunnelling in volcano insurance?');
    const after = await as(owner, (tx) => compareVersionOutcomes(tx, { agentId }));
    const v1Before = before.find((o) => o.version === 1 && o.environment === 'production');
    const v1 = after.find((o) => o.version === 1 && o.environment === 'production')!;
    expect(v1.replies - (v1Before?.replies ?? 0)).toBe(2);
    expect(v1.answered - (v1Before?.answered ?? 0)).toBe(1);
    expect(v1.groundingFailures - (v1Before?.groundingFailures ?? 0)).toBe(1);
    expect(v1.escalationRate).toBeCloseTo((v1.handedOff + v1.unverified) / v1.replies);
    // Staging traffic counts apart: v2 was asked through the staging key earlier.
    expect(after.find((o) => o.version === 2 && o.environment === 'staging')).toMatchObject({ handedOff: 1 });
    expect(await withTenant(globex.id, (tx) => compareVersionOutcomes(tx, { agentId }))).toEqual([]);
  });
});

describe('canary rollout', () => {
  const greetingOf = async (visitorId: string) => (await startConversation(acme.id, { target: { widgetKey: keys.production }, visitor: { id: visitorId } })).greeting;
  const visitors = Array.from({ length: 40 }, (_, i) => `canary-visitor-${i}-${randomUUID()}`);

  it('serves an approved version to a stable share of production visitors, then completes or stops it, audited', async () => {
    // Staging serves v4 ("Hello from v4"); production serves v1 after the rollback above.
    const request = await as(builder, async (tx) => requestPromotion(tx, acme.id, builder, { agentId, versionId: await stagingVersionId() }));
    await runEvaluation(acme.id, request.runId);
    await as(deployer, (tx) => decidePromotion(tx, acme.id, deployer, { promotionId: request.promotionId, decision: 'approve', canaryPercent: 50 }));
    const agent = await as(owner, (tx) => getAgent(tx, agentId));
    expect(agent.environments.find((e) => e.environment === 'production')).toMatchObject({ version: 1, canary: { version: 4, percent: 50 } });

    const expected = visitors.map((v) => canaryBucket(agentId, visitorKeyOf(acme.id, v)) < 50);
    const greetings = await Promise.all(visitors.map(greetingOf));
    expect(greetings.map((g) => g === 'Hello from v4')).toEqual(expected);
    const share = expected.filter(Boolean).length / visitors.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
    // Stable per visitor, in answers too: the trace records the version that answered.
    const inCanary = visitors[expected.indexOf(true)]!;
    expect(await greetingOf(inCanary)).toBe('Hello from v4');
    const reply = await answerCustomerMessage(acme.id, { target: { widgetKey: keys.production }, visitor: { id: inCanary }, message: 'How long does express shipping take?' });
    const trace = await system.messageTrace.findUniqueOrThrow({ where: { id: reply.traceId } });
    expect(trace.configVersionId).toBe(agent.versions.find((v) => v.version === 4)!.id);
    // The staging key is not part of any canary.
    expect((await startConversation(acme.id, { target: { widgetKey: keys.staging }, visitor: { id: visitors[expected.indexOf(false)]! } })).greeting).toBe('Hello from v4');

    await as(deployer, (tx) => endCanary(tx, acme.id, deployer, { agentId, outcome: 'stop', reason: 'more escalations than v1' }));
    expect(await Promise.all(visitors.slice(0, 10).map(greetingOf))).not.toContain('Hello from v4');
    // A canary version never becomes a rollback target.
    await expect(as(deployer, (tx) => rollbackProduction(tx, acme.id, deployer, { agentId, versionId: agent.versions.find((v) => v.version === 4)!.id, reason: 'try' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const again = await as(builder, async (tx) => requestPromotion(tx, acme.id, builder, { agentId, versionId: await stagingVersionId() }));
    await runEvaluation(acme.id, again.runId);
    await as(deployer, (tx) => decidePromotion(tx, acme.id, deployer, { promotionId: again.promotionId, decision: 'approve', canaryPercent: 10 }));
    await as(deployer, (tx) => endCanary(tx, acme.id, deployer, { agentId, outcome: 'complete' }));
    expect(new Set(await Promise.all(visitors.slice(0, 10).map(greetingOf)))).toEqual(new Set(['Hello from v4']));
    expect((await as(owner, (tx) => getAgent(tx, agentId))).environments.find((e) => e.environment === 'production')).toMatchObject({ version: 4, canary: null });
    await expect(as(deployer, (tx) => endCanary(tx, acme.id, deployer, { agentId, outcome: 'stop' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await auditActions()).toEqual(expect.arrayContaining(['agent.canary-stop', 'agent.canary-complete']));
  });
});
