import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createFreshUser, FRESH_PASSWORD, signIn } from './account-helpers';
import { freshForwardedFor } from './knowledge-helpers';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = path.join(REPO, 'docs/screenshots/');
const CHAT_URL = process.env.CHAT_PUBLIC_URL ?? `http://localhost:${process.env.CHAT_PORT ?? 3001}`;
const FORWARDED_FOR = freshForwardedFor();
const suffix = randomBytes(3).toString('hex');
const slug = `inbox-e2e-${suffix}`;

/** Runs `vouch …` as an operator would; every command prints one JSON document. */
function vouch(...args: string[]): Record<string, any> {
  const stdout = execFileSync('pnpm', ['-s', 'vouch', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(stdout) as Record<string, any>;
}

/** A customer's site on its own origin, embedding the widget with the real script tag. */
function startHost(key: string): Promise<{ server: Server; origin: string }> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Host shop</h1><script src="${CHAT_URL}/widget.js" data-agent="${key}" async></script></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

let host: { server: Server; origin: string };
let agentEmail = '';

// No fixture is needed here; the first parameter has to be there for testInfo.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  const created = vouch('tenant', 'create', slug, '--owner', `owner-${suffix}@example.test`, '--name', 'Inbox Shop');
  const key = created.agent.widgetKeys.production as string;
  const reviewer = `reviewer-${suffix}@example.test`;
  vouch('member', 'add', '--tenant', slug, '--email', reviewer, '--role', 'knowledge_reviewer');
  // A support agent holds no configuration rights, so the tenant's MFA policy does not make them enrol.
  agentEmail = createFreshUser('inbox-agent', [{ tenant: slug, roles: 'support_agent' }]);
  const articles = mkdtempSync(path.join(tmpdir(), 'vouch-inbox-kb-'));
  copyFileSync(path.join(REPO, 'prisma/seed/articles/shipping-times.md'), path.join(articles, 'shipping-times.md'));
  try {
    vouch('kb', 'import', articles, '--tenant', slug, '--approve-as', reviewer);
  } finally {
    rmSync(articles, { recursive: true, force: true });
  }
  host = await startHost(key);
  vouch('agent', 'allow-origin', '--tenant', slug, '--origin', host.origin);
});

test.afterAll(async () => {
  if (host) await new Promise((resolve) => host.server.close(resolve));
});

test('a support agent sees a handoff arrive live, claims it, replies to the customer in the widget, and resolves it', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const agentContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });
  const customerContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await signIn(agent, agentEmail, FRESH_PASSWORD);
    await expect(agent).toHaveURL(/\/$/);
    await agent.goto('/inbox');
    await expect(agent.getByText('No one is waiting')).toBeVisible();
    // A marker that a reload or navigation would wipe: the row must arrive by polling alone.
    await agent.evaluate(() => ((window as unknown as { __inboxMarker: boolean }).__inboxMarker = true));

    const customer = await customerContext.newPage();
    await customer.goto(host.origin);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const frame = customer.frameLocator('iframe[title="Chat with support"]');
    const log = frame.getByRole('log', { name: 'Messages' });
    await expect(log.locator('li[data-role="assistant"]').first()).toBeVisible({ timeout: 20_000 });
    const human = frame.getByRole('button', { name: 'Ask for a human' });
    await expect(human).toBeEnabled();

    const asked = Date.now();
    await human.click();
    const row = agent.getByTestId('handoff-row');
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    const latencyMs = Date.now() - asked;
    console.log(`[inbox] customer message → handoff visible in the inbox: ${latencyMs} ms (polling every 2 s)`);
    testInfo.annotations.push({ type: 'handoff-latency-ms', description: String(latencyMs) });
    expect(await agent.evaluate(() => (window as unknown as { __inboxMarker?: boolean }).__inboxMarker)).toBe(true);
    await expect(row.getByText('Asked for a person')).toBeVisible();
    await expect(log).toContainText("I'm handing you to a person");
    await agent.screenshot({ path: `${SCREENSHOTS}console-inbox.png`, fullPage: true });

    await row.getByRole('button', { name: 'Claim' }).click();
    await expect(agent).toHaveURL(/\/inbox\/[0-9a-f-]{36}$/);
    await expect(agent.getByTestId('handoff-status')).toHaveText('Assigned');
    await expect(agent.getByTestId('transcript-message').filter({ hasText: "I'd like to talk to a person" })).toBeVisible();
    await expect(agent.getByTestId('trace-summary').first()).toContainText('handed off');

    await agent.getByLabel('Internal note').fill('VIP customer, check the order history first.');
    await agent.getByRole('button', { name: 'Add note' }).click();
    await expect(agent.locator('[data-role="internal_note"]')).toContainText('VIP customer');

    await agent.getByLabel('Reply to the customer').fill('Hi, this is Sam from the support team. How can I help with your order?');
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await expect(agent.locator('[data-testid="transcript-message"][data-role="human_agent"]')).toContainText('Sam from the support team');

    // The customer sees the reply without doing anything, and never the note.
    await expect(log.locator('li[data-role="agent"]')).toContainText('Sam from the support team', { timeout: 10_000 });
    await expect(log).toContainText('A person from our team joined');
    await expect(log).not.toContainText('VIP customer');

    await agent.getByRole('button', { name: 'Resolve' }).click();
    await expect(agent.getByTestId('handoff-status')).toHaveText('Resolved');
    await expect(log).toContainText('marked this conversation as resolved', { timeout: 10_000 });

    await agent.goto('/inbox?view=resolved');
    await expect(agent.getByTestId('handoff-row')).toHaveCount(1);
  } finally {
    await Promise.all([agentContext.close(), customerContext.close()]);
  }
});
