// Test helper for the tool-actions e2e: gives a tenant what a shop would set up for tools — the
// widget identity secret (its server signs user ids), the demo orders, and an agent `shop` whose
// config allows order.status (read, no approval) and refund.request (write, a person approves),
// embedded on the given origin. Prints {secret, widgetKey}.
//   tsx e2e/support/enable-demo-tools.ts <tenant-slug> <host-origin>
import { config } from 'dotenv';
import { allowWidgetOrigin, createAgent, defaultAgentConfig, rotateWidgetIdentitySecret, seedDemoOrders, type TActor } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';

config({ path: new URL('../../../../.env', import.meta.url).pathname, quiet: true });
const [slug, origin] = process.argv.slice(2);
if (!slug || !origin) throw new Error('usage: enable-demo-tools <tenant-slug> <host-origin>');
const actor: TActor = { type: 'system', name: 'e2e' };
const tenant = await getSystemClient().tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
const result = await withTenant(tenant.id, async (tx) => {
  const { secret } = await rotateWidgetIdentitySecret(tx, tenant.id, actor);
  await seedDemoOrders(tx, tenant.id);
  const agent = await createAgent(tx, tenant.id, actor, {
    slug: 'shop',
    name: 'Shop assistant',
    config: {
      ...defaultAgentConfig('Tool Shop'),
      tools: [
        { action: 'order.status', access: 'read', requiresHumanApproval: false },
        { action: 'refund.request', access: 'write', requiresHumanApproval: true },
      ],
    },
  });
  await allowWidgetOrigin(tx, tenant.id, actor, { origin, agent: 'shop', environment: 'production' });
  return { secret, widgetKey: agent.widgetKeys.production };
});
process.stdout.write(`${JSON.stringify(result)}\n`);
await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
