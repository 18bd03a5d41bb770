// Test helper for the audit e2e: no product action names an answer trace as its target yet (tool
// actions carry the trace in their data), so this records one event that does, through core's
// audit writer, to prove the audit view opens a trace in its conversation. Prints {eventId}.
//   tsx e2e/support/record-trace-reference.ts <tenant-slug> <trace-id>
import { config } from 'dotenv';
import { audit, type TActor } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';

config({ path: new URL('../../../../.env', import.meta.url).pathname, quiet: true });
const [slug, traceId] = process.argv.slice(2);
if (!slug || !traceId) throw new Error('usage: record-trace-reference <tenant-slug> <trace-id>');
const actor: TActor = { type: 'system', name: 'e2e' };
const tenant = await getSystemClient().tenant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
const event = await withTenant(tenant.id, (tx) => audit.record(tx, tenant.id, actor, { action: 'testing.trace-reference', targetType: 'trace', targetId: traceId }));
process.stdout.write(`${JSON.stringify({ eventId: event.id })}\n`);
await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
