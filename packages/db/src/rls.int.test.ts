import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAppClient, disconnectAppClient } from './client';
import { appDatabaseUrl, ownerDatabaseUrl } from './env';
import { insertTenantWithOneRowPerTable, listTenantTables, type TFixtureRows } from './testing/tenant-fixtures';
import { withTenant } from './with-tenant';

/** Tables that are not tenant-owned, each with the reason it is safe. */
const GLOBAL_TABLES: Record<string, string> = {
  users: 'global identities; RLS limits rows to the acting user and members of the current tenant',
  vouch_migrations: 'migration bookkeeping; the application role has no privilege on it',
  user_sessions: "a user's own browser sessions; RLS limits rows to app.user_id",
};

let owner: pg.Client;
let app: pg.Client;
let tenantTables: string[];
let a: { tenantId: string; userId: string; rows: TFixtureRows };
let b: { tenantId: string; userId: string; rows: TFixtureRows };

function keyColumn(table: string): string {
  return table === 'tenants' ? 'id' : 'tenant_id';
}

/** Runs statements as the application role with app.tenant_id set for one transaction. */
async function asTenant<T>(tenantId: string | null, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  await app.query('BEGIN');
  try {
    if (tenantId) await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await fn(app);
  } finally {
    await app.query('ROLLBACK');
  }
}

async function expectRefusedOrNoRows(run: () => Promise<pg.QueryResult>): Promise<void> {
  await app.query('SAVEPOINT attempt');
  try {
    const result = await run();
    expect(result.rowCount).toBe(0);
    await app.query('RELEASE SAVEPOINT attempt');
  } catch (error) {
    await app.query('ROLLBACK TO SAVEPOINT attempt');
    expect(String((error as Error).message)).toMatch(/permission denied|row-level security|append-only/);
  }
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  app = new pg.Client({ connectionString: appDatabaseUrl() });
  await Promise.all([owner.connect(), app.connect()]);
  a = await insertTenantWithOneRowPerTable(owner, 'tenant-a');
  b = await insertTenantWithOneRowPerTable(owner, 'tenant-b');
  tenantTables = await listTenantTables(owner);
});

afterAll(async () => {
  await Promise.all([owner.end(), app.end(), disconnectAppClient()]);
});

describe('the application role', () => {
  it('is not a superuser, cannot bypass RLS and owns no table', async () => {
    const role = await app.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await app.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
    );
    expect(owned.rows).toEqual([]);
  });

  it('cannot read the migrations table', async () => {
    await expect(app.query('SELECT * FROM vouch_migrations')).rejects.toThrow(/permission denied/);
  });
});

describe('row-level security covers every table', () => {
  it('every public table is tenant-owned or a listed global table', async () => {
    const { rows } = await owner.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const unexplained = rows.map((r) => r.tablename).filter((t) => !tenantTables.includes(t) && !(t in GLOBAL_TABLES));
    expect(unexplained).toEqual([]);
  });

  it('the fixture has a row in every tenant table (a new table must be added to it)', () => {
    expect(Object.keys(a.rows).sort()).toEqual([...tenantTables].sort());
  });

  it('every tenant table has RLS enabled and forced with a USING and WITH CHECK policy on app.tenant_id', async () => {
    for (const table of tenantTables) {
      const flags = await owner.query<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
        `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass`,
        [table],
      );
      expect(flags.rows[0], table).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
      const policies = await owner.query<{ qual: string | null; with_check: string | null; cmd: string }>(
        `SELECT qual, with_check, cmd FROM pg_policies WHERE schemaname = 'public' AND tablename = $1`,
        [table],
      );
      expect(policies.rows.length, table).toBeGreaterThan(0);
      for (const policy of policies.rows) {
        expect(policy.cmd, table).toBe('ALL');
        expect(policy.qual, table).toContain('app_current_tenant()');
        expect(policy.with_check, table).toContain('app_current_tenant()');
      }
    }
  });
});

describe('tenant isolation, table by table, as the application role', () => {
  it('with no tenant set, every tenant table returns 0 rows', async () => {
    await asTenant(null, async (client) => {
      for (const table of tenantTables) {
        const result = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(result.rows[0].n, table).toBe(0);
      }
    });
  });

  it('a raw query without a tenant filter returns only the current tenant rows', async () => {
    await asTenant(a.tenantId, async (client) => {
      for (const table of tenantTables) {
        const key = keyColumn(table);
        const result = await client.query<{ owner: string; id: string }>(`SELECT ${key} AS owner, id FROM ${table}`);
        expect(result.rows.length, table).toBeGreaterThan(0);
        expect(new Set(result.rows.map((r) => r.owner)), table).toEqual(new Set([a.tenantId]));
        expect(result.rows.map((r) => r.id), table).not.toContain(b.rows[table]);
      }
    });
  });

  it("tenant A cannot read tenant B's rows even by id", async () => {
    await asTenant(a.tenantId, async (client) => {
      for (const table of tenantTables) {
        const result = await client.query(`SELECT * FROM ${table} WHERE id = $1`, [b.rows[table]]);
        expect(result.rowCount, table).toBe(0);
      }
    });
  });

  it("tenant A cannot update or delete tenant B's rows", async () => {
    await asTenant(a.tenantId, async (client) => {
      for (const table of tenantTables) {
        const key = keyColumn(table);
        await expectRefusedOrNoRows(() => client.query(`UPDATE ${table} SET ${key} = ${key} WHERE id = $1`, [b.rows[table]]));
        await expectRefusedOrNoRows(() => client.query(`DELETE FROM ${table} WHERE id = $1`, [b.rows[table]]));
      }
    });
    for (const table of tenantTables) {
      const still = await owner.query(`SELECT 1 FROM ${table} WHERE id = $1`, [b.rows[table]]);
      expect(still.rowCount, `${table} row of B survives`).toBe(1);
    }
  });

  it("tenant A cannot move its own rows into tenant B", async () => {
    await asTenant(a.tenantId, async (client) => {
      for (const table of tenantTables.filter((t) => t !== 'tenants')) {
        await expectRefusedOrNoRows(async () => {
          const result = await client.query(`UPDATE ${table} SET tenant_id = $1 WHERE id = $2`, [b.tenantId, a.rows[table]]);
          // Reaching here means the row was visible; WITH CHECK must have refused the new value.
          return result.rowCount === 0 ? result : Promise.reject(new Error(`${table}: moved a row across tenants`));
        });
      }
    });
  });

  it('tenant A cannot insert rows that belong to tenant B', async () => {
    await asTenant(a.tenantId, async (client) => {
      for (const table of tenantTables) {
        const key = keyColumn(table);
        const columns = (
          await owner.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
            [table],
          )
        ).rows.map((r) => r.column_name);
        // A complete, valid copy of A's own row, re-labelled as B's: only RLS can refuse it.
        const projection = columns.map((c) => (c === key ? '$2::uuid' : c === 'id' ? 'gen_random_uuid()' : c));
        await app.query('SAVEPOINT insert_attempt');
        const copy = client.query(
          `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${projection.join(', ')} FROM ${table} WHERE id = $1`,
          [a.rows[table], b.tenantId],
        );
        await expect(copy, table).rejects.toThrow(/row-level security/);
        await app.query('ROLLBACK TO SAVEPOINT insert_attempt');
      }
    });
  });

  it('inserting a complete row for tenant B is refused by the WITH CHECK policy', async () => {
    await asTenant(a.tenantId, async (client) => {
      const attempts: [string, string, unknown[]][] = [
        ['contacts', 'INSERT INTO contacts (tenant_id, email) VALUES ($1, $2)', [b.tenantId, 'x@b.test']],
        ['agents', 'INSERT INTO agents (tenant_id, slug, name) VALUES ($1, $2, $3)', [b.tenantId, 'evil', 'evil']],
        ['audit_events', `INSERT INTO audit_events (tenant_id, seq, occurred_at, actor_type, action, prev_hash, hash) VALUES ($1, 99, now(), 'system', 'forged.event', 'x', 'y')`, [b.tenantId]],
        ['tenants', 'INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', ['00000000-0000-4000-8000-0000000000bb', 'forged-tenant', 'Forged']],
      ];
      for (const [table, sql, params] of attempts) {
        await app.query('SAVEPOINT s');
        await expect(client.query(sql, params), table).rejects.toThrow(/row-level security/);
        await app.query('ROLLBACK TO SAVEPOINT s');
      }
    });
  });

  it("a user's sessions are visible to that user only", async () => {
    await owner.query('INSERT INTO user_sessions (user_id) VALUES ($1), ($2)', [a.userId, b.userId]);
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [a.tenantId, a.userId]);
      const { rows } = await app.query<{ user_id: string }>('SELECT user_id FROM user_sessions');
      expect(new Set(rows.map((r) => r.user_id))).toEqual(new Set([a.userId]));
      const revoke = await app.query('UPDATE user_sessions SET revoked_at = now() WHERE user_id = $1', [b.userId]);
      expect(revoke.rowCount).toBe(0);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('users are visible only through a membership in the current tenant', async () => {
    await asTenant(a.tenantId, async (client) => {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM users');
      const ids = rows.map((r) => r.id);
      expect(ids).toContain(a.userId);
      expect(ids).not.toContain(b.userId);
    });
    await asTenant(null, async (client) => {
      const { rows } = await client.query('SELECT id FROM users');
      expect(rows).toEqual([]);
    });
  });
});

describe('withTenant()', () => {
  it('confines Prisma queries without where clauses to the tenant', async () => {
    const seen = await withTenant(a.tenantId, async (tx) => ({
      messages: await tx.message.findMany({ select: { tenantId: true, content: true } }),
      chunks: await tx.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id::text FROM chunks`,
    }));
    expect(seen.messages.every((m) => m.tenantId === a.tenantId)).toBe(true);
    expect(seen.messages.map((m) => m.content)).not.toContain('private message of tenant-b');
    expect(seen.chunks.every((c) => c.tenant_id === a.tenantId)).toBe(true);
  });

  it('leaves nothing behind: the setting is local to its transaction', async () => {
    await withTenant(a.tenantId, async (tx) => tx.contact.count());
    const outside = await getAppClient().contact.findMany();
    expect(outside).toEqual([]);
    const setting = await getAppClient().$queryRaw<{ v: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS v`;
    expect(setting[0]?.v ?? '').toBe('');
  });

  it('refuses a tenant id that is not a uuid', async () => {
    await expect(withTenant("x' OR 1=1 --", async () => 1)).rejects.toThrow();
  });
});
