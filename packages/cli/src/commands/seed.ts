import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { addMember, createTenant, ingestSourceVersion, reviewSourceVersion, uploadSource, type TActor } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { createEmbeddingsFromEnv } from '@vouch/rag';
import { z } from 'zod';
import { repoRoot } from '../load-env';
import { printJson } from '../output';
import { CLI_ACTOR, inSystemTransaction } from '../system-tx';

const DEMO_TENANTS = [
  { slug: 'acme', name: 'Acme', owner: 'owner@acme.test' },
  { slug: 'globex', name: 'Globex', owner: 'owner@globex.test' },
] as const;

async function readArticles(): Promise<{ fileName: string; content: string }[]> {
  const directory = path.join(repoRoot, 'prisma', 'seed', 'articles');
  const files = (await readdir(directory)).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(files.map(async (fileName) => ({ fileName, content: await readFile(path.join(directory, fileName), 'utf8') })));
}

/**
 * Two demo tenants (so isolation is visible), an owner each with the demo password, the
 * default agent and the demo articles. Idempotent: existing tenants are left as they are.
 */
export async function seedCommand(): Promise<void> {
  const password = z
    .string()
    .min(12, 'VOUCH_DEMO_PASSWORD must be at least 12 characters')
    .parse(process.env.VOUCH_DEMO_PASSWORD ?? 'vouch-demo-password');
  const articles = await readArticles();
  const tenants = [];
  for (const demo of DEMO_TENANTS) {
    const outcome = await inSystemTransaction(async (tx) => {
      const existing = await tx.tenant.findUnique({ where: { slug: demo.slug } });
      if (existing) return { slug: demo.slug, id: existing.id, created: false as const };
      const created = await createTenant(tx, CLI_ACTOR, {
        slug: demo.slug,
        name: demo.name,
        ownerEmail: demo.owner,
        ownerPassword: password,
      });
      const versions = [];
      for (const article of articles) {
        const content = demo.slug === 'acme' ? article.content : article.content.replace(/\bour /g, `${demo.name}'s `);
        versions.push(await uploadSource(tx, created.tenant.id, CLI_ACTOR, { fileName: article.fileName, contentBase64: Buffer.from(content).toString('base64') }));
      }
      return { slug: demo.slug, id: created.tenant.id, created: true as const, widgetKeys: created.agent.widgetKeys, ownerId: created.owner.user.id, versions };
    });
    if (outcome.created) {
      // The demo articles go through the real pipeline (redact, scan, chunk, embed) and are
      // approved by the tenant's owner, who did not upload them.
      const embeddings = await createEmbeddingsFromEnv();
      const reviewer: TActor = { type: 'user', userId: outcome.ownerId, tenantId: outcome.id, roles: ['owner'], ip: null, userAgent: 'vouch-seed' };
      for (const version of outcome.versions) {
        await ingestSourceVersion(outcome.id, version.versionId, { embeddings });
        await withTenant(outcome.id, (tx) => reviewSourceVersion(tx, outcome.id, reviewer, { versionId: version.versionId, decision: 'approve', note: 'Demo article' }), { userId: outcome.ownerId });
      }
    }
    tenants.push({ slug: outcome.slug, id: outcome.id, created: outcome.created, ...(outcome.created ? { widgetKeys: outcome.widgetKeys } : {}) });
  }
  // Acme's owner also audits Globex, so the console's tenant switcher has two entries.
  await inSystemTransaction(async (tx) => {
    const globex = await tx.tenant.findUniqueOrThrow({ where: { slug: 'globex' } });
    const already = await tx.membership.findFirst({
      where: { tenantId: globex.id, user: { email: 'owner@acme.test' }, roles: { has: 'auditor' } },
    });
    if (!already) await addMember(tx, globex.id, CLI_ACTOR, { email: 'owner@acme.test', roles: ['auditor'] });
  });
  printJson({
    ok: true,
    tenants,
    logins: DEMO_TENANTS.map((t) => ({ tenant: t.slug, email: t.owner, password })),
  });
}
