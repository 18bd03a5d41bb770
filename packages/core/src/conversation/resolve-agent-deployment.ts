import { Prisma, type ConversationStatus } from '@vouch/db';
import { embedderId, embedderSpecFromEnv, ZEmbedderSpec, type TEmbedderSpec } from '@vouch/rag';
import { z } from 'zod';
import { ZAgentConfig, type TAgentConfig } from '../agent/agent-config';
import { canaryBucket } from '../agent/canary';
import { AppError } from '../errors';
import { rawRows, type TTenantDb } from '../tenant-db';

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

async function findAgentId(db: TTenantDb, agent: string | null | undefined): Promise<string> {
  if (agent) {
    const byIdOrSlug = z.uuid().safeParse(agent).success
      ? await rawRows<{ id: string }>(db, Prisma.sql`SELECT id FROM agents WHERE id = ${agent}::uuid OR slug = ${agent} LIMIT 1`)
      : await rawRows<{ id: string }>(db, Prisma.sql`SELECT id FROM agents WHERE slug = ${agent} LIMIT 1`);
    if (!byIdOrSlug[0]) throw new AppError('NOT_FOUND', 'No such agent.');
    return byIdOrSlug[0].id;
  }
  // The tenant's default agent: slug `support`, else the oldest.
  const fallback = await rawRows<{ id: string }>(db, Prisma.sql`SELECT id FROM agents ORDER BY CASE WHEN slug = 'support' THEN 0 ELSE 1 END, created_at, id LIMIT 1`);
  if (!fallback[0]) throw new AppError('NOT_FOUND', 'This tenant has no agent.');
  return fallback[0].id;
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
  conversation_id?: string | null;
  conversation_status?: ConversationStatus | null;
  redaction_session_sealed?: string | null;
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

/** A visitor's conversation, locked for this transaction. */
export interface TLockedConversation {
  id: string;
  status: ConversationStatus;
  redactionSessionSealed: string | null;
}

/** What serves a message: the deployment and the tenant's query embedder, read together. */
export interface TAgentServing {
  deployment: TAgentDeployment;
  /** The tenant's recorded embedder (its serving vectors came from it), else the env's default. */
  embedder: TEmbedderSpec & { id: string };
  /** With `lock`: the visitor's conversation of this agent environment, locked; null when there is none. */
  conversation?: TLockedConversation | null;
}

function servingSelect(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT p.agent_id, p.environment::text AS environment, p.config_version_id, v.config,
           p.canary_version_id, p.canary_percent, cv.config AS canary_config,
           ks.embedding_provider, ks.embedding_model, ks.embedding_dimensions
    FROM agent_environments p
    JOIN agent_config_versions v ON v.id = p.config_version_id
    LEFT JOIN agent_config_versions cv ON cv.id = p.canary_version_id
    LEFT JOIN knowledge_settings ks ON ks.tenant_id = p.tenant_id
    WHERE ${where}`;
}

/**
 * The config version an agent environment serves right now and the tenant's embedder, in one
 * statement (RLS confines it to the tenant): the pointer, its version, a canary version if one
 * runs and the knowledge settings row. With a `bucketKey` (the visitor), a running canary may
 * pick its version for this visitor.
 */
export async function resolveAgentServing(
  tx: TTenantDb,
  rawTarget: TAgentTarget,
  options: { bucketKey?: string; lock?: { conversationId: string; visitorKey: string } } = {},
): Promise<TAgentServing> {
  const target = ZAgentTarget.parse(rawTarget);
  const where =
    'widgetKey' in target
      ? Prisma.sql`p.widget_key = ${target.widgetKey}`
      : Prisma.sql`p.agent_id = ${await findAgentId(tx, target.agent)}::uuid AND p.environment = ${target.environment}::agent_environment`;
  // With `lock`, the visitor's conversation is found and locked in the same statement (its row as
  // of the lock: FOR UPDATE waits for a holder and then reads the row it committed).
  const lock = options.lock;
  const rows = lock
    ? await rawRows<TServingRow>(
        tx,
        Prisma.sql`
      WITH serving AS (${servingSelect(where)}),
      locked AS (
        SELECT c.id, c.status::text AS status, c.redaction_session_sealed FROM conversations c JOIN serving s ON c.agent_id = s.agent_id AND c.environment = s.environment::agent_environment
        WHERE c.id = ${lock.conversationId}::uuid AND c.visitor_key = ${lock.visitorKey}
        FOR UPDATE OF c
      )
      SELECT serving.*, locked.id AS conversation_id, locked.status AS conversation_status, locked.redaction_session_sealed
      FROM serving LEFT JOIN locked ON true`,
      )
    : await rawRows<TServingRow>(tx, servingSelect(where));
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
    ...(lock
      ? { conversation: row.conversation_id ? { id: row.conversation_id, status: row.conversation_status!, redactionSessionSealed: row.redaction_session_sealed ?? null } : null }
      : {}),
  };
}

/**
 * The config version an agent environment serves right now (RLS confines the lookup to the tenant).
 * With a `bucketKey` (the visitor), a running canary may pick its version for this visitor.
 */
export async function resolveAgentDeployment(tx: TTenantDb, rawTarget: TAgentTarget, options: { bucketKey?: string } = {}): Promise<TAgentDeployment> {
  return (await resolveAgentServing(tx, rawTarget, options)).deployment;
}
