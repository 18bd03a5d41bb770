import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { forgetWidgetKey } from './resolve-widget-key';
import { normalizeOrigin } from './widget-origins';

type TTx = TenantTx;

export const ZAllowWidgetOriginInput = z.object({
  origin: z.string().min(1).max(300),
  /** Agent slug; omitted: `support`. */
  agent: z.string().min(1).max(200).default('support'),
  environment: z.enum(['staging', 'production']).default('production'),
});

/**
 * Adds an origin (exact `scheme://host[:port]`) to where an agent environment's widget may be
 * embedded. Idempotent; audited as `agent.allow-origin`.
 */
export async function allowWidgetOrigin(
  tx: TTx,
  tenantId: string,
  actor: TActor,
  rawInput: z.input<typeof ZAllowWidgetOriginInput>,
): Promise<{ widgetKey: string; allowedOrigins: string[] }> {
  const input = ZAllowWidgetOriginInput.parse(rawInput);
  const origin = normalizeOrigin(input.origin);
  if (!origin || origin !== input.origin.replace(/\/$/, '')) {
    throw new AppError('BAD_REQUEST', 'An origin is scheme://host[:port] with no path, e.g. https://www.example.com.');
  }
  const agent = await tx.agent.findFirst({ where: { tenantId, slug: input.agent }, select: { id: true } });
  if (!agent) throw new AppError('NOT_FOUND', 'No such agent.');
  const pointer = await tx.agentEnvironmentPointer.findFirst({ where: { tenantId, agentId: agent.id, environment: input.environment } });
  if (!pointer) throw new AppError('NOT_FOUND', 'No such agent environment.');
  if (pointer.allowedOrigins.includes(origin)) return { widgetKey: pointer.widgetKey, allowedOrigins: pointer.allowedOrigins };
  const allowedOrigins = [...pointer.allowedOrigins, origin];
  await tx.agentEnvironmentPointer.update({ where: { id: pointer.id }, data: { allowedOrigins, updatedAt: new Date() } });
  forgetWidgetKey(pointer.widgetKey);
  await record(tx, tenantId, actor, {
    action: 'agent.allow-origin',
    targetType: 'agent_environment',
    targetId: pointer.id,
    data: { agentId: agent.id, environment: input.environment, origin },
  });
  return { widgetKey: pointer.widgetKey, allowedOrigins };
}
