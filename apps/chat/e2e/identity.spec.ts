import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const suffix = randomBytes(3).toString('hex');
const slug = `widget-id-${suffix}`;

function vouch(...args: string[]): Record<string, any> {
  return JSON.parse(execFileSync('pnpm', ['-s', 'vouch', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 })) as Record<string, any>;
}

/** A host site whose server signs the signed-in user's id, as a customer's backend would. */
function startHost(chatUrl: string, key: string, sign: (userId: string) => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const userId = url.searchParams.get('user') ?? '';
    const hash = url.searchParams.get('hash') ?? (userId ? sign(userId) : '');
    const identity = userId ? ` data-user-id="${userId}" data-user-hash="${hash}"` : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body><h1>Account page</h1><script src="${chatUrl}/widget.js" data-agent="${key}"${identity} async></script></body></html>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let host: { server: Server; origin: string };
let secret = '';

// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  const created = vouch('tenant', 'create', slug, '--owner', `owner-${suffix}@example.test`);
  secret = (JSON.parse(execFileSync('pnpm', ['-s', 'exec', 'tsx', 'e2e/support/rotate-identity-secret.ts', slug], { cwd: path.join(REPO, 'apps/chat'), encoding: 'utf8' })) as { secret: string }).secret;
  host = await startHost(String(testInfo.project.use.baseURL), created.agent.widgetKeys.production as string, (id) => createHmac('sha256', secret).update(id).digest('hex'));
  vouch('agent', 'allow-origin', '--tenant', slug, '--origin', host.origin);
});

test.afterAll(async () => {
  if (host) await new Promise((resolve) => host.server.close(resolve));
});

function verifiedInDb(): string {
  return execFileSync('psql', [String(process.env.DATABASE_OWNER_URL), '-tAc', `SELECT string_agg(c.identity_verified::text || ':' || coalesce(c.external_user_id, '-'), ',' ORDER BY c.created_at) FROM conversations c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = '${slug}'`], { encoding: 'utf8' }).trim();
}

test('a signed user id is verified; a missing one stays anonymous; a forged one is refused clearly', async ({ page }) => {
  await page.goto(`${host.origin}/?user=customer-42`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  let frame = page.frameLocator('iframe[title="Chat with support"]');
  await expect(frame.getByTestId('chat-verified')).toContainText('Verified account');
  expect(verifiedInDb()).toBe('true:customer-42');

  await page.goto(host.origin);
  await page.getByRole('button', { name: 'Open chat' }).click();
  frame = page.frameLocator('iframe[title="Chat with support"]');
  await expect(frame.getByText(/Every answer I give cites an approved source/)).toBeVisible();
  await expect(frame.getByTestId('chat-verified')).toHaveCount(0);

  // customer-42's valid hash replayed for another user id.
  const stolen = createHmac('sha256', secret).update('customer-42').digest('hex');
  await page.goto(`${host.origin}/?user=customer-43&hash=${stolen}`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  frame = page.frameLocator('iframe[title="Chat with support"]');
  await expect(frame.getByRole('alert').filter({ hasText: 'could not verify' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Send' })).toBeDisabled();
  expect(verifiedInDb()).toBe('true:customer-42,false:-');
});
