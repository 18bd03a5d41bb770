import type { TenantTx } from '@vouch/db';
import { actorId, type TActor } from '../actor';
import { AppError } from '../errors';

export type TDeploymentKind = 'create' | 'edit' | 'promotion' | 'rollback' | 'canary' | 'canary_stop';

/** Moves that put a version fully in production: what a rollback may return to. */
export const FULL_PRODUCTION_KINDS: TDeploymentKind[] = ['create', 'promotion', 'rollback'];

/** One move of an environment pointer, as the deployment history records it. */
export interface TDeploymentMove {
  agentId: string;
  environment: 'staging' | 'production';
  versionId: string;
  previousVersionId: string | null;
  kind: TDeploymentKind;
  promotionId?: string | null;
  reason?: string | null;
}

/** Locks an environment pointer for the rest of the transaction (concurrent edits and promotions queue up). */
export async function lockEnvironment(tx: TenantTx, agentId: string, environment: 'staging' | 'production') {
  await tx.$queryRaw`SELECT id FROM agent_environments WHERE agent_id = ${agentId}::uuid AND environment = ${environment}::agent_environment FOR UPDATE`;
  const pointer = await tx.agentEnvironmentPointer.findFirst({ where: { agentId, environment }, include: { configVersion: { select: { version: true } } } });
  if (!pointer) throw new AppError('NOT_FOUND', 'No such agent.');
  return pointer;
}

/**
 * Points an environment at a version and appends the move to the deployment history. The
 * widget key keeps its environment; the next message resolves the new version (nothing caches it).
 * A full move ends any canary of that environment.
 */
export async function moveEnvironment(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  move: TDeploymentMove,
): Promise<void> {
  await tx.agentEnvironmentPointer.update({
    where: { agentId_environment: { agentId: move.agentId, environment: move.environment } },
    data: { configVersionId: move.versionId, canaryVersionId: null, canaryPercent: 0, updatedAt: new Date() },
  });
  await recordDeployment(tx, tenantId, actor, move);
}

/** Appends one entry to the deployment history (also for canary starts and stops, which move no pointer). */
export async function recordDeployment(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  move: TDeploymentMove,
): Promise<void> {
  await tx.agentDeployment.create({
    data: {
      tenantId,
      agentId: move.agentId,
      environment: move.environment,
      configVersionId: move.versionId,
      previousVersionId: move.previousVersionId,
      kind: move.kind,
      promotionId: move.promotionId ?? null,
      actorId: actorId(actor),
      reason: move.reason ?? null,
    },
  });
}
