import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { createFreshUser, FRESH_PASSWORD, signIn, signInAndEnrol } from './account-helpers';
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
let ownerEmail = '';

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
  // An owner of the shop holds pii.reveal (and must enrol in MFA).
  ownerEmail = createFreshUser('inbox-owner', [{ tenant: slug, roles: 'owner' }]);
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

async function openWidget(page: Page): Promise<{ frame: FrameLocator; log: Locator }> {
  await page.goto(host.origin);
  await page.getByRole('button', { name: 'Open chat' }).click();
  const frame = page.frameLocator('iframe[title="Chat with support"]');
  const log = frame.getByRole('log', { name: 'Messages' });
  await expect(log.locator('li[data-role="assistant"]').first()).toBeVisible({ timeout: 20_000 });
  return { frame, log };
}

/** Sets the agent's presence switch (online agents receive new handoffs round-robin). */
async function setPresence(agent: Page, online: boolean) {
  const presence = agent.getByTestId('presence-switch');
  await expect(presence).toBeVisible();
  if ((await presence.getAttribute('aria-checked')) !== String(online)) await presence.click();
  await expect(presence).toHaveAttribute('aria-checked', String(online));
}

test('a support agent sees a handoff arrive live (SSE), claims it, replies with a canned response, and the customer sees it live', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const agentContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });
  const customerContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await signIn(agent, agentEmail, FRESH_PASSWORD);
    await expect(agent).toHaveURL(/\/$/);

    // A canned response, kept by the people who answer customers.
    await agent.goto('/inbox/settings');
    await agent.getByRole('button', { name: 'New response' }).click();
    await agent.getByLabel('Shortcut').fill('hello');
    await agent.getByLabel('Title').fill('Greeting');
    await agent.getByLabel('Response', { exact: true }).fill('Hi, this is Sam from the support team. How can I help with your order?');
    await agent.getByRole('button', { name: 'Save' }).first().click();
    await expect(agent.getByTestId('canned-list')).toContainText('/hello');

    await agent.goto('/inbox');
    await expect(agent.getByText('No one is waiting')).toBeVisible();
    // Away: the handoff waits in New for a claim instead of being routed to this agent.
    await setPresence(agent, false);
    // The page is pushed by the SSE feed, not polling (which runs only while the feed is down).
    await expect(agent.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
    // A marker that a reload or navigation would wipe: the row must arrive without either.
    await agent.evaluate(() => ((window as unknown as { __inboxMarker: boolean }).__inboxMarker = true));
    // A second listener on the same feed, only to time the push apart from the page's re-read.
    await agent.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const w = window as unknown as { __pushes: { kind: string; receivedAt: number }[] };
          w.__pushes = [];
          const feed = new EventSource('/api/inbox/events');
          feed.addEventListener('ready', () => resolve());
          feed.addEventListener('inbox', (m) => w.__pushes.push({ kind: (JSON.parse((m as MessageEvent<string>).data) as { kind: string }).kind, receivedAt: Date.now() }));
        }),
    );

    const customer = await customerContext.newPage();
    const { frame, log } = await openWidget(customer);
    await frame.getByRole('textbox', { name: 'Message' }).fill('I want to talk to a human please, my email is anna.e2e@example.com');
    const asked = Date.now();
    await frame.getByRole('button', { name: 'Send' }).click();
    const row = agent.getByTestId('handoff-row');
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    const latencyMs = Date.now() - asked;
    const pushes = await agent.evaluate(() => (window as unknown as { __pushes: { kind: string; receivedAt: number }[] }).__pushes);
    const pushed = pushes.find((p) => p.kind === 'handoff.created');
    expect(pushed).toBeTruthy();
    console.log(`[inbox] customer message → handoff.created pushed to the console: ${pushed!.receivedAt - asked} ms; → row visible in the inbox: ${latencyMs} ms (SSE)`);
    testInfo.annotations.push({ type: 'handoff-latency-ms', description: String(latencyMs) });
    expect(await agent.evaluate(() => (window as unknown as { __inboxMarker?: boolean }).__inboxMarker)).toBe(true);
    await expect(row.getByText('Asked for a person')).toBeVisible();
    await expect(row.getByTestId('sla')).toHaveAttribute('data-tone', 'green');
    await expect(row).not.toContainText('anna.e2e@example.com');
    await expect(agent.getByTestId('inbox-unread')).toHaveText('1');
    await expect(log).toContainText("I'm handing you to a person");
    await agent.screenshot({ path: `${SCREENSHOTS}console-inbox.png`, fullPage: true });

    await row.getByRole('button', { name: 'Claim' }).click();
    await expect(agent).toHaveURL(/\/inbox\/[0-9a-f-]{36}$/);
    await expect(agent.getByTestId('handoff-status')).toHaveText('Assigned');
    // The host page signed no user id: the inbox says the customer is anonymous.
    await expect(agent.getByTestId('customer-identity')).toHaveText('Anonymous visitor');
    const customerLine = agent.getByTestId('transcript-message').filter({ hasText: 'talk to a human' });
    await expect(customerLine).toContainText('[EMAIL_1]');
    // A support agent holds no pii.reveal: the placeholder is text, not a reveal button.
    await expect(customerLine.getByRole('button', { name: 'Reveal [EMAIL_1]' })).toHaveCount(0);
    await expect(agent.getByTestId('trace-summary').first()).toContainText('handed off');

    await agent.getByLabel('Internal note').fill('VIP customer, check the order history first.');
    await agent.getByRole('button', { name: 'Add note' }).click();
    await expect(agent.locator('[data-role="internal_note"]')).toContainText('VIP customer');

    // The canned response goes in with "/" + shortcut + Tab.
    const reply = agent.getByLabel('Reply to the customer');
    await reply.click();
    await reply.pressSequentially('/hel');
    await expect(agent.getByTestId('canned-suggestions')).toContainText('/hello');
    await reply.press('Tab');
    await expect(reply).toHaveValue('Hi, this is Sam from the support team. How can I help with your order?');
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await expect(agent.locator('[data-testid="transcript-message"][data-role="human_agent"]')).toContainText('Sam from the support team');

    // The customer sees the reply without doing anything, and never the note.
    await expect(log.locator('li[data-role="agent"]')).toContainText('Sam from the support team', { timeout: 10_000 });
    await expect(log).toContainText('A person from our team joined');
    await expect(log).not.toContainText('VIP customer');

    // The customer writes again: the agent's open conversation shows it without reload.
    await frame.getByRole('textbox', { name: 'Message' }).fill('It is about order 1234, it has not arrived.');
    const followUp = Date.now();
    await frame.getByRole('button', { name: 'Send' }).click();
    await expect(agent.getByTestId('transcript-message').filter({ hasText: 'order 1234' })).toBeVisible({ timeout: 10_000 });
    console.log(`[inbox] follow-up customer message → visible in the agent's open conversation: ${Date.now() - followUp} ms (SSE, warm)`);

    await agent.getByRole('button', { name: 'Resolve' }).click();
    await expect(agent.getByTestId('handoff-status')).toHaveText('Resolved');
    await expect(log).toContainText('marked this conversation as resolved', { timeout: 10_000 });

    await agent.goto('/inbox?view=resolved');
    await expect(agent.getByTestId('handoff-row')).toHaveCount(1);
  } finally {
    await Promise.all([agentContext.close(), customerContext.close()]);
  }
});

test('an online agent gets new handoffs routed to them live, and an owner reveals one placeholder (audited)', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const agentContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });
  const ownerContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });
  const customerContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await signIn(agent, agentEmail, FRESH_PASSWORD);
    await expect(agent).toHaveURL(/\/$/);
    await agent.goto('/inbox?view=mine');
    await setPresence(agent, true);
    await expect(agent.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
    await expect(agent.getByText('Nothing assigned to you')).toBeVisible();

    const customer = await customerContext.newPage();
    const { frame } = await openWidget(customer);
    await frame.getByRole('textbox', { name: 'Message' }).fill('I want to talk to a human please, call me on +49 30 9876543');
    await frame.getByRole('button', { name: 'Send' }).click();
    // The only online agent gets it, in Mine, without a claim and without reload.
    const row = agent.getByTestId('handoff-row');
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    await expect(agent.getByTestId('count-mine')).toHaveText('1');
    const conversationId = await row.getAttribute('data-conversation-id');

    const owner = await ownerContext.newPage();
    await signInAndEnrol(owner, ownerEmail);
    await owner.goto(`/inbox/${conversationId}`);
    const reveal = owner.getByRole('button', { name: 'Reveal [PHONE_1]' });
    await expect(reveal).toBeVisible();
    await reveal.click();
    await expect(owner.getByTestId('revealed-value')).toContainText('9876543');
    // The audit log names the reveal, never the value.
    await owner.goto('/audit');
    await expect(owner.getByRole('cell', { name: 'pii.reveal', exact: true }).first()).toBeVisible();
    await expect(owner.locator('body')).not.toContainText('9876543');
  } finally {
    await Promise.all([agentContext.close(), ownerContext.close(), customerContext.close()]);
  }
});

test('the live feed answers only signed-in members holding inbox.read', async ({ browser, request }, testInfo) => {
  const anonymous = await request.get('/api/inbox/events');
  expect(anonymous.status()).toBe(401);
  // An auditor reads transcripts but not the inbox.
  const auditorEmail = createFreshUser('inbox-auditor', [{ tenant: slug, roles: 'auditor' }]);
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });
  try {
    const page = await context.newPage();
    await signIn(page, auditorEmail, FRESH_PASSWORD);
    await expect(page).toHaveURL(/\/$/);
    const refused = await context.request.get('/api/inbox/events');
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('inbox.read');
  } finally {
    await context.close();
  }
});
