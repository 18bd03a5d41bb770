import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import { closeQueues, closeRedis } from '@vouch/jobs';
import type { TActor } from '../actor';
import { auditExportDirOf, listAuditExports, record, requestAuditExport, writeAuditExport } from './index';

let owner: pg.Client;
let root: string;
const previousRoot = process.env.VOUCH_AUDIT_EXPORT_DIR;

async function newTenant(): Promise<string> {
  const id = randomUUID();
  await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [id, `exports-${id.slice(0, 8)}`, 'Exports']);
  return id;
}

const userOf = (tenantId: string, userId = randomUUID()): TActor & { type: 'user' } => ({ type: 'user', userId, tenantId, roles: ['auditor'] });

/** An export as the worker makes one: the request event, then the signed files in the tenant's folder. */
async function exportAs(tenantId: string, actor: TActor & { type: 'user' }, write: boolean): Promise<string> {
  const { exportId } = await withTenant(tenantId, (tx) => requestAuditExport(tx, tenantId, actor, {}));
  if (write) {
    await withTenant(tenantId, (tx) =>
      writeAuditExport(tx, tenantId, auditExportDirOf(tenantId, exportId), {}, { actor: { type: 'system', name: 'audit-export' }, requestedBy: actor.userId }),
    );
  }
  return exportId;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'vouch-list-exports-'));
  process.env.VOUCH_AUDIT_EXPORT_DIR = root;
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});

afterAll(async () => {
  if (previousRoot === undefined) delete process.env.VOUCH_AUDIT_EXPORT_DIR;
  else process.env.VOUCH_AUDIT_EXPORT_DIR = previousRoot;
  rmSync(root, { recursive: true, force: true });
  await owner.end();
  await closeQueues();
  await Promise.all([disconnectAppClient(), closeRedis()]);
});

describe('listAuditExports', () => {
  it("lists the requester's own exports, newest first, with counts, range, expiry and links while the files exist", async () => {
    const tenantId = await newTenant();
    const alice = userOf(tenantId);
    const bob = userOf(tenantId);
    await withTenant(tenantId, (tx) => record(tx, tenantId, { type: 'system', name: 'test' }, { action: 'test.event', targetType: 'thing', targetId: '1' }));
    const done = await exportAs(tenantId, alice, true);
    const unfinished = await exportAs(tenantId, alice, false);
    const bobs = await exportAs(tenantId, bob, true);

    const mine = await withTenant(tenantId, (tx) => listAuditExports(tx, tenantId, alice));
    expect(mine.map((e) => e.exportId)).toEqual([unfinished, done]);
    expect(mine.map((e) => e.exportId)).not.toContain(bobs);
    const [open, finished] = mine;
    // Nothing on disk and no job (it was never queued): said plainly, no links.
    expect(open).toMatchObject({ state: 'missing', count: null, links: [] });
    // test.event and the request event of this export are in it (the later requests are not).
    expect(finished).toMatchObject({ state: 'done', count: 2, range: { from: null, to: null }, firstSeq: '1', lastSeq: '2' });
    expect(finished!.links.map((l) => l.file).sort()).toEqual(['events.csv', 'events.jsonl', 'manifest.json']);
    for (const link of finished!.links) expect(link.url).toContain(`/audit/exports/${done}/`);
    const days = (finished!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    expect((await withTenant(tenantId, (tx) => listAuditExports(tx, tenantId, bob))).map((e) => e.exportId)).toEqual([bobs]);

    // Once retention removed the folder, the export stays listed (the trail remembers) without links.
    rmSync(auditExportDirOf(tenantId, done), { recursive: true, force: true });
    const after = await withTenant(tenantId, (tx) => listAuditExports(tx, tenantId, alice));
    expect(after.find((e) => e.exportId === done)).toMatchObject({ state: 'missing', links: [] });
  });

  it("never lists another tenant's exports, even for the same person, and refuses non-people", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const person = randomUUID();
    await exportAs(a, userOf(a, person), true);
    expect(await withTenant(b, (tx) => listAuditExports(tx, b, userOf(b, person)))).toEqual([]);
    expect(await withTenant(a, (tx) => listAuditExports(tx, a, userOf(a, person)))).toHaveLength(1);
    await expect(withTenant(a, (tx) => listAuditExports(tx, a, { type: 'system', name: 'cli' }))).rejects.toThrow(/signed-in person/);
  });
});
