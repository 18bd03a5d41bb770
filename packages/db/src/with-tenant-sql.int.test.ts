import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDatabaseUrl, ownerDatabaseUrl } from './env';
import { insertTenantWithOneRowPerTable, listTenantTables } from './testing/tenant-fixtures';
import { beginWithSettings, disconnectTenantSql, preparedStatementName, TENANT_SQL_POOL_MAX, toParameterized, withTenantSql } from './with-tenant-sql';

// The thin pg path must enforce exactly what withTenant does: the same application role, the
// tenant set per transaction, and RLS (not the code) keeping tenants apart.
let owner: pg.Client;
let tables: string[];
let a: { tenantId: string; userId: string };
let b: { tenantId: string; userId: string };

const key = (table: string) => (table === 'tenants' ? 'id' : 'tenant_id');

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  a = await insertTenantWithOneRowPerTable(owner, 'sql-a');
  b = await insertTenantWithOneRowPerTable(owner, 'sql-b');
  tables = await listTenantTables(owner);
});

afterAll(async () => {
  await Promise.all([owner.end(), disconnectTenantSql()]);
});

describe('withTenantSql()', () => {
  it('runs as the application role of DATABASE_URL, which is neither superuser nor exempt from RLS', async () => {
    const [row] = await withTenantSql(a.tenantId, (sql) =>
      sql.query<{ user: string; tenant: string; super: boolean; bypass: boolean }>`
        SELECT current_user AS user, current_setting('app.tenant_id', true) AS tenant, r.rolsuper AS super, r.rolbypassrls AS bypass
        FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(row!.user).toBe(decodeURIComponent(new URL(appDatabaseUrl()).username));
    expect(row!.user).not.toBe(decodeURIComponent(new URL(ownerDatabaseUrl()).username));
    expect(row!.tenant).toBe(a.tenantId);
    expect(row!.super).toBe(false);
    expect(row!.bypass).toBe(false);
  });

  it('sees only its own tenant in every tenant-owned table, and nothing of another tenant even when asked by id', async () => {
    expect(tables.length).toBeGreaterThan(10);
    await withTenantSql(a.tenantId, async (sql) => {
      for (const table of tables) {
        // Table names come from the catalogue (listTenantTables), not from input; values are parameters.
        const rows = await sql.query<{ k: string }>([`SELECT ${key(table)}::text AS k FROM ${table}`] as unknown as TemplateStringsArray);
        expect(rows.length, table).toBeGreaterThan(0);
        expect(rows.every((r) => r.k === a.tenantId), table).toBe(true);
      }
      expect(await sql.query`SELECT id FROM tenants WHERE id = ${b.tenantId}::uuid`).toEqual([]);
    });
  });

  it('cannot write into another tenant, and with the tenant setting cleared reads zero rows and writes nothing', async () => {
    await expect(withTenantSql(a.tenantId, (sql) => sql.query`INSERT INTO contacts (tenant_id, email) VALUES (${b.tenantId}::uuid, 'planted@sql-b.test')`)).rejects.toThrow(
      /row-level security/,
    );
    await withTenantSql(a.tenantId, async (sql) => {
      await sql.query`SELECT set_config('app.tenant_id', '', true)`;
      for (const table of tables) {
        const rows = await sql.query([`SELECT 1 FROM ${table}`] as unknown as TemplateStringsArray);
        expect(rows, table).toEqual([]);
      }
    });
    await expect(
      withTenantSql(a.tenantId, async (sql) => {
        await sql.query`SELECT set_config('app.tenant_id', '', true)`;
        await sql.query`INSERT INTO contacts (tenant_id, email) VALUES (${a.tenantId}::uuid, 'unscoped@sql-a.test')`;
      }),
    ).rejects.toThrow(/row-level security/);
    const { rows } = await owner.query(`SELECT email FROM contacts WHERE email IN ('planted@sql-b.test', 'unscoped@sql-a.test')`);
    expect(rows).toEqual([]);
  });

  it('commits on success, rolls back on a throw, and leaves no tenant set on the pooled connection', async () => {
    const kept = `kept-${Date.now()}@sql-a.test`;
    const dropped = `dropped-${Date.now()}@sql-a.test`;
    await withTenantSql(a.tenantId, (sql) => sql.query`INSERT INTO contacts (tenant_id, email) VALUES (${a.tenantId}::uuid, ${kept})`);
    await expect(
      withTenantSql(a.tenantId, async (sql) => {
        await sql.query`INSERT INTO contacts (tenant_id, email) VALUES (${a.tenantId}::uuid, ${dropped})`;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await owner.query<{ email: string }>('SELECT email FROM contacts WHERE email = ANY($1)', [[kept, dropped]]);
    expect(rows.map((r) => r.email)).toEqual([kept]);
    // Every pooled connection (twice as many transactions as the pool has), as tenant b: a's setting never leaks.
    const seen = await Promise.all(
      Array.from({ length: 2 * TENANT_SQL_POOL_MAX }, () => withTenantSql(b.tenantId, (sql) => sql.query<{ email: string }>`SELECT email FROM contacts WHERE email = ${kept}`)),
    );
    expect(seen.flat()).toEqual([]);
  });

  it('binds values as parameters, refuses a tenant id that is not a uuid, and refuses statements after the transaction', async () => {
    expect(toParameterized(['SELECT * FROM t WHERE a = ', ' AND b = ', ''] as unknown as TemplateStringsArray, ["x' OR 1=1 --", 2])).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b = $2',
      values: ["x' OR 1=1 --", 2],
    });
    const hostile = "x' OR 1=1 --";
    expect(await withTenantSql(a.tenantId, (sql) => sql.query`SELECT id FROM contacts WHERE email = ${hostile}`)).toEqual([]);
    await expect(withTenantSql(hostile, async () => 1)).rejects.toThrow();
    await expect(withTenantSql(a.tenantId, async () => 1, { userId: 'not-a-uuid' })).rejects.toThrow();
    let escaped: Parameters<Parameters<typeof withTenantSql>[1]>[0] | undefined;
    await withTenantSql(a.tenantId, async (sql) => {
      escaped = sql;
    });
    await expect(escaped!.query`SELECT 1`).rejects.toThrow(/ended/);
  });

  it('runs a Prisma.sql statement (nested fragments flattened into parameters) through run()', async () => {
    const { Prisma } = await import('./generated/prisma/client');
    // True for every row, as a bound value (inlined, the quote would break the statement).
    const filter = Prisma.sql`AND email <> ${"x' OR 1=1 --"}`;
    const count = (tenantId: string) =>
      withTenantSql(a.tenantId, (sql) => sql.run<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM contacts WHERE tenant_id = ${tenantId}::uuid ${filter}`));
    expect((await count(a.tenantId))[0]!.n).toBeGreaterThan(0);
    expect(await count(b.tenantId)).toEqual([{ n: 0 }]); // RLS: b's contacts exist, a's transaction cannot see them
  });

  it('sets app.user_id as withTenant does (empty unless given)', async () => {
    const read = (userId?: string) =>
      withTenantSql(a.tenantId, (sql) => sql.query<{ u: string }>`SELECT current_setting('app.user_id', true) AS u`, userId ? { userId } : {});
    expect((await read())[0]!.u).toBe('');
    expect((await read(a.userId))[0]!.u).toBe(a.userId);
  });

  it('writes only validated settings into the BEGIN text: a uuid (or empty) and an integer, never a quote', () => {
    const text = beginWithSettings(a.tenantId, a.userId, 5000);
    expect(text).toBe(
      `BEGIN; SELECT set_config('app.tenant_id', '${a.tenantId}', true), set_config('app.user_id', '${a.userId}', true), set_config('statement_timeout', '5000', true)`,
    );
    for (const hostile of ["x'); SELECT set_config('app.tenant_id', '", "00000000-0000-4000-8000-000000000000' --", ' ', '\\']) {
      expect(() => beginWithSettings(hostile, '', 5000)).toThrow();
      expect(() => beginWithSettings(a.tenantId, hostile, 5000)).toThrow();
    }
    expect(() => beginWithSettings(a.tenantId, '', -1)).toThrow();
    expect(() => beginWithSettings(a.tenantId, '', 1.5)).toThrow();
  });

  it('prepares each statement text once under a stable name, and a plan prepared under one tenant still sees only the next tenant', async () => {
    const text = 'SELECT email FROM contacts ORDER BY email';
    expect(preparedStatementName(text)).toBe(preparedStatementName(text));
    expect(preparedStatementName(text)).not.toBe(preparedStatementName(`${text} `));
    // Far more calls than the pool has connections and than Postgres needs to switch to a generic
    // plan (5 executions). All pooled connections are busy at once, so tenants alternate on every
    // connection's prepared statement; RLS is applied at each execution, not frozen into the plan.
    for (let round = 0; round < 8; round++) {
      const tenants = Array.from({ length: 2 * TENANT_SQL_POOL_MAX }, (_, i) => (i % 2 === 0 ? a : b));
      const results = await Promise.all(tenants.map((t) => withTenantSql(t.tenantId, (sql) => sql.run<{ email: string }>({ text, values: [] }))));
      results.forEach((rows, i) => {
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.email.includes(i % 2 === 0 ? 'sql-a' : 'sql-b'))).toBe(true);
      });
    }
    // The connection really holds it as a prepared statement (pg_prepared_statements is per session).
    const prepared = await withTenantSql(a.tenantId, (sql) => sql.query<{ name: string }>`SELECT name FROM pg_prepared_statements WHERE statement = ${text}`);
    expect(prepared).toEqual([{ name: preparedStatementName(text) }]);
  });

  it('runs statements unnamed with DATABASE_PREPARED_STATEMENTS=off, and refuses a value that is not on or off', async () => {
    const text = 'SELECT count(*)::int AS n FROM contacts /* unnamed */';
    process.env.DATABASE_PREPARED_STATEMENTS = 'off';
    try {
      expect(preparedStatementName(text)).toBeUndefined();
      for (let i = 0; i < 2 * TENANT_SQL_POOL_MAX; i++) await withTenantSql(a.tenantId, (sql) => sql.run({ text, values: [] }));
      const prepared = await withTenantSql(a.tenantId, (sql) => sql.query`SELECT name FROM pg_prepared_statements WHERE statement = ${text}`);
      expect(prepared).toEqual([]);
      process.env.DATABASE_PREPARED_STATEMENTS = 'maybe';
      expect(() => preparedStatementName(text)).toThrow('Environment variable DATABASE_PREPARED_STATEMENTS must be on or off');
    } finally {
      delete process.env.DATABASE_PREPARED_STATEMENTS;
    }
    expect(preparedStatementName(text)).toMatch(/^vouch_[0-9a-f]{32}$/);
  });
});
