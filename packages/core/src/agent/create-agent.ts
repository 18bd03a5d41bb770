import { randomBytes } from 'node:crypto';
import type { TenantTx } from '@vouch/db';
import { actorId, type TActor } from '../actor';
import { record } from '../audit';
import { ZAgentConfig, type TAgentConfigInput } from './agent-config';

export function generateWidgetKey(environment: 'staging' | 'production'): string {
  return `${environment === 'production' ? 'pk_live' : 'pk_test'}_${randomBytes(18).toString('base64url')}`;
}

export interface TCreatedAgent {
  id: string;
  slug: string;
  versionId: string;
  widgetKeys: { staging: string; production: string };
}

/** Creates an agent whose first config version serves both staging and production. */
export async function createAgent(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  input: { slug: string; name: string; config: TAgentConfigInput; createdBy?: string | null },
): Promise<TCreatedAgent> {
  const config = ZAgentConfig.parse(input.config);
  const agent = await tx.agent.create({ data: { tenantId, slug: input.slug, name: input.name } });
  const version = await tx.agentConfigVersion.create({
    data: {
      tenantId,
      agentId: agent.id,
      version: 1,
      config,
      note: 'Initial version',
      createdBy: input.createdBy ?? null,
    },
  });
  const widgetKeys = { staging: generateWidgetKey('staging'), production: generateWidgetKey('production') };
  for (const environment of ['staging', 'production'] as const) {
    await tx.agentEnvironmentPointer.create({
      data: {
        tenantId,
        agentId: agent.id,
        environment,
        configVersionId: version.id,
        widgetKey: widgetKeys[environment],
      },
    });
    await tx.agentDeployment.create({
      data: { tenantId, agentId: agent.id, environment, configVersionId: version.id, kind: 'create', actorId: actorId(actor) },
    });
  }
  await record(tx, tenantId, actor, {
    action: 'agent.create',
    targetType: 'agent',
    targetId: agent.id,
    data: { slug: agent.slug, version: 1, environments: ['staging', 'production'] },
  });
  return { id: agent.id, slug: agent.slug, versionId: version.id, widgetKeys };
}
