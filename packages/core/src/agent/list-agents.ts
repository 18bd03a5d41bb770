import type { TenantTx } from '@vouch/db';
import { AppError } from '../errors';
import { ZAgentConfig, type TAgentConfig } from './agent-config';
import { FULL_PRODUCTION_KINDS, type TDeploymentKind } from './move-environment';

export interface TAgentSummary {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  versionCount: number;
  staging: { versionId: string; version: number } | null;
  production: { versionId: string; version: number } | null;
  openPromotion: { id: string; status: string; version: number } | null;
}

/**
 * The tenant's agents with where each environment points. RLS confines them to the tenant;
 * operator commands on the owner connection (no RLS) pass the tenant explicitly.
 */
export async function listAgents(tx: TenantTx, scope: { tenantId?: string } = {}): Promise<TAgentSummary[]> {
  const agents = await tx.agent.findMany({
    where: scope.tenantId ? { tenantId: scope.tenantId } : {},
    orderBy: { createdAt: 'asc' },
    include: { environments: { include: { configVersion: { select: { version: true } } } }, _count: { select: { versions: true } } },
  });
  const open = await tx.agentPromotion.findMany({ where: { agentId: { in: agents.map((a) => a.id) }, status: { in: ['evaluating', 'awaiting_approval', 'gate_failed'] } } });
  const openVersions = new Map(
    (await tx.agentConfigVersion.findMany({ where: { id: { in: open.map((p) => p.configVersionId) } }, select: { id: true, version: true } })).map((v) => [v.id, v.version]),
  );
  return agents.map((agent) => {
    const env = (name: 'staging' | 'production') => {
      const pointer = agent.environments.find((e) => e.environment === name);
      return pointer ? { versionId: pointer.configVersionId, version: pointer.configVersion.version } : null;
    };
    const promotion = open.find((p) => p.agentId === agent.id);
    return {
      id: agent.id,
      slug: agent.slug,
      name: agent.name,
      description: agent.description,
      versionCount: agent._count.versions,
      staging: env('staging'),
      production: env('production'),
      openPromotion: promotion ? { id: promotion.id, status: promotion.status, version: openVersions.get(promotion.configVersionId) ?? 0 } : null,
    };
  });
}

export interface TAgentDetail {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  environments: { environment: 'staging' | 'production'; versionId: string; version: number; widgetKey: string; allowedOrigins: string[]; updatedAt: Date; canary: { versionId: string; version: number; percent: number } | null }[];
  versions: { id: string; version: number; note: string | null; createdBy: string | null; createdAt: Date; environments: ('staging' | 'production')[]; everInProduction: boolean }[];
  deployments: { id: string; environment: 'staging' | 'production'; version: number; previousVersion: number | null; kind: string; actorId: string; reason: string | null; createdAt: Date }[];
  stagingConfig: TAgentConfig;
}

/** One agent: environments (with their widget keys), every version newest first, and where the pointers have been. */
export async function getAgent(tx: TenantTx, agentId: string): Promise<TAgentDetail> {
  const agent = await tx.agent.findFirst({
    where: { id: agentId },
    include: {
      environments: { include: { configVersion: true } },
      versions: { orderBy: { version: 'desc' }, select: { id: true, version: true, note: true, createdBy: true, createdAt: true } },
    },
  });
  if (!agent) throw new AppError('NOT_FOUND', 'No such agent.');
  const deployments = await tx.agentDeployment.findMany({ where: { agentId }, orderBy: { createdAt: 'desc' }, take: 200 });
  const versionNumber = new Map(agent.versions.map((v) => [v.id, v.version]));
  const inProduction = new Set(deployments.filter((d) => d.environment === 'production' && FULL_PRODUCTION_KINDS.includes(d.kind as TDeploymentKind)).map((d) => d.configVersionId));
  const staging = agent.environments.find((e) => e.environment === 'staging');
  if (!staging) throw new AppError('NOT_FOUND', 'This agent has no staging environment.');
  return {
    id: agent.id,
    slug: agent.slug,
    name: agent.name,
    description: agent.description,
    environments: agent.environments
      .map((e) => ({
        environment: e.environment,
        versionId: e.configVersionId,
        version: e.configVersion.version,
        widgetKey: e.widgetKey,
        allowedOrigins: e.allowedOrigins,
        updatedAt: e.updatedAt,
        canary: e.canaryVersionId ? { versionId: e.canaryVersionId, version: versionNumber.get(e.canaryVersionId) ?? 0, percent: e.canaryPercent } : null,
      }))
      .sort((a, b) => a.environment.localeCompare(b.environment)),
    versions: agent.versions.map((v) => ({
      ...v,
      environments: agent.environments.filter((e) => e.configVersionId === v.id).map((e) => e.environment),
      everInProduction: inProduction.has(v.id),
    })),
    deployments: deployments.map((d) => ({
      id: d.id,
      environment: d.environment,
      version: versionNumber.get(d.configVersionId) ?? 0,
      previousVersion: d.previousVersionId ? (versionNumber.get(d.previousVersionId) ?? null) : null,
      kind: d.kind,
      actorId: d.actorId,
      reason: d.reason,
      createdAt: d.createdAt,
    })),
    stagingConfig: ZAgentConfig.parse(staging.configVersion.config),
  };
}

/** One version's full config (defaults applied), checked to belong to the tenant by RLS. */
export async function getAgentVersion(tx: TenantTx, versionId: string) {
  const version = await tx.agentConfigVersion.findFirst({ where: { id: versionId } });
  if (!version) throw new AppError('NOT_FOUND', 'No such version.');
  return { id: version.id, agentId: version.agentId, version: version.version, note: version.note, createdBy: version.createdBy, createdAt: version.createdAt, config: ZAgentConfig.parse(version.config) };
}
