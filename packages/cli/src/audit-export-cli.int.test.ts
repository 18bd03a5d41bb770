import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient } from '@vouch/db/system';
import { runVouch } from './testing';


/** Runs `vouch …` as an operator or auditor does: a separate process, JSON on stdout. */
const vouch = (args: string[], env: NodeJS.ProcessEnv = process.env) => runVouch(args, { env });

// The auditor's machine: no reachable database at all.
const offline = {
  ...process.env,
  DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none',
  DATABASE_OWNER_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none',
};

const suffix = randomBytes(3).toString('hex');
const slug = `audit-x-${suffix}`;
let tenantId = '';
let exportDir = '';

async function copyExport(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vouch-audit-tamper-'));
  await cp(exportDir, dir, { recursive: true });
  return dir;
}

async function editLines(dir: string, edit: (lines: string[]) => string[]): Promise<void> {
  const file = path.join(dir, 'events.jsonl');
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  await writeFile(file, `${edit(lines).join('\n')}\n`);
}

beforeAll(async () => {
  const created = await vouch(['tenant', 'create', slug, '--owner', `audit-x-${suffix}@example.test`]);
  expect(created.code).toBe(0);
  tenantId = created.json.tenant.id;
  const actor = { type: 'system', name: 'audit-export-test', ip: '203.0.113.9', userAgent: 'vitest "quoted", =formula' } as const;
  for (let i = 1; i <= 6; i += 1) {
    await withTenant(tenantId, (tx) =>
      audit.record(tx, tenantId, actor, { action: 'test.exported', targetType: 'thing', targetId: `t-${i}`, data: { i, note: 'line\nbreak, comma', nested: { z: 1, a: [1, 2] } } }),
    );
  }
  exportDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'vouch-audit-export-')), 'out');
  const exported = await vouch(['audit', 'export', '--tenant', slug, '--out', exportDir]);
  expect(exported.code).toBe(0);
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
});

describe('vouch audit export', () => {
  it('writes the three files and a signed manifest naming the chain ends, and records the export', async () => {
    const manifest = JSON.parse(await readFile(path.join(exportDir, 'manifest.json'), 'utf8'));
    // tenant.create + member.add + agent.create (from tenant create) and our six events.
    expect(manifest).toMatchObject({ format: 'vouch-audit-export/v1', tenantId, count: manifest.count, range: { firstSeq: '1' } });
    expect(manifest.count).toBeGreaterThanOrEqual(7);
    expect(manifest.chain.firstPrevHash).toBe(audit.GENESIS_HASH);
    expect(manifest.publicKey.raw).toBe(audit.getAuditPublicKey(tenantId).raw);
    expect(manifest.signature.algorithm).toBe('Ed25519');
    const lines = (await readFile(path.join(exportDir, 'events.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(manifest.count);
    expect(JSON.parse(lines.at(-1)!).hash).toBe(manifest.chain.lastHash);
    const csv = await readFile(path.join(exportDir, 'events.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('seq,id,occurredAt,actorType,actorId,action,targetType,targetId,ip,userAgent,data,prevHash,hash');
    expect(csv).toContain(`"vitest ""quoted"", =formula"`);
    // The export is itself an audit event, with counts and range only.
    const page = await withTenant(tenantId, (tx) => audit.listAuditEvents(tx, { action: 'audit.export', limit: 5 }));
    expect(page.events).toHaveLength(1);
    expect(page.events[0]!.data).toMatchObject({ count: manifest.count, range: { firstSeq: '1' } });
    expect(JSON.stringify(page.events[0]!.data)).not.toContain('line\\nbreak');
  });

  it('refuses to overwrite an earlier export', async () => {
    const again = await vouch(['audit', 'export', '--tenant', slug, '--out', exportDir]);
    expect(again.code).toBe(1);
    expect(again.json.error).toMatch(/EEXIST/);
  });

  it('exports a time range as a contiguous slice whose first prevHash is the previous event hash', async () => {
    const all = await withTenant(tenantId, (tx) => audit.listAuditEvents(tx, { action: 'test.exported', limit: 10 }));
    const third = all.events.find((e) => e.targetId === 't-3')!;
    const fifth = all.events.find((e) => e.targetId === 't-5')!;
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'vouch-audit-range-')), 'out');
    const exported = await vouch(['audit', 'export', '--tenant', slug, '--out', dir, '--from', third.occurredAt.toISOString(), '--to', fifth.occurredAt.toISOString()]);
    expect(exported.code).toBe(0);
    expect(exported.json).toMatchObject({ count: 3, range: { firstSeq: third.seq, lastSeq: fifth.seq }, chain: { firstPrevHash: third.prevHash, lastHash: fifth.hash } });
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 0, json: { ok: true, count: 3 } });
  });

  it('refuses an inverted range', async () => {
    const bad = await vouch(['audit', 'export', '--tenant', slug, '--out', '/tmp/never', '--from', '2030-01-01T00:00:00Z', '--to', '2020-01-01T00:00:00Z']);
    expect(bad).toMatchObject({ code: 1, json: { ok: false, error: 'from: from must not be after to' } });
  });
});

describe('vouch audit verify-export (offline)', () => {
  it('passes an untouched export without any database, and pins the public key', async () => {
    const result = await vouch(['audit', 'verify-export', exportDir], offline);
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ ok: true, tenantId, firstSeq: '1', publicKey: audit.getAuditPublicKey(tenantId).raw });
    const pinned = await vouch(['audit', 'verify-export', exportDir, '--public-key', audit.getAuditPublicKey(tenantId).pem], offline);
    expect(pinned.json.ok).toBe(true);
  });

  it('names an edited line', async () => {
    const dir = await copyExport();
    await editLines(dir, (lines) => lines.map((l, i) => (i === 4 ? l.replace('"action":"test.exported"', '"action":"test.forged"') : l)));
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 1, json: { ok: false, line: 5, reason: 'hash_mismatch' } });
  });

  it('names the line after a row rewritten with its own hash recomputed', async () => {
    const dir = await copyExport();
    await editLines(dir, (lines) =>
      lines.map((l, i) => {
        if (i !== 4) return l;
        const line = JSON.parse(l);
        line.action = 'test.forged';
        line.hash = audit.chainHash(line.prevHash, { tenantId: line.tenantId, seq: line.seq, occurredAt: line.occurredAt, actorType: line.actorType, actorId: line.actorId, action: line.action, targetType: line.targetType, targetId: line.targetId, ip: line.ip, userAgent: line.userAgent, data: line.data });
        return JSON.stringify(line);
      }),
    );
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 1, json: { ok: false, line: 6, reason: 'prev_hash_mismatch' } });
  });

  it('names a deleted line', async () => {
    const dir = await copyExport();
    await editLines(dir, (lines) => lines.filter((_, i) => i !== 2));
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 1, json: { ok: false, line: 3, reason: 'seq_mismatch', detail: 'expected seq 3, found 4' } });
  });

  it('names a cut tail', async () => {
    const dir = await copyExport();
    await editLines(dir, (lines) => lines.slice(0, -1));
    const result = await vouch(['audit', 'verify-export', dir], offline);
    expect(result).toMatchObject({ code: 1, json: { ok: false, reason: 'count_mismatch' } });
  });

  it('names two reordered lines', async () => {
    const dir = await copyExport();
    await editLines(dir, (lines) => {
      const copy = [...lines];
      [copy[3], copy[4]] = [copy[4]!, copy[3]!];
      return copy;
    });
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 1, json: { ok: false, line: 4, reason: 'seq_mismatch' } });
  });

  it('refuses an edited manifest', async () => {
    const dir = await copyExport();
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    manifest.count -= 1;
    await writeFile(file, JSON.stringify(manifest, null, 2));
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 1, json: { ok: false, line: null, reason: 'signature_invalid' } });
  });

  it('refuses a manifest re-signed with another key when the auditor pins the tenant key', async () => {
    const dir = await copyExport();
    const otherKey = audit.getAuditPublicKey(randomBytes(16).toString('hex')).raw;
    expect(await vouch(['audit', 'verify-export', dir, '--public-key', otherKey], offline)).toMatchObject({ code: 1, json: { ok: false, reason: 'public_key_mismatch' } });
  });

  it('refuses an edited CSV, which the chain does not cover', async () => {
    const dir = await copyExport();
    const file = path.join(dir, 'events.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace('test.exported', 'test.hidden'));
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 1, json: { ok: false, line: null, reason: 'csv_sha256_mismatch' } });
  });

  it('refuses a JSONL change that keeps every hash (reformatted line)', async () => {
    const dir = await copyExport();
    await editLines(dir, (lines) => lines.map((l, i) => (i === 0 ? JSON.stringify(JSON.parse(l), null, 0).replace('{', '{ ') : l)));
    expect(await vouch(['audit', 'verify-export', dir], offline)).toMatchObject({ code: 1, json: { ok: false, reason: 'jsonl_sha256_mismatch' } });
  });
});
