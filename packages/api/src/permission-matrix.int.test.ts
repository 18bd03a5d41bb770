import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, listUserMemberships, ROLES, type TPermission, type TRole, type TVouchSession } from '@vouch/auth';
import { addMember, createTenant } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { appRouter } from './root';
import { createCallerFactory, createTRPCContext, type TProcedureMeta } from './trpc';

/** Procedures open to anyone, each with the reason. */
const PUBLIC_PROCEDURES: Record<string, string> = {
  'system.health': 'load balancers and the status card; reveals only ok/latency',
  'invitations.preview': 'the invitee has no account yet; the unguessable token is the credential',
  'invitations.accept': 'the invitee has no account yet; the unguessable token is the credential',
  'widget.start': 'visitors: authenticated by the widget key, origin and visitor id',
  'widget.send': 'visitors: authenticated by the widget key, origin and visitor id',
  'widget.leaveContactEmail': 'visitors: authenticated by the widget key, origin and visitor id; own conversation only; rate-limited',
  'widget.stream': 'visitors: authenticated by the widget key, origin and visitor id; own conversation only',
  'widget.events': 'visitors: authenticated by the widget key, origin and visitor id; own conversation only',
};
/** Procedures that need a session but act on the signed-in user only, not on a tenant. */
const SELF_PROCEDURES: Record<string, string> = {
  'session.me': "the user's own identity and memberships",
  'account.security': "the user's own MFA status",
  'account.startMfaEnrolment': 'sets up MFA for the calling user only',
  'account.confirmMfaEnrolment': 'turns on MFA for the calling user only',
  'account.regenerateRecoveryCodes': "replaces the calling user's own recovery codes",
  'account.disableMfa': "turns off the calling user's own MFA (refused where a tenant requires it)",
  'account.sessions': "lists the calling user's own sessions",
  'account.revokeSession': "signs out one of the calling user's own sessions",
  'account.revokeAllSessions': "signs out all of the calling user's own sessions",
};
/**
 * An input for every procedure that takes one. A new procedure without an entry fails the
 * matrix, so no procedure escapes it.
 */
const SAMPLE_INPUTS: Record<string, unknown> = {
  'account.confirmMfaEnrolment': { code: '123456' },
  'account.regenerateRecoveryCodes': { code: '123456' },
  'account.disableMfa': { code: '123456' },
  'account.revokeSession': { sessionId: '00000000-0000-4000-8000-000000000000' },
  'security.updatePolicy': { mfaRequired: true },
  // Disabled, so no discovery request; the test input is refused by the issuer check before any fetch.
  'sso.configure': { issuer: 'https://idp.example.test', clientId: 'matrix', clientSecret: 'matrix-secret', enabled: false },
  'sso.test': { issuer: 'http://idp.example.test' },
  'apiKeys.create': { name: 'matrix', scopes: ['dashboard.read'] },
  'apiKeys.rotate': { id: '00000000-0000-4000-8000-000000000000' },
  'apiKeys.revoke': { id: '00000000-0000-4000-8000-000000000000' },
  'members.updateRoles': { userId: '00000000-0000-4000-8000-000000000000', roles: ['auditor'] },
  'members.remove': { userId: '00000000-0000-4000-8000-000000000000' },
  'invitations.create': { email: 'matrix-invitee@example.test', roles: ['auditor'] },
  'invitations.revoke': { id: '00000000-0000-4000-8000-000000000000' },
  'invitations.preview': { token: 'A'.repeat(43) },
  'invitations.accept': { token: 'A'.repeat(43) },
  'audit.list': { action: 'audit.export', limit: 5 },
  'audit.requestExport': { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
  'audit.exportStatus': { exportId: '00000000-0000-4000-8000-000000000000' },
  'audit.exports': { limit: 5 },
  'audit.locateTarget': { targetType: 'trace', targetId: '00000000-0000-4000-8000-000000000000' },
  'audit.configureWebhook': { url: 'https://siem.invalid/hook', enabled: false },
  'compliance.updateRetention': { transcriptsDays: 90, tracesDays: 90, handoffNotesDays: 60, vaultDays: 30, uploadsDays: 30, auditDays: 400 },
  'compliance.findSubject': { email: 'matrix-subject@example.test' },
  'compliance.exportSubject': { email: 'matrix-subject@example.test' },
  'compliance.eraseSubject': { email: 'matrix-subject@example.test' },
  'knowledge.get': { sourceId: '00000000-0000-4000-8000-000000000000' },
  'knowledge.versionText': { versionId: '00000000-0000-4000-8000-000000000000' },
  'knowledge.upload': { fileName: 'matrix.md', contentBase64: Buffer.from('# Matrix\n\nA permission test article.').toString('base64') },
  'knowledge.retryIngestion': { versionId: '00000000-0000-4000-8000-000000000000' },
  'knowledge.review': { versionId: '00000000-0000-4000-8000-000000000000', decision: 'approve' },
  'knowledge.search': { query: 'permission test' },
  'knowledge.crawl': { startUrl: 'https://help.example.com/', maxDepth: 0, maxPages: 1 },
  'knowledge.addArticle': { title: 'Matrix', body: 'A permission test article, long enough to pass.' },
  'knowledge.addFaq': { name: 'Matrix FAQ', pairs: [{ question: 'Matrix question?', answer: 'Matrix answer.' }] },
  'knowledge.retryCrawl': { jobId: 'matrix-missing-crawl' },
  'knowledge.reindex': { textSearchConfig: 'german' },
  'widget.start': { key: 'pk_live_matrixmatrixmatrix00', visitorId: 'matrix-visitor-0000000' },
  'widget.send': { key: 'pk_live_matrixmatrixmatrix00', visitorId: 'matrix-visitor-0000000', conversationId: '00000000-0000-4000-8000-000000000000', message: 'hello' },
  'widget.leaveContactEmail': { key: 'pk_live_matrixmatrixmatrix00', visitorId: 'matrix-visitor-0000000', conversationId: '00000000-0000-4000-8000-000000000000', email: 'matrix@example.test' },
  'widget.stream': { key: 'pk_live_matrixmatrixmatrix00', visitorId: 'matrix-visitor-0000000', conversationId: '00000000-0000-4000-8000-000000000000', message: 'hello', clientMessageId: 'm_matrix_0001' },
  'widget.events': { key: 'pk_live_matrixmatrixmatrix00', visitorId: 'matrix-visitor-0000000', conversationId: '00000000-0000-4000-8000-000000000000' },
  'agents.get': { agentId: '00000000-0000-4000-8000-000000000000' },
  'agents.version': { versionId: '00000000-0000-4000-8000-000000000000' },
  'agents.diff': { fromVersionId: '00000000-0000-4000-8000-000000000000', toVersionId: '00000000-0000-4000-8000-000000000000' },
  'agents.editStaging': { agentId: '00000000-0000-4000-8000-000000000000', baseVersionId: '00000000-0000-4000-8000-000000000000', config: { persona: 'p', tone: 'neutral', greeting: 'g', knowledgeSourceIds: [], groundingThreshold: 0.3, alwaysHumanTopics: [], provider: { kind: 'offline', model: null }, tokenBudget: { perConversation: 100, perDay: 1000 } } },
  'agents.playground': { agentId: '00000000-0000-4000-8000-000000000000', message: 'matrix question' },
  'agents.cases': { agentId: '00000000-0000-4000-8000-000000000000' },
  'agents.createCase': { agentId: '00000000-0000-4000-8000-000000000000', case: { name: 'matrix', kind: 'must_escalate', question: 'matrix question' } },
  'agents.updateCase': { caseId: '00000000-0000-4000-8000-000000000000', case: { name: 'matrix', kind: 'must_escalate', question: 'matrix question' } },
  'agents.deleteCase': { caseId: '00000000-0000-4000-8000-000000000000' },
  'agents.runs': { agentId: '00000000-0000-4000-8000-000000000000' },
  'agents.run': { runId: '00000000-0000-4000-8000-000000000000' },
  'agents.startRun': { versionId: '00000000-0000-4000-8000-000000000000' },
  'agents.promotions': { agentId: '00000000-0000-4000-8000-000000000000' },
  'agents.requestPromotion': { agentId: '00000000-0000-4000-8000-000000000000', versionId: '00000000-0000-4000-8000-000000000000' },
  'agents.decidePromotion': { promotionId: '00000000-0000-4000-8000-000000000000', decision: 'reject', comment: 'matrix' },
  'agents.outcomes': { agentId: '00000000-0000-4000-8000-000000000000' },
  'agents.endCanary': { agentId: '00000000-0000-4000-8000-000000000000', outcome: 'stop' },
  'agents.rollback': { agentId: '00000000-0000-4000-8000-000000000000', versionId: '00000000-0000-4000-8000-000000000000', reason: 'matrix rollback' },
  'inbox.list': { view: 'open' },
  'inbox.conversation': { conversationId: '00000000-0000-4000-8000-000000000000' },
  'inbox.claim': { handoffId: '00000000-0000-4000-8000-000000000000' },
  'inbox.assign': { handoffId: '00000000-0000-4000-8000-000000000000', assigneeUserId: '00000000-0000-4000-8000-000000000000' },
  'inbox.unassign': { handoffId: '00000000-0000-4000-8000-000000000000' },
  'inbox.reply': { conversationId: '00000000-0000-4000-8000-000000000000', text: 'matrix reply' },
  'inbox.note': { conversationId: '00000000-0000-4000-8000-000000000000', text: 'matrix note' },
  'inbox.resolve': { handoffId: '00000000-0000-4000-8000-000000000000' },
  'inbox.returnToAi': { handoffId: '00000000-0000-4000-8000-000000000000' },
  'inbox.updateSettings': { slaWarnSeconds: 60, slaBreachSeconds: 240 },
  'inbox.presence': { status: 'away' },
  'inbox.reveal': { conversationId: '00000000-0000-4000-8000-000000000000', placeholder: '[EMAIL_1]' },
  'inbox.toolActions': { conversationId: '00000000-0000-4000-8000-000000000000' },
  'inbox.decideToolAction': { toolActionId: '00000000-0000-4000-8000-000000000000', decision: 'approve' },
  'inbox.createCannedResponse': { shortcut: 'matrix', title: 'Matrix', body: 'A permission test response.' },
  'inbox.updateCannedResponse': { id: '00000000-0000-4000-8000-000000000000', shortcut: 'matrix', title: 'Matrix', body: 'Changed.' },
  'inbox.deleteCannedResponse': { id: '00000000-0000-4000-8000-000000000000' },
  'conversations.list': { limit: 5 },
  'conversations.get': { conversationId: '00000000-0000-4000-8000-000000000000' },
};

interface TProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  permission: TPermission | undefined;
}

function listProcedures(): TProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<string, { _def: { type: TProcedureInfo['type']; meta?: TProcedureMeta; inputs: unknown[] } }>;
  return Object.entries(record).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    permission: procedure._def.meta?.permission,
  }));
}

const createCaller = createCallerFactory(appRouter);
const suffix = randomBytes(3).toString('hex');
const sessions = new Map<TRole, TVouchSession>();
let tenantSlug = '';

async function call(session: TVouchSession, path: string): Promise<unknown> {
  const caller = createCaller(createTRPCContext({ session, tenantSlug, ip: '127.0.0.1', userAgent: 'matrix' }));
  const segments = path.split('.');
  let target: unknown = caller;
  for (const segment of segments) target = (target as Record<string, unknown>)[segment];
  return (target as (input?: unknown) => Promise<unknown>)(SAMPLE_INPUTS[path]);
}

beforeAll(async () => {
  const system = getSystemClient();
  const actor = { type: 'system', name: 'matrix-test' } as const;
  const created = await system.$transaction((tx) =>
    createTenant(tx, actor, { slug: `matrix-${suffix}`, ownerEmail: `matrix-owner-${suffix}@example.test` }),
  );
  tenantSlug = created.tenant.slug;
  for (const role of ROLES) {
    const email = `matrix-${role}-${suffix}@example.test`;
    // The owner user of createTenant already holds "owner" alone; every other role gets its own user.
    const userId =
      role === 'owner'
        ? created.owner.user.id
        : (await system.$transaction((tx) => addMember(tx, created.tenant.id, actor, { email, roles: [role] }))).user.id;
    sessions.set(role, { user: { id: userId, email, name: null }, memberships: await listUserMemberships(userId), expires: '' });
  }
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
});

describe('every procedure declares who may call it', () => {
  it('is public, self-only, or guarded by can(permission)', () => {
    const undeclared = listProcedures()
      .filter((p) => !p.permission && !(p.path in PUBLIC_PROCEDURES) && !(p.path in SELF_PROCEDURES))
      .map((p) => p.path);
    expect(undeclared).toEqual([]);
  });

  it('has a sample input wherever it takes input', () => {
    const record = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
    const missing = Object.entries(record)
      .filter(([path, p]) => p._def.inputs.length > 0 && !(path in SAMPLE_INPUTS))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});

describe('roles × procedures, as the permission table says', () => {
  const guarded = listProcedures().filter((p) => p.permission);
  for (const role of ROLES) {
    for (const procedure of guarded) {
      const allowed = hasPermission([role], procedure.permission!);
      it(`${role} ${allowed ? 'may' : 'may not'} call ${procedure.path} (${procedure.permission})`, async () => {
        const outcome = await call(sessions.get(role)!, procedure.path).then(
          () => 'ok',
          (error: { code?: string }) => error.code ?? 'ERROR',
        );
        if (allowed) expect(outcome).not.toBe('FORBIDDEN');
        else expect(outcome).toBe('FORBIDDEN');
      });
    }
  }

  it('refuses every guarded procedure without a session', async () => {
    for (const procedure of guarded) {
      const caller = createCaller(createTRPCContext({ session: null, tenantSlug, ip: null, userAgent: null }));
      let target: unknown = caller;
      for (const segment of procedure.path.split('.')) target = (target as Record<string, unknown>)[segment];
      await expect((target as (i?: unknown) => Promise<unknown>)(SAMPLE_INPUTS[procedure.path])).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });
});
