import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient } from './client';
import { ownerDatabaseUrl } from './env';
import { insertTenantWithOneRowPerTable } from './testing/tenant-fixtures';
import { withTenant } from './with-tenant';

// pg 8 queues a query sent while another runs on the same connection, but warns (once per
// process) that pg 9 will refuse it. Prisma sends a read's relation queries together.
const overlapWarnings: string[] = [];
process.on('warning', (warning) => {
  if (warning.message.includes('already executing a query')) overlapWarnings.push(warning.message);
});

let owner: pg.Client;
let tenant: { tenantId: string };

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  tenant = await insertTenantWithOneRowPerTable(owner, 'serial-tx');
});

afterAll(async () => {
  await Promise.all([owner.end(), disconnectAppClient()]);
});

describe('SerialTransactionPg', () => {
  it('loads several relations inside a transaction without two queries in flight on its connection', async () => {
    const loaded = await withTenant(tenant.tenantId, (tx) =>
      tx.tenant.findFirstOrThrow({ include: { agents: true, memberships: true, conversations: true, knowledgeSources: true } }),
    );
    expect(loaded.agents.length).toBeGreaterThan(0);
    expect(loaded.memberships.length).toBeGreaterThan(0);
    expect(loaded.conversations.length).toBeGreaterThan(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(overlapWarnings).toEqual([]);
  });

  it('keeps the transaction usable after a failed query, and rolls it back as a whole', async () => {
    const failing = withTenant(tenant.tenantId, async (tx) => {
      await Promise.allSettled([tx.$queryRaw`SELECT 1/0`, tx.$queryRaw`SELECT 1`]);
      throw new Error('roll back');
    });
    await expect(failing).rejects.toThrow('roll back');
    const [row] = await withTenant(tenant.tenantId, (tx) => tx.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`);
    expect(row!.ok).toBe(1);
  });
});
