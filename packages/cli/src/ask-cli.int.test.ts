import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, ingestSourceVersion, reviewSourceVersion, uploadSource, type TActor } from '@vouch/core';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { OfflineHashEmbeddings } from '@vouch/rag';
import { repoRoot } from './load-env';

/** Runs `vouch …` as a separate process, as operators do; stdin is closed after `input`. */
function vouch(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(repoRoot, 'packages/cli/src/main.ts'), ...args], { cwd: repoRoot, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

const slug = `ask-${randomBytes(3).toString('hex')}`;
const ownerEmail = `owner-${slug}@example.test`;
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  // Set up in-process (no dependency on a worker being around), then ask through the real CLI.
  const system: TActor = { type: 'system', name: 'ask-cli-test' };
  const created = await getSystemClient().$transaction((tx) => createTenant(tx, system, { slug, ownerEmail }));
  const tenantId = created.tenant.id;
  const reviewer: TActor = { type: 'user', userId: created.owner.user.id, tenantId, roles: ['owner'] };
  const articles = {
    'shipping-times.md': '# Shipping times\n\nStandard shipping takes 3 to 5 business days within the EU and 7 to 10 business days elsewhere.\nExpress shipping takes 1 to 2 business days within the EU.\n',
    'reset-password.md': '# Resetting your password\n\nYou can reset your password from the sign-in page. The reset link stays valid for 30 minutes.\n',
  };
  for (const [fileName, content] of Object.entries(articles)) {
    const { versionId } = await withTenant(tenantId, (tx) => uploadSource(tx, tenantId, system, { fileName, contentBase64: Buffer.from(content).toString('base64') }));
    await ingestSourceVersion(tenantId, versionId, { embeddings: { embeddings: new OfflineHashEmbeddings(), id: 'offline-hash-384' } });
    await withTenant(tenantId, (tx) => reviewSourceVersion(tx, tenantId, reviewer, { versionId, decision: 'approve' }), { userId: reviewer.userId });
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([owner.end(), disconnectAppClient(), disconnectSystemClient()]);
});

describe('vouch ask', () => {
  it('prints {"answer","citations":[{"source","chunkId"}],"escalated","reason","traceId"} for one question', async () => {
    const { code, stdout } = await vouch(['ask', '--tenant', slug, 'How long does express shipping take?']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['answer', 'citations', 'escalated', 'reason', 'traceId']);
    expect(result).toMatchObject({ escalated: false, reason: 'answered', citations: [{ source: 'shipping-times.md', chunkId: expect.stringMatching(/^[0-9a-f-]{36}$/) }] });
    expect(result.answer).toContain('Express shipping takes 1 to 2 business days within the EU.');
    expect(Object.keys(result.citations[0]).sort()).toEqual(['chunkId', 'source']);
    const trace = await owner.query('SELECT outcome, provider FROM message_traces WHERE id = $1', [result.traceId]);
    expect(trace.rows[0]).toEqual({ outcome: 'answered', provider: 'offline-extractive' });
  });

  it('hands off honestly, with --agent (slug) and --env staging', async () => {
    const { code, stdout } = await vouch(['ask', '--tenant', slug, '--agent', 'support', '--env', 'staging', 'Do you sell gift cards?']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ escalated: true, reason: 'low_grounding', citations: [] });
  });

  it('reads {"id","question"} JSON Lines and writes one result per line, in order, not stopping at a bad line', async () => {
    const input = [
      JSON.stringify({ id: 'a', question: 'How do I reset my password?' }),
      'not json',
      JSON.stringify({ id: 2, question: 'Can I talk to a human?' }),
      JSON.stringify({ id: 'no-question' }),
      JSON.stringify({ id: 'b', question: 'How long does standard shipping take?' }),
    ].join('\n');
    const { code, stdout, stderr } = await vouch(['ask', '--tenant', slug], `${input}\n`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/2 line\(s\) failed/);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 2, 'no-question', 'b']);
    expect(lines[0]).toMatchObject({ reason: 'answered', citations: [{ source: 'reset-password.md' }] });
    expect(lines[1].error).toMatch(/line 2: not valid JSON/);
    expect(lines[2]).toMatchObject({ escalated: true, reason: 'customer_request' });
    expect(lines[3].error).toMatch(/"question" must be a string/);
    expect(lines[4]).toMatchObject({ reason: 'answered', citations: [{ source: 'shipping-times.md' }] });
    expect(new Set(lines.filter((l) => l.traceId).map((l) => l.traceId)).size).toBe(3);
  });

  it('fails with one JSON line for an unknown tenant or environment', async () => {
    const unknown = await vouch(['ask', '--tenant', `nope-${slug}`, 'hello there']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: expect.stringMatching(/No tenant with slug/) });
    const badEnv = await vouch(['ask', '--tenant', slug, '--env', 'prod', 'hello there']);
    expect(badEnv.code).toBe(1);
    expect(JSON.parse(badEnv.stdout)).toMatchObject({ ok: false, error: expect.stringMatching(/--env must be staging or production/) });
  });
});
