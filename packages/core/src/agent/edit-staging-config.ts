import { type Prisma, type TenantTx } from '@vouch/db';
import { redact } from '@vouch/guard';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { ZAgentConfig } from './agent-config';
import { diffAgentConfigs, type TConfigChange } from './diff-agent-configs';
import { getAgentVersion } from './list-agents';
import { lockEnvironment, moveEnvironment } from './move-environment';

export const ZEditStagingConfigInput = z.object({
  agentId: z.uuid(),
  /** The staging version the edit started from; a newer one saved meanwhile refuses the edit. */
  baseVersionId: z.uuid(),
  config: ZAgentConfig,
  note: z.string().trim().max(500).nullish(),
});
export type TEditStagingConfigInput = z.input<typeof ZEditStagingConfigInput>;

const MAX_AUDIT_TEXT = 2000;

/** Before/after values for the audit trail: strings redacted (instructions may quote an email or a phone number) and bounded. */
function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redact(value).text.slice(0, MAX_AUDIT_TEXT);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  return value;
}

export function auditableChanges(changes: TConfigChange[]) {
  return changes.map((c) => ({ path: c.path, kind: c.kind, before: redactValue(c.before), after: redactValue(c.after) }));
}

/**
 * Saves an edited config as a new immutable version and points staging at it. Production is
 * untouched: it changes only through an approved promotion or a rollback.
 */
export async function editStagingConfig(tx: TenantTx, tenantId: string, actor: TActor, rawInput: TEditStagingConfigInput): Promise<{ versionId: string; version: number; changes: TConfigChange[] }> {
  const input = ZEditStagingConfigInput.parse(rawInput);
  const pointer = await lockEnvironment(tx, input.agentId, 'staging');
  if (pointer.configVersionId !== input.baseVersionId) {
    throw new AppError('CONFLICT', `Someone saved a newer staging version (v${pointer.configVersion.version}) while you were editing. Reload to see it, then apply your changes again.`);
  }
  const base = await getAgentVersion(tx, pointer.configVersionId);
  const changes = diffAgentConfigs(base.config, input.config);
  if (changes.length === 0) throw new AppError('BAD_REQUEST', 'Nothing changed: this configuration is the same as the current staging version.');
  if (input.config.knowledgeSourceIds.length > 0) {
    const found = await tx.knowledgeSource.count({ where: { id: { in: input.config.knowledgeSourceIds } } });
    if (found !== new Set(input.config.knowledgeSourceIds).size) throw new AppError('BAD_REQUEST', 'One of the selected knowledge sources does not exist.');
  }
  const latest = await tx.agentConfigVersion.findFirst({ where: { agentId: input.agentId }, orderBy: { version: 'desc' }, select: { version: true } });
  const version = await tx.agentConfigVersion.create({
    data: {
      tenantId,
      agentId: input.agentId,
      version: (latest?.version ?? 0) + 1,
      config: input.config as unknown as Prisma.InputJsonValue,
      note: input.note ?? null,
      createdBy: actor.type === 'user' ? actor.userId : null,
    },
  });
  await moveEnvironment(tx, tenantId, actor, { agentId: input.agentId, environment: 'staging', versionId: version.id, previousVersionId: pointer.configVersionId, kind: 'edit' });
  await record(tx, tenantId, actor, {
    action: 'agent.config-edit',
    targetType: 'agent',
    targetId: input.agentId,
    data: { version: version.version, previousVersion: base.version, environment: 'staging', note: input.note ? redact(input.note).text : null, changes: auditableChanges(changes) },
  });
  return { versionId: version.id, version: version.version, changes };
}

/** Field-by-field differences between two versions of the same agent. */
export async function diffAgentVersions(tx: TenantTx, input: { fromVersionId: string; toVersionId: string }) {
  const [from, to] = await Promise.all([getAgentVersion(tx, input.fromVersionId), getAgentVersion(tx, input.toVersionId)]);
  if (from.agentId !== to.agentId) throw new AppError('BAD_REQUEST', 'Both versions must belong to the same agent.');
  return { from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version }, changes: diffAgentConfigs(from.config, to.config) };
}
