import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { addMember, createSeededArticleSource, createTenant } from '@vouch/core';
import { z } from 'zod';
import { repoRoot } from '../load-env';
import { printJson } from '../output';
import { CLI_ACTOR, inSystemTransaction } from '../system-tx';

const DEMO_TENANTS = [
  { slug: 'acme', name: 'Acme', owner: 'owner@acme.test' },
  { slug: 'globex', name: 'Globex', owner: 'owner@globex.test' },
] as const;

async function readArticles(): Promise<{ title: string; content: string }[]> {
  const directory = path.join(repoRoot, 'prisma', 'seed', 'articles');
  const files = (await readdir(directory)).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(path.join(directory, file), 'utf8');
      const title = /^#\s+(.+)$/m.exec(content)?.[1]?.trim() ?? file;
      return { title, content };
    }),
  );
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
      if (existing) return { slug: demo.slug, id: existing.id, created: false };
      const created = await createTenant(tx, CLI_ACTOR, {
        slug: demo.slug,
        name: demo.name,
        ownerEmail: demo.owner,
        ownerPassword: password,
      });
      for (const article of articles) {
        await createSeededArticleSource(tx, created.tenant.id, CLI_ACTOR, {
          title: demo.slug === 'acme' ? article.title : `${article.title} (${demo.name})`,
          content: article.content.replaceAll('our ', `${demo.name}'s `),
        });
      }
      return { slug: demo.slug, id: created.tenant.id, created: true, widgetKeys: created.agent.widgetKeys };
    });
    tenants.push(outcome);
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
