import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import { ZAgentConfig, type TAgentConfig } from '../agent/agent-config';
import { canaryVersionFor } from '../agent/canary';
import { AppError } from '../errors';

/** Which agent answers: a widget key (what the chat sends) or an agent and environment (CLI, tests). */
export const ZAgentTarget = z.union([
  z.object({ widgetKey: z.string().min(8).max(200) }),
  z.object({
    /** Agent id or slug; omitted: the tenant's default agent (slug `support`, else the oldest). */
    agent: z.string().min(1).max(200).nullish(),
    environment: z.enum(['staging', 'production']).default('production'),
  }),
]);
export type TAgentTarget = z.input<typeof ZAgentTarget>;

export interface TAgentDeployment {
  agentId: string;
  environment: 'staging' | 'production';
  configVersionId: string;
  config: TAgentConfig;
}

async function findAgentId(tx: TenantTx, agent: string | null | undefined): Promise<string> {
  if (agent) {
    const byIdOrSlug = await tx.agent.findFirst({
      where: z.uuid().safeParse(agent).success ? { OR: [{ id: agent }, { slug: agent }] } : { slug: agent },
      select: { id: true },
    });
    if (!byIdOrSlug) throw new AppError('NOT_FOUND', 'No such agent.');
    return byIdOrSlug.id;
  }
  const fallback =
    (await tx.agent.findFirst({ where: { slug: 'support' }, select: { id: true } })) ??
    (await tx.agent.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } }));
  if (!fallback) throw new AppError('NOT_FOUND', 'This tenant has no agent.');
  return fallback.id;
}

/**
 * The config version an agent environment serves right now (RLS confines the lookup to the tenant).
 * With a `bucketKey` (the visitor), a running canary may pick its version for this visitor.
 */
export async function resolveAgentDeployment(tx: TenantTx, rawTarget: TAgentTarget, options: { bucketKey?: string } = {}): Promise<TAgentDeployment> {
  const target = ZAgentTarget.parse(rawTarget);
  const where = 'widgetKey' in target ? { widgetKey: target.widgetKey } : { agentId: await findAgentId(tx, target.agent), environment: target.environment };
  const pointer = await tx.agentEnvironmentPointer.findFirst({ where, include: { configVersion: true } });
  if (!pointer) throw new AppError('NOT_FOUND', 'No such agent.');
  const version = (options.bucketKey ? await canaryVersionFor(tx, pointer, options.bucketKey) : null) ?? pointer.configVersion;
  return {
    agentId: pointer.agentId,
    environment: pointer.environment,
    configVersionId: version.id,
    config: ZAgentConfig.parse(version.config),
  };
}
