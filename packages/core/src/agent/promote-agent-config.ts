import { redact } from '@vouch/guard';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError, isUniqueViolation } from '../errors';
import { FULL_PRODUCTION_KINDS, lockEnvironment, moveEnvironment, recordDeployment } from './move-environment';
import { startEvaluationRun } from './run-evaluation';

export type TPromotionStatus = 'evaluating' | 'awaiting_approval' | 'gate_failed' | 'deployed' | 'rejected';
const OPEN: TPromotionStatus[] = ['evaluating', 'awaiting_approval', 'gate_failed'];

/** Four eyes need two identifiable people: API keys can neither request nor decide a promotion. */
function personOf(actor: TActor, what: string): Extract<TActor, { type: 'user' }> {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN', `${what} needs a signed-in person; API keys cannot do it.`);
  return actor;
}

export const ZRequestPromotionInput = z.object({ agentId: z.uuid(), versionId: z.uuid(), note: z.string().trim().max(1000).nullish() });

/**
 * Asks for the staging version to go to production. Its evaluation (suite + red-team pack)
 * starts at once; the caller enqueues the returned run. One open request per agent.
 */
export async function requestPromotion(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZRequestPromotionInput>): Promise<{ promotionId: string; runId: string }> {
  const input = ZRequestPromotionInput.parse(rawInput);
  const person = personOf(actor, 'Requesting a promotion');
  const staging = await lockEnvironment(tx, input.agentId, 'staging');
  if (staging.configVersionId !== input.versionId) {
    throw new AppError('CONFLICT', `Only the version staging serves (v${staging.configVersion.version}) can be promoted. Reload to see it.`);
  }
  const production = await tx.agentEnvironmentPointer.findFirst({ where: { agentId: input.agentId, environment: 'production' } });
  if (production?.configVersionId === input.versionId) throw new AppError('CONFLICT', 'Production already serves this version.');
  let promotion;
  try {
    promotion = await tx.agentPromotion.create({
      data: { tenantId, agentId: input.agentId, configVersionId: input.versionId, requestedBy: person.userId, note: input.note ? redact(input.note).text : null },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This agent already has an open promotion request. Approve, reject or wait for it first.');
    throw error;
  }
  await record(tx, tenantId, actor, {
    action: 'agent.promotion-request',
    targetType: 'agent_promotion',
    targetId: promotion.id,
    data: { agentId: input.agentId, version: staging.configVersion.version, configVersionId: input.versionId },
  });
  const run = await startEvaluationRun(tx, tenantId, actor, { versionId: input.versionId, promotionId: promotion.id });
  return { promotionId: promotion.id, runId: run.runId };
}

export const ZDecidePromotionInput = z.discriminatedUnion('decision', [
  z.object({
    promotionId: z.uuid(),
    decision: z.literal('approve'),
    comment: z.string().trim().max(2000).nullish(),
    /** Owners only, when the evaluation gate failed: why the version ships anyway. */
    overrideReason: z.string().trim().min(10, 'Explain the override in at least 10 characters.').max(2000).nullish(),
    /** Start as a canary: the version serves this share of production visitors until completed or stopped. */
    canaryPercent: z.int().min(1).max(99).nullish(),
  }),
  z.object({ promotionId: z.uuid(), decision: z.literal('reject'), comment: z.string().trim().min(1, 'Say why you reject it.').max(2000) }),
]);
export type TDecidePromotionInput = z.input<typeof ZDecidePromotionInput>;

/**
 * A second person decides. Approval needs someone other than the requester, a passed gate
 * (or an owner's written override of a failed one), and points production at the version at
 * once. Rejection closes the request with a comment.
 */
export async function decidePromotion(tx: TenantTx, tenantId: string, actor: TActor, rawInput: TDecidePromotionInput): Promise<{ status: TPromotionStatus }> {
  const input = ZDecidePromotionInput.parse(rawInput);
  const person = personOf(actor, 'Deciding a promotion');
  await tx.$queryRaw`SELECT id FROM agent_promotions WHERE id = ${input.promotionId}::uuid FOR UPDATE`;
  const promotion = await tx.agentPromotion.findFirst({ where: { id: input.promotionId } });
  if (!promotion) throw new AppError('NOT_FOUND', 'No such promotion request.');
  if (!OPEN.includes(promotion.status as TPromotionStatus)) throw new AppError('CONFLICT', `This request is already ${promotion.status.replace('_', ' ')}.`);
  const version = await tx.agentConfigVersion.findFirstOrThrow({ where: { id: promotion.configVersionId }, select: { version: true } });
  const comment = input.comment ? redact(input.comment).text : null;

  if (input.decision === 'reject') {
    await tx.agentPromotion.update({ where: { id: promotion.id }, data: { status: 'rejected', decidedBy: person.userId, decidedAt: new Date(), decisionComment: comment, updatedAt: new Date() } });
    await record(tx, tenantId, actor, {
      action: 'agent.promotion-reject',
      targetType: 'agent_promotion',
      targetId: promotion.id,
      data: { agentId: promotion.agentId, version: version.version, comment, selfReject: promotion.requestedBy === person.userId },
    });
    return { status: 'rejected' };
  }

  if (promotion.requestedBy === person.userId) {
    throw new AppError('FORBIDDEN', 'You requested this promotion, so someone else with the deploy right must approve it (four eyes).');
  }
  if (promotion.status === 'evaluating') throw new AppError('CONFLICT', 'The evaluation is still running; approve once it has passed.');
  let override: string | null = null;
  if (promotion.status === 'gate_failed') {
    if (!person.roles.includes('owner')) throw new AppError('FORBIDDEN', 'This version failed its evaluation. Only an owner can override the gate, with a written reason.');
    if (!input.overrideReason) throw new AppError('BAD_REQUEST', 'This version failed its evaluation: write why you override the gate.');
    override = redact(input.overrideReason).text;
  }

  const production = await lockEnvironment(tx, promotion.agentId, 'production');
  const move = { agentId: promotion.agentId, environment: 'production' as const, versionId: promotion.configVersionId, previousVersionId: production.configVersionId, promotionId: promotion.id, reason: override };
  if (input.canaryPercent) {
    // The stable version keeps serving everyone else; the history records the canary.
    await tx.agentEnvironmentPointer.update({ where: { id: production.id }, data: { canaryVersionId: promotion.configVersionId, canaryPercent: input.canaryPercent, updatedAt: new Date() } });
    await recordDeployment(tx, tenantId, actor, { ...move, kind: 'canary', reason: override ?? `canary ${input.canaryPercent}%` });
  } else {
    await moveEnvironment(tx, tenantId, actor, { ...move, kind: 'promotion' });
  }
  await tx.agentPromotion.update({
    where: { id: promotion.id },
    data: { status: 'deployed', decidedBy: person.userId, decidedAt: new Date(), decisionComment: comment, overrideReason: override, updatedAt: new Date() },
  });
  if (override) {
    await record(tx, tenantId, actor, { action: 'agent.promotion-gate-override', targetType: 'agent_promotion', targetId: promotion.id, data: { agentId: promotion.agentId, version: version.version, reason: override } });
  }
  await record(tx, tenantId, actor, {
    action: 'agent.promotion-approve',
    targetType: 'agent_promotion',
    targetId: promotion.id,
    data: { agentId: promotion.agentId, version: version.version, previousVersion: production.configVersion.version, requestedBy: promotion.requestedBy, comment, gateOverridden: override !== null, canaryPercent: input.canaryPercent ?? null },
  });
  return { status: 'deployed' };
}

export const ZRollbackInput = z.object({ agentId: z.uuid(), versionId: z.uuid(), reason: z.string().trim().min(3, 'Say why you roll back.').max(2000) });

/**
 * Points production back at a version it served before, in one step. Only earlier production
 * versions qualify: a version that never passed promotion cannot reach customers this way.
 */
export async function rollbackProduction(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZRollbackInput>): Promise<{ version: number }> {
  const input = ZRollbackInput.parse(rawInput);
  const production = await lockEnvironment(tx, input.agentId, 'production');
  if (production.configVersionId === input.versionId) throw new AppError('CONFLICT', 'Production already serves this version.');
  const served = await tx.agentDeployment.findFirst({ where: { agentId: input.agentId, environment: 'production', configVersionId: input.versionId, kind: { in: FULL_PRODUCTION_KINDS } } });
  if (!served) throw new AppError('BAD_REQUEST', 'Production never served this version; promote it instead.');
  const target = await tx.agentConfigVersion.findFirstOrThrow({ where: { id: input.versionId }, select: { version: true } });
  const reason = redact(input.reason).text;
  await moveEnvironment(tx, tenantId, actor, { agentId: input.agentId, environment: 'production', versionId: input.versionId, previousVersionId: production.configVersionId, kind: 'rollback', reason });
  await record(tx, tenantId, actor, {
    action: 'agent.rollback',
    targetType: 'agent',
    targetId: input.agentId,
    data: { environment: 'production', version: target.version, previousVersion: production.configVersion.version, reason, canaryEnded: production.canaryVersionId !== null },
  });
  return { version: target.version };
}

export const ZEndCanaryInput = z.object({
  agentId: z.uuid(),
  outcome: z.enum(['complete', 'stop']),
  reason: z.string().trim().max(2000).nullish(),
});

/**
 * Ends production's canary: `complete` gives every visitor the canary version (it was approved
 * already), `stop` returns everyone to the stable version. Audited either way.
 */
export async function endCanary(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZEndCanaryInput>): Promise<{ version: number }> {
  const input = ZEndCanaryInput.parse(rawInput);
  const production = await lockEnvironment(tx, input.agentId, 'production');
  if (!production.canaryVersionId) throw new AppError('CONFLICT', 'Production runs no canary.');
  const canary = await tx.agentConfigVersion.findFirstOrThrow({ where: { id: production.canaryVersionId }, select: { id: true, version: true } });
  const reason = input.reason ? redact(input.reason).text : null;
  if (input.outcome === 'complete') {
    await moveEnvironment(tx, tenantId, actor, { agentId: input.agentId, environment: 'production', versionId: canary.id, previousVersionId: production.configVersionId, kind: 'promotion', reason: reason ?? 'canary completed' });
  } else {
    await tx.agentEnvironmentPointer.update({ where: { id: production.id }, data: { canaryVersionId: null, canaryPercent: 0, updatedAt: new Date() } });
    await recordDeployment(tx, tenantId, actor, { agentId: input.agentId, environment: 'production', versionId: canary.id, previousVersionId: production.configVersionId, kind: 'canary_stop', reason });
  }
  await record(tx, tenantId, actor, {
    action: input.outcome === 'complete' ? 'agent.canary-complete' : 'agent.canary-stop',
    targetType: 'agent',
    targetId: input.agentId,
    data: { canaryVersion: canary.version, stableVersion: production.configVersion.version, percent: production.canaryPercent, reason },
  });
  return { version: input.outcome === 'complete' ? canary.version : production.configVersion.version };
}

export interface TPromotionSummary {
  id: string;
  agentId: string;
  configVersionId: string;
  version: number;
  status: TPromotionStatus;
  note: string | null;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  overrideReason: string | null;
  run: { id: string; status: string; done: number; total: number; passed: number; failed: number } | null;
}

/** An agent's promotion requests, newest first, each with its gate run. */
export async function listPromotions(tx: TenantTx, agentId: string): Promise<TPromotionSummary[]> {
  const promotions = await tx.agentPromotion.findMany({ where: { agentId }, orderBy: { requestedAt: 'desc' }, take: 50 });
  const ids = promotions.map((p) => p.id);
  const runs = await tx.agentEvalRun.findMany({ where: { promotionId: { in: ids } }, orderBy: { createdAt: 'desc' }, omit: { results: true } });
  const versions = new Map((await tx.agentConfigVersion.findMany({ where: { agentId }, select: { id: true, version: true } })).map((v) => [v.id, v.version]));
  return promotions.map((p) => {
    const run = runs.find((r) => r.promotionId === p.id);
    return {
      id: p.id,
      agentId: p.agentId,
      configVersionId: p.configVersionId,
      version: versions.get(p.configVersionId) ?? 0,
      status: p.status as TPromotionStatus,
      note: p.note,
      requestedBy: p.requestedBy,
      requestedAt: p.requestedAt,
      decidedBy: p.decidedBy,
      decidedAt: p.decidedAt,
      decisionComment: p.decisionComment,
      overrideReason: p.overrideReason,
      run: run ? { id: run.id, status: run.status, done: run.done, total: run.total, passed: run.passedCount, failed: run.failedCount } : null,
    };
  });
}
