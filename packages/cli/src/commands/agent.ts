import { allowWidgetOrigin } from '@vouch/core';
import { printJson } from '../output';
import { CLI_ACTOR, inSystemTransaction, resolveTenant } from '../system-tx';

/** Lets an agent environment's widget be embedded on one more origin (exact scheme://host[:port]). */
export async function agentAllowOriginCommand(options: { tenant: string; origin: string; agent?: string; env?: string }): Promise<void> {
  const result = await inSystemTransaction(async (tx) => {
    const tenant = await resolveTenant(tx, options.tenant);
    const allowed = await allowWidgetOrigin(tx, tenant.id, CLI_ACTOR, {
      origin: options.origin,
      agent: options.agent,
      // Validated by the core schema: anything but staging or production is refused.
      environment: options.env as 'staging' | 'production' | undefined,
    });
    return { tenant, ...allowed };
  });
  printJson({ ok: true, tenant: result.tenant.slug, widgetKey: result.widgetKey, allowedOrigins: result.allowedOrigins });
}
