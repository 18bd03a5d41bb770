import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerDatabaseUrl } from './env';
import { runMigrations } from './migrate';

const database = `vouch_migrate_${randomBytes(4).toString('hex')}`;
let admin: pg.Client;
let scratchUrl: string;
let directory: string;

async function writeMigration(name: string, sql: string): Promise<void> {
  await mkdir(path.join(directory, name), { recursive: true });
  await writeFile(path.join(directory, name, 'migration.sql'), sql);
}

async function query(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(ownerDatabaseUrl());
  url.pathname = `/${database}`;
  scratchUrl = url.toString();
  directory = await mkdtemp(path.join(tmpdir(), 'vouch-migrations-'));
});

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe('runMigrations', () => {
  it('applies in name order once, substituting the app role', async () => {
    await writeMigration('20260101000000_a', 'CREATE TABLE widgets (id int PRIMARY KEY);');
    await writeMigration('20260102000000_b', 'GRANT SELECT ON widgets TO {{app_role}};');
    const first = await runMigrations({ ownerUrl: scratchUrl, appRole: 'vouch_app', directory });
    expect(first).toEqual({ applied: ['20260101000000_a', '20260102000000_b'], alreadyApplied: [] });
    const again = await runMigrations({ ownerUrl: scratchUrl, appRole: 'vouch_app', directory });
    expect(again).toEqual({ applied: [], alreadyApplied: ['20260101000000_a', '20260102000000_b'] });
    const grants = await query(`SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'vouch_app' AND table_name = 'widgets'`);
    expect(grants.rows).toEqual([{ privilege_type: 'SELECT' }]);
  });

  it('rolls back a failing migration whole and does not record it', async () => {
    await writeMigration('20260103000000_c', 'CREATE TABLE gadgets (id int); SELECT no_such_function();');
    await expect(runMigrations({ ownerUrl: scratchUrl, appRole: 'vouch_app', directory })).rejects.toThrow(
      /Migration 20260103000000_c failed/,
    );
    const table = await query(`SELECT to_regclass('gadgets') AS t`);
    expect(table.rows[0].t).toBeNull();
    const recorded = await query(`SELECT name FROM vouch_migrations ORDER BY name`);
    expect(recorded.rows.map((r) => r.name)).toEqual(['20260101000000_a', '20260102000000_b']);
  });

  it('refuses an applied migration whose file changed', async () => {
    await writeMigration('20260103000000_c', 'CREATE TABLE gadgets (id int);');
    await runMigrations({ ownerUrl: scratchUrl, appRole: 'vouch_app', directory });
    await writeMigration('20260101000000_a', 'CREATE TABLE widgets (id bigint PRIMARY KEY);');
    await expect(runMigrations({ ownerUrl: scratchUrl, appRole: 'vouch_app', directory })).rejects.toThrow(
      /20260101000000_a was changed after it was applied/,
    );
  });

  it('refuses an unsafe role name', async () => {
    await writeMigration('20260101000000_a', 'CREATE TABLE widgets (id int PRIMARY KEY);');
    await writeMigration('20260104000000_d', 'GRANT SELECT ON gadgets TO {{app_role}};');
    await expect(
      runMigrations({ ownerUrl: scratchUrl, appRole: 'x"; DROP TABLE widgets; --', directory }),
    ).rejects.toThrow(/Unsafe role name/);
    expect((await query(`SELECT to_regclass('widgets') AS t`)).rows[0].t).toBe('widgets');
  });
});
