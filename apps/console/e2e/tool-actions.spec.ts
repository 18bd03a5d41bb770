import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { consoleContext, createFreshUser, FRESH_PASSWORD, signIn, vouch } from './account-helpers';
import { freshForwardedFor } from './knowledge-helpers';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = path.join(REPO, 'docs/screenshots/');
const CHAT_URL = process.env.CHAT_PUBLIC_URL ?? `http://localhost:${process.env.CHAT_PORT ?? 3001}`;
const FORWARDED_FOR = freshForwardedFor();
const suffix = randomBytes(3).toString('hex');
const slug = `tools-e2e-${suffix}`;

/** The shop's account page: its server signs the signed-in user's id for the widget. */
function startHost(): Promise<{ server: Server; origin: string; setup: (key: string, secret: string) => void }> {
  let key = '';
  let secret = '';
  const server = createServer((req, res) => {
    const user = new URL(req.url ?? '/', 'http://host').searchParams.get('user') ?? '';
    const identity = user ? ` data-user-id="${user}" data-user-hash="${createHmac('sha256', secret).update(user).digest('hex')}"` : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body><h1>Your orders</h1><script src="${CHAT_URL}/widget.js" data-agent="${key}"${identity} async></script></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, setup: (k, s) => ((key = k), (secret = s)) }),
    ),
  );
}

let host: Awaited<ReturnType<typeof startHost>>;
let agentEmail = '';

// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  vouch('tenant', 'create', slug, '--owner', `owner-${suffix}@example.test`, '--name', 'Tool Shop');
  agentEmail = createFreshUser('tools-agent', [{ tenant: slug, roles: 'support_agent' }]);
  host = await startHost();
  const out = JSON.parse(
    execFileSync('pnpm', ['-s', 'exec', 'tsx', 'e2e/support/enable-demo-tools.ts', slug, host.origin], { cwd: path.join(REPO, 'apps/console'), encoding: 'utf8', timeout: 120_000 }),
  ) as { secret: string; widgetKey: string };
  host.setup(out.widgetKey, out.secret);
});

test.afterAll(async () => {
  if (host) await new Promise((resolve) => host.server.close(resolve));
});

test('a verified customer asks for a refund, a support agent approves it in the inbox, and the customer sees the outcome live', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const agentContext = await consoleContext(browser, testInfo, FORWARDED_FOR);
  const customerContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await signIn(agent, agentEmail, FRESH_PASSWORD);
    await expect(agent).toHaveURL(/\/$/);
    await agent.goto('/inbox');
    await expect(agent.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
    // Away: the handoff waits in New for a claim instead of being routed to this agent.
    const presence = agent.getByTestId('presence-switch');
    if ((await presence.getAttribute('aria-checked')) !== 'false') await presence.click();
    await expect(presence).toHaveAttribute('aria-checked', 'false');

    const customer = await customerContext.newPage();
    await customer.goto(`${host.origin}/?user=customer-42`);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const frame = customer.frameLocator('iframe[title="Chat with support"]');
    const log = frame.getByRole('log', { name: 'Messages' });
    await expect(frame.getByTestId('chat-verified')).toContainText('Verified account', { timeout: 20_000 });

    // A read tool answers at once, from the customer's own order.
    await frame.getByRole('textbox', { name: 'Message' }).fill('Where is my order 10042?');
    await frame.getByRole('button', { name: 'Send' }).click();
    await expect(log).toContainText('Order 10042 (Trail running shoes, 129.00 EUR) is shipped', { timeout: 20_000 });

    // A write tool waits for a person.
    await frame.getByRole('textbox', { name: 'Message' }).fill('Please refund my order 10043');
    await frame.getByRole('button', { name: 'Send' }).click();
    await expect(log).toContainText('asked a team member to approve your refund request for order 10043', { timeout: 20_000 });

    const row = agent.getByTestId('handoff-row');
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    await row.getByRole('button', { name: 'Claim' }).click();
    await expect(agent).toHaveURL(/\/inbox\/[0-9a-f-]{36}$/);
    const action = agent.getByTestId('tool-action');
    await expect(action).toContainText('Refund request');
    await expect(action).toContainText('10043');
    await expect(action.getByTestId('tool-action-status')).toHaveText('Waiting for approval');
    await agent.screenshot({ path: `${SCREENSHOTS}console-inbox-tool-approval.png`, fullPage: true });
    await action.getByRole('button', { name: 'Approve' }).click();
    await expect(action.getByTestId('tool-action-status')).toHaveText('Approved and done');
    await expect(action).toContainText('Decided');

    // The customer is told without doing anything.
    await expect(log).toContainText('A team member approved your request. A refund of 89.00 EUR for order 10043 is requested', { timeout: 10_000 });
    await customer.screenshot({ path: `${SCREENSHOTS}chat-widget-tool-approved.png` });
  } finally {
    await Promise.all([agentContext.close(), customerContext.close()]);
  }
});
