import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, uploadSource } from '@vouch/core';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeQueues, closeRedis, enqueue, getQueue } from '@vouch/jobs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const system = getSystemClient();
const children: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  // node itself with tsx's loader, not the tsx wrapper: the pid killed must be the worker's own.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/worker/src/main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, WORKER_CONCURRENCY: '1', WORKER_LOCK_MS: '2000' },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await closeQueues();
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
});

describe('a worker killed mid-job', () => {
  it('loses nothing: another worker picks the job up and indexes it exactly once', async () => {
    const suffix = randomBytes(3).toString('hex');
    const actor = { type: 'system', name: 'crash-test' } as const;
    const { tenant } = await system.$transaction((tx) => createTenant(tx, actor, { slug: `crash-${suffix}`, ownerEmail: `crash-${suffix}@example.test` }));
    // Large enough that ingestion is still running when the worker is killed.
    const sections = Array.from({ length: 2500 }, (_, i) => `## Topic ${i}\n\nTopic ${i} explains how part ${i} of the product is installed, maintained and returned within ${i % 60} days.`);
    const uploaded = await system.$transaction((tx) =>
      uploadSource(tx, tenant.id, actor, { fileName: 'big-manual.md', contentBase64: Buffer.from(`# Manual\n\n${sections.join('\n\n')}`).toString('base64') }),
    );

    const first = startWorkerProcess();
    const jobId = await enqueue('knowledge.ingest-version', { tenantId: tenant.id, versionId: uploaded.versionId }, { jobId: `ingest-${uploaded.versionId}` });
    await waitFor(async () => (await system.sourceVersion.findUnique({ where: { id: uploaded.versionId } }))?.ingestStatus === 'processing', 60_000, 'ingestion to start');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const interrupted = await system.sourceVersion.findUniqueOrThrow({ where: { id: uploaded.versionId } });
    expect(interrupted.ingestStatus).toBe('processing');

    startWorkerProcess();
    const indexed = await waitFor(async () => {
      const version = await system.sourceVersion.findUnique({ where: { id: uploaded.versionId } });
      return version?.ingestStatus === 'indexed' ? version : null;
    }, 120_000, 'the second worker to finish');
    expect(indexed.chunkCount).toBeGreaterThan(100);
    expect(await system.document.count({ where: { sourceVersionId: uploaded.versionId } })).toBe(1);
    const chunks = await system.chunk.findMany({ where: { document: { sourceVersionId: uploaded.versionId } }, select: { ordinal: true } });
    expect(chunks).toHaveLength(indexed.chunkCount);
    expect(new Set(chunks.map((c) => c.ordinal)).size).toBe(chunks.length);
    const job = await getQueue('knowledge').getJob(jobId);
    await waitFor(async () => (await job?.getState()) === 'completed', 10_000, 'the job to be marked completed');
  }, 240_000);
});
