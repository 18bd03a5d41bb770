import { Prisma, type TenantTx } from '@vouch/db';
import { embedderId, embedderSpecFromEnv, ZEmbedderSpec, type TEmbedderSpec } from '@vouch/rag';
import { z } from 'zod';
import { ZAgentConfig, type TAgentConfig } from '../agent/agent-config';
import { canaryBucket } from '../agent/canary';
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

interface TServingRow {
  agent_id: string;
  environment: 'staging' | 'production';
  config_version_id: string;
  config: unknown;
  canary_version_id: string | null;
  canary_percent: number;
  canary_config: unknown;
  embedding_provider: string | null;
  embedding_model: string | null;
  embedding_dimensions: number | null;
}

// Config versions are never updated once written (publishing writes a new one), so a version's
// parsed config can be kept by id: the pointer is still read on every message, only the zod
// parse of the same JSON is skipped. Bounded; cleared whole when full.
const parsedConfigs = new Map<string, TAgentConfig>();
const PARSED_CONFIGS_MAX = 500;

function parsedConfig(versionId: string, raw: unknown): TAgentConfig {
  let config = parsedConfigs.get(versionId);
  if (!config) {
    config = ZAgentConfig.parse(raw);
    if (parsedConfigs.size >= PARSED_CONFIGS_MAX) parsedConfigs.clear();
    parsedConfigs.set(versionId, config);
  }
  return config;
}

/** What serves a message: the deployment and the tenant's query embedder, read together. */
export interface TAgentServing {
  deployment: TAgentDeployment;
  /** The tenant's recorded embedder (its serving vectors came from it), else the env's default. */
  embedder: TEmbedderSpec & { id: string };
}

/**
 * The config version an agent environment serves right now and the tenant's embedder, in one
 * statement (RLS confines it to the tenant): the pointer, its version, a canary version if one
 * runs and the knowledge settings row. With a `bucketKey` (the visitor), a running canary may
 * pick its version for this visitor.
 */
export async function resolveAgentServing(tx: TenantTx, rawTarget: TAgentTarget, options: { bucketKey?: string } = {}): Promise<TAgentServing> {
  const target = ZAgentTarget.parse(rawTarget);
  const where =
    'widgetKey' in target
      ? Prisma.sql`p.widget_key = ${target.widgetKey}`
      : Prisma.sql`p.agent_id = ${await findAgentId(tx, target.agent)}::uuid AND p.environment = ${target.environment}::agent_environment`;
  const rows = await tx.$queryRaw<TServingRow[]>`
    SELECT p.agent_id, p.environment::text AS environment, p.config_version_id, v.config,
           p.canary_version_id, p.canary_percent, cv.config AS canary_config,
           ks.embedding_provider, ks.embedding_model, ks.embedding_dimensions
    FROM agent_environments p
    JOIN agent_config_versions v ON v.id = p.config_version_id
    LEFT JOIN agent_config_versions cv ON cv.id = p.canary_version_id
    LEFT JOIN knowledge_settings ks ON ks.tenant_id = p.tenant_id
    WHERE ${where}`;
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'No such agent.');
  const inCanary =
    options.bucketKey !== undefined && row.canary_version_id !== null && row.canary_config !== null && row.canary_percent > 0 && canaryBucket(row.agent_id, options.bucketKey) < row.canary_percent;
  const versionId = inCanary ? row.canary_version_id! : row.config_version_id;
  const spec =
    row.embedding_provider && row.embedding_model && row.embedding_dimensions
      ? ZEmbedderSpec.parse({ provider: row.embedding_provider, model: row.embedding_model, dimensions: row.embedding_dimensions })
      : embedderSpecFromEnv();
  return {
    deployment: {
      agentId: row.agent_id,
      environment: row.environment,
      configVersionId: versionId,
      config: parsedConfig(versionId, inCanary ? row.canary_config : row.config),
    },
    embedder: { ...spec, id: embedderId(spec) },
  };
}

/**
 * The config version an agent environment serves right now (RLS confines the lookup to the tenant).
 * With a `bucketKey` (the visitor), a running canary may pick its version for this visitor.
 */
export async function resolveAgentDeployment(tx: TenantTx, rawTarget: TAgentTarget, options: { bucketKey?: string } = {}): Promise<TAgentDeployment> {
  return (await resolveAgentServing(tx, rawTarget, options)).deployment;
}
