// Test helper for the widget e2e: creates the tenant's widget identity secret as the console's
// "Create secret" button would, and prints it (the e2e host page signs user ids with it).
//   tsx e2e/support/rotate-identity-secret.ts <tenant-slug>
import { config } from 'dotenv';
import { rotateWidgetIdentitySecret } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';

config({ path: new URL('../../../../.env', import.meta.url).pathname, quiet: true });
const slug = process.argv[2];
if (!slug) throw new Error('usage: rotate-identity-secret <tenant-slug>');
const tenant = await getSystemClient().tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
const { secret } = await withTenant(tenant.id, (tx) => rotateWidgetIdentitySecret(tx, tenant.id, { type: 'system', name: 'e2e' }));
process.stdout.write(`${JSON.stringify({ secret })}\n`);
await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
