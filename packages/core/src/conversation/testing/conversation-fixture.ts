import { randomBytes } from 'node:crypto';
import { withTenant } from '@vouch/db';
import { getSystemClient } from '@vouch/db/system';
import { OfflineHashEmbeddings } from '@vouch/rag';
import type { TActor } from '../../actor';
import { createAgent } from '../../agent/create-agent';
import { defaultAgentConfig, type TAgentConfigInput } from '../../agent/agent-config';
import { ingestSourceVersion } from '../../knowledge/ingest-source-version';
import { reviewSourceVersion } from '../../knowledge/review-source-version';
import { uploadSource } from '../../knowledge/upload-source';
import { createTenant } from '../../tenant/create-tenant';

export const SYSTEM: TActor = { type: 'system', name: 'conversation-test' };
const embeddings = { embeddings: new OfflineHashEmbeddings(), id: 'offline-hash-384' };

export interface TTestTenant {
  id: string;
  slug: string;
  ownerId: string;
  /** source file name → source id */
  sources: Record<string, string>;
}

/** A tenant with approved articles, gone through the real pipeline (redact, scan, chunk, embed, four-eyes approval). */
export async function createTenantWithArticles(label: string, articles: Record<string, string>): Promise<TTestTenant> {
  const slug = `${label}-${randomBytes(3).toString('hex')}`;
  const created = await getSystemClient().$transaction((tx) => createTenant(tx, SYSTEM, { slug, ownerEmail: `owner-${slug}@example.test` }));
  const tenantId = created.tenant.id;
  const reviewer: TActor = { type: 'user', userId: created.owner.user.id, tenantId, roles: ['owner'] };
  const sources: Record<string, string> = {};
  for (const [fileName, content] of Object.entries(articles)) {
    const uploaded = await withTenant(tenantId, (tx) => uploadSource(tx, tenantId, SYSTEM, { fileName, contentBase64: Buffer.from(content).toString('base64') }));
    await ingestSourceVersion(tenantId, uploaded.versionId, { embeddings });
    await withTenant(tenantId, (tx) => reviewSourceVersion(tx, tenantId, reviewer, { versionId: uploaded.versionId, decision: 'approve' }), { userId: reviewer.userId });
    sources[fileName] = uploaded.sourceId;
  }
  return { id: tenantId, slug, ownerId: created.owner.user.id, sources };
}

/** A second agent of the tenant with its own config (e.g. an OpenAI-compatible provider on loopback). */
export async function addAgent(tenantId: string, slug: string, overrides: Partial<TAgentConfigInput>): Promise<string> {
  const config = { ...defaultAgentConfig('Test'), ...overrides };
  const agent = await withTenant(tenantId, (tx) => createAgent(tx, tenantId, SYSTEM, { slug, name: slug, config }));
  return agent.id;
}

export const ARTICLES = {
  'shipping-times.md':
    '# Shipping times\n\nStandard shipping takes 3 to 5 business days within the EU and 7 to 10 business days elsewhere.\nExpress shipping takes 1 to 2 business days within the EU.\n\nYou receive a tracking number by email as soon as your order leaves our warehouse.',
  'reset-password.md':
    '# Resetting your password\n\nYou can reset your password from the sign-in page. Choose "Forgot password", enter the email\naddress on your account, and we send a reset link that stays valid for 30 minutes.',
  'refund-policy.md':
    '# Refund policy\n\nYou can return any unused item within 30 days of delivery for a full refund. Refunds go back to\nthe original payment method within 5 business days after we receive the return.',
};

/** A Luhn-valid Visa number that exists nowhere else, so finding it anywhere means it leaked. */
export function randomVisa(): string {
  const digits = [4, ...Array.from({ length: 14 }, () => randomBytes(1)[0]! % 10)];
  const sum = digits
    .slice()
    .reverse()
    .reduce((acc, d, i) => acc + (i % 2 === 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}
