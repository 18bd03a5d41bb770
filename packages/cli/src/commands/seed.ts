import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { addMember, allowWidgetOrigin, createTenant, ingestSourceVersion, reviewSourceVersion, seedDemoOrders, uploadSource, type TActor } from '@vouch/core';
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

/**
 * Where the demo agents' widgets may be embedded: the chat app itself (its demo host page) and a
 * local test host. CHAT_PUBLIC_URL adds the configured chat origin when it differs.
 */
function demoOrigins(): string[] {
  const origins = ['http://localhost:3001', 'http://127.0.0.1:3001', 'http://localhost:3005', 'http://127.0.0.1:3005'];
  const chat = process.env.CHAT_PUBLIC_URL;
  if (chat) {
    try {
      origins.push(new URL(chat).origin);
    } catch {
      // A malformed CHAT_PUBLIC_URL is reported by the chat app itself.
    }
  }
  return [...new Set(origins)];
}

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
  // Allowed origins are (re)applied on every run, so existing demo tenants get them too.
  await inSystemTransaction(async (tx) => {
    for (const demo of DEMO_TENANTS) {
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { slug: demo.slug } });
      for (const environment of ['staging', 'production'] as const) {
        for (const origin of demoOrigins()) await allowWidgetOrigin(tx, tenant.id, CLI_ACTOR, { origin, environment });
      }
    }
  });
  // Acme's demo orders, for the order.status and refund.request tools (existing ones are kept).
  const acme = await inSystemTransaction((tx) => tx.tenant.findUniqueOrThrow({ where: { slug: 'acme' }, select: { id: true } }));
  await withTenant(acme.id, (tx) => seedDemoOrders(tx, acme.id));
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
