// Ingestion throughput. Prints figures, asserts nothing.
//   pnpm --filter @vouch/core bench      (uses the vouch_test database; the bench tenant is removed)
// Vouch's full pipeline (open sealed upload, parse, normalise, redact, injection scan, chunk,
// embed, one-transaction write) side by side with a bare langchain split + embed of the same
// pages into an in-memory store, which shows what the safety steps cost.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { disconnectAppClient } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { OfflineHashEmbeddings } from '@vouch/rag';
import { loadTestEnv } from '../../../tooling/vitest/test-env';
import { createTenant, ingestSourceVersion, uploadSource } from '../src/index';

loadTestEnv();
process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');

const PAGES = Number(process.env.BENCH_PAGES ?? 200);
/** Parallel ingestions for the second figure, like a worker with this concurrency (2 cores here). */
const LANES = Number(process.env.BENCH_LANES ?? 2);
const words = 'order shipping refund invoice account password device warranty battery firmware return label tracking delivery billing subscription'.split(' ');

/** One "page": about 2,500 characters of help-article Markdown with a few headings. */
function page(i: number): string {
  const sections = Array.from({ length: 4 }, (_, s) => {
    const sentences = Array.from({ length: 6 }, (_, j) => {
      const w = (k: number) => words[(i * 31 + s * 7 + j * 3 + k) % words.length];
      return `The ${w(0)} of your ${w(1)} is handled within ${((i + j) % 9) + 1} business days, and the ${w(2)} team confirms the ${w(3)} by email.`;
    });
    return `## Section ${s + 1} of article ${i}\n\n${sentences.join(' ')}`;
  });
  return `# Article ${i}\n\n${sections.join('\n\n')}`;
}

async function main(): Promise<void> {
  const system = getSystemClient();
  const actor = { type: 'system', name: 'bench' } as const;
  const suffix = randomBytes(3).toString('hex');
  const { tenant } = await system.$transaction((tx) => createTenant(tx, actor, { slug: `bench-ingest-${suffix}`, ownerEmail: `bench-${suffix}@example.test` }));
  const pages = Array.from({ length: PAGES }, (_, i) => page(i));
  try {
    const upload = async (prefix: string) => {
      const versions: string[] = [];
      for (const [i, text] of pages.entries()) {
        const uploaded = await system.$transaction((tx) => uploadSource(tx, tenant.id, actor, { fileName: `${prefix}-${i}.md`, contentBase64: Buffer.from(text).toString('base64') }));
        versions.push(uploaded.versionId);
      }
      return versions;
    };
    const versions = await upload('article');
    const parallelVersions = await upload('parallel');
    const embeddings = { embeddings: new OfflineHashEmbeddings(), id: 'offline-hash-384' };
    let started = performance.now();
    for (const versionId of versions) await ingestSourceVersion(tenant.id, versionId, { embeddings });
    const vouchSeconds = (performance.now() - started) / 1000;

    // The same pages again through LANES concurrent ingestions (what a worker with that
    // concurrency does): node's CPU work and Postgres's overlap on separate cores.
    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: LANES }, async () => {
        while (next < parallelVersions.length) {
          const versionId = parallelVersions[next++]!;
          await ingestSourceVersion(tenant.id, versionId, { embeddings });
        }
      }),
    );
    const parallelSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 900, chunkOverlap: 120 });
    const store = new MemoryVectorStore(new OfflineHashEmbeddings());
    for (const text of pages) await store.addDocuments(await splitter.createDocuments([text]));
    const bareSeconds = (performance.now() - started) / 1000;

    const mb = Buffer.byteLength(pages.join('')) / 1e6;
    console.log(`Ingestion of ${PAGES} pages (${mb.toFixed(2)} MB, ~2.5k characters each), offline embedder, sequential on one core:`);
    console.log(`  vouch full pipeline (redact, scan, chunk, embed, write)  ${(PAGES / vouchSeconds).toFixed(1).padStart(7)} pages/s`);
    console.log(`  the same, ${LANES} ingestions at a time                    ${(PAGES / parallelSeconds).toFixed(1).padStart(7)} pages/s  (load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
    console.log(`  langchain split + embed into memory (no safety, no DB)   ${(PAGES / bareSeconds).toFixed(1).padStart(7)} pages/s  (vouch/bare ${((PAGES / vouchSeconds) / (PAGES / bareSeconds)).toFixed(2)}×)`);
  } finally {
    await system.tenant.delete({ where: { id: tenant.id } }).catch(async () => {
      // audit_events is append-only and keeps the tenant row; leave the emptied tenant in place.
      for (const table of ['chunks', 'documents', 'source_uploads', 'source_versions', 'knowledge_sources']) {
        await system.$executeRawUnsafe(`DELETE FROM ${table} WHERE tenant_id = $1::uuid`, tenant.id);
      }
    });
    await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
  }
}

await main();
