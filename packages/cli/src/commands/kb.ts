import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { hasPermission, isRole } from '@vouch/auth';
import { AppError, ingestSourceVersion, markIngestionFailed, mimeTypeOf, reviewSourceVersion, searchKnowledge, uploadSource, type TActor } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { closeQueues, closeRedis, enqueue, getQueue } from '@vouch/jobs';
import { printJson } from '../output';
import { CLI_ACTOR, inSystemTransaction, resolveTenant } from '../system-tx';

async function listImportableFiles(directory: string): Promise<string[]> {
  const info = await stat(directory).catch(() => null);
  if (!info?.isDirectory()) throw new AppError('BAD_REQUEST', `"${directory}" is not a directory.`);
  const files: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    try {
      mimeTypeOf(entry.name);
      files.push(full);
    } catch {
      // Not a knowledge file (images, dotfiles): skipped, and listed in the summary.
    }
  }
  return files.sort();
}

async function resolveReviewer(tenantId: string, email: string): Promise<TActor> {
  const member = await inSystemTransaction((tx) =>
    tx.membership.findFirst({ where: { tenantId, user: { email: { equals: email, mode: 'insensitive' } } }, include: { user: true } }),
  );
  const roles = (member?.roles ?? []).filter(isRole);
  if (!member || !hasPermission(roles, 'knowledge.approve')) {
    throw new AppError('FORBIDDEN', `${email} is not a member of this tenant with the knowledge.approve permission.`);
  }
  return { type: 'user', userId: member.userId, tenantId, roles, ip: null, userAgent: 'vouch-cli' };
}

interface TVersionState {
  file: string;
  versionId: string;
  sourceId: string;
  ingestStatus: string;
  status: string;
  progress: number;
  chunkCount: number;
  redactions: unknown;
  error: string | null;
  quarantineReason: string | null;
}

async function readStates(tenantId: string, imported: { file: string; versionId: string; sourceId: string }[]): Promise<TVersionState[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.sourceVersion.findMany({ where: { id: { in: imported.map((i) => i.versionId) } } }),
  );
  return imported.map((item) => {
    const row = rows.find((r) => r.id === item.versionId);
    return {
      ...item,
      ingestStatus: row?.ingestStatus ?? 'missing',
      status: row?.status ?? 'missing',
      progress: row?.ingestProgress ?? 0,
      chunkCount: row?.chunkCount ?? 0,
      redactions: row?.redactionSummary ?? {},
      error: row?.ingestError ?? null,
      quarantineReason: row?.quarantineReason ?? null,
    };
  });
}

const STALL_FALLBACK_MS = 20_000;
const done = (s: TVersionState) => s.ingestStatus === 'indexed' || s.ingestStatus === 'failed';

/**
 * `vouch kb import <dir> --tenant <slug> [--approve-as <email>]`: uploads every supported file as
 * a source, has the worker ingest it (or ingests in this process when no worker is running),
 * waits with a progress bar, then optionally approves the clean versions as the reviewer.
 */
export async function kbImportCommand(directory: string, options: { tenant: string; approveAs?: string }): Promise<void> {
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const reviewer = options.approveAs ? await resolveReviewer(tenant.id, options.approveAs) : null;
  const files = await listImportableFiles(path.resolve(directory));
  if (files.length === 0) throw new AppError('BAD_REQUEST', `No Markdown, text, HTML, PDF, DOCX or .faq.json files in "${directory}".`);

  const imported: { file: string; versionId: string; sourceId: string }[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    const uploaded = await inSystemTransaction((tx) =>
      uploadSource(tx, tenant.id, CLI_ACTOR, { fileName: path.basename(file), contentBase64: bytes.toString('base64') }),
    );
    imported.push({ file: path.relative(path.resolve(directory), file), versionId: uploaded.versionId, sourceId: uploaded.sourceId });
  }

  const workers = await getQueue('knowledge').getWorkers().catch(() => []);
  const interactive = process.stderr.isTTY === true;
  const bar = interactive ? new cliProgress.SingleBar({ format: 'Indexing |{bar}| {percentage}% {value}/{total} files', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(imported.length * 100, 0);
  const ingestInline = async (items: typeof imported) => {
    for (const [index, item] of items.entries()) {
      try {
        // The tenant's stored embedder (or the env default for a tenant without one).
        await ingestSourceVersion(tenant.id, item.versionId, { onProgress: async (percent) => bar?.update(index * 100 + percent) });
      } catch (error) {
        await markIngestionFailed(tenant.id, item.versionId, error);
      }
    }
  };
  if (workers.length > 0) {
    for (const item of imported) {
      await enqueue('knowledge.ingest-version', { tenantId: tenant.id, versionId: item.versionId }, { jobId: `ingest-${item.versionId}` });
    }
    const startedAt = Date.now();
    for (;;) {
      const states = await readStates(tenant.id, imported);
      bar?.update(states.reduce((sum, s) => sum + (done(s) ? 100 : s.progress), 0));
      if (states.every(done)) break;
      // A registered worker that takes nothing (busy elsewhere, or hung) must not hang the
      // import: untouched versions are indexed here; ingestion is idempotent if it wakes up.
      if (Date.now() - startedAt > STALL_FALLBACK_MS && states.every((s) => s.ingestStatus === 'queued' || done(s))) {
        process.stderr.write('The worker has not picked the files up: indexing in this process.\n');
        await ingestInline(imported.filter((item) => states.find((s) => s.versionId === item.versionId)?.ingestStatus === 'queued'));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } else {
    process.stderr.write('No worker is running: indexing in this process.\n');
    await ingestInline(imported);
  }
  bar?.stop();

  const approved: string[] = [];
  if (reviewer) {
    for (const state of await readStates(tenant.id, imported)) {
      if (state.ingestStatus !== 'indexed' || state.status !== 'pending_review') continue;
      await withTenant(tenant.id, (tx) => reviewSourceVersion(tx, tenant.id, reviewer, { versionId: state.versionId, decision: 'approve', note: 'Approved on import' }), {
        userId: reviewer.type === 'user' ? reviewer.userId : undefined,
      });
      approved.push(state.versionId);
    }
  }
  const states = await readStates(tenant.id, imported);
  const results = states.map((s) => ({
    file: s.file,
    sourceId: s.sourceId,
    versionId: s.versionId,
    status: approved.includes(s.versionId) ? 'approved' : s.status,
    ingestStatus: s.ingestStatus,
    chunkCount: s.chunkCount,
    redactions: s.redactions,
    ...(s.quarantineReason ? { quarantineReason: s.quarantineReason } : {}),
    ...(s.error ? { error: s.error } : {}),
  }));
  const failed = results.filter((r) => r.ingestStatus === 'failed').length;
  if (!interactive) {
    process.stderr.write(`Imported ${results.length} file(s): ${results.length - failed} indexed, ${failed} failed, ${approved.length} approved, ${results.filter((r) => r.status === 'quarantined').length} quarantined.\n`);
  }
  printJson({ ok: failed === 0, tenant: tenant.slug, results });
  if (failed > 0) process.exitCode = 1;
  await closeQueues();
  await closeRedis();
}

/** `vouch kb search --tenant <slug> [--agent <id>] "query" [--json]`. */
export async function kbSearchCommand(query: string, options: { tenant: string; agent?: string; json?: boolean; k?: string }): Promise<void> {
  const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
  const k = options.k ? Number.parseInt(options.k, 10) : 5;
  const results = await withTenant(tenant.id, (tx) => searchKnowledge(tx, { query, agentId: options.agent ?? null, k }));
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ results: results.map((r) => ({ source: r.fileName ?? r.sourceName, title: r.documentTitle, chunkId: r.chunkId, score: r.score })) })}\n`,
    );
    return;
  }
  if (results.length === 0) {
    process.stdout.write('No approved knowledge matches.\n');
    return;
  }
  for (const [i, r] of results.entries()) {
    process.stdout.write(`${i + 1}. ${r.documentTitle}${r.heading ? ` › ${r.heading}` : ''}  (${r.fileName ?? r.sourceName} v${r.version}, score ${r.score.toFixed(4)})\n   ${r.content.replace(/\s+/g, ' ').slice(0, 240)}\n`);
  }
}
