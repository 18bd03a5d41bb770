import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = path.join(REPO, 'docs/screenshots/');
const suffix = randomBytes(3).toString('hex');
const slug = `widget-net-${suffix}`;

function vouch(...args: string[]): Record<string, any> {
  const stdout = execFileSync('pnpm', ['-s', 'vouch', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(stdout) as Record<string, any>;
}

/** Reads the database as the owner role (the test's own tenant only), to count what was stored. */
function sql(query: string): string {
  return execFileSync('psql', [String(process.env.DATABASE_OWNER_URL), '-tAc', query], { encoding: 'utf8' }).trim();
}

function storedCounts(): Record<string, number> {
  const rows = sql(`SELECT m.role, count(*) FROM messages m JOIN tenants t ON t.id = m.tenant_id WHERE t.slug = '${slug}' GROUP BY m.role`);
  return Object.fromEntries(rows.split('\n').filter(Boolean).map((line) => [line.split('|')[0]!, Number(line.split('|')[1])]));
}

function startHost(chatUrl: string, key: string): Promise<{ server: Server; origin: string }> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Widget host</title></head>
<body style="font-family: system-ui, sans-serif; margin: 2rem"><h1>Host shop</h1><p>Our help widget is in the corner.</p><a href="#top">A link on the host page</a>
<script src="${chatUrl}/widget.js" data-agent="${key}" async></script></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let key = '';
let host: { server: Server; origin: string };

// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  const created = vouch('tenant', 'create', slug, '--owner', `owner-${suffix}@example.test`);
  key = created.agent.widgetKeys.production as string;
  const reviewer = `reviewer-${suffix}@example.test`;
  vouch('member', 'add', '--tenant', slug, '--email', reviewer, '--role', 'knowledge_reviewer');
  const articles = mkdtempSync(path.join(tmpdir(), 'vouch-widget-net-'));
  copyFileSync(path.join(REPO, 'prisma/seed/articles/shipping-times.md'), path.join(articles, 'shipping-times.md'));
  try {
    vouch('kb', 'import', articles, '--tenant', slug, '--approve-as', reviewer);
  } finally {
    rmSync(articles, { recursive: true, force: true });
  }
  host = await startHost(String(testInfo.project.use.baseURL), key);
  vouch('agent', 'allow-origin', '--tenant', slug, '--origin', host.origin);
});

test.afterAll(async () => {
  if (host) await new Promise((resolve) => host.server.close(resolve));
});

async function openWidget(page: Page): Promise<FrameLocator> {
  await page.goto(host.origin);
  await page.getByRole('button', { name: 'Open chat' }).click();
  const frame = page.frameLocator('iframe[title="Chat with support"]');
  await expect(frame.getByText(/Every answer I give cites an approved source/)).toBeVisible();
  return frame;
}

async function ask(frame: FrameLocator, question: string) {
  await frame.getByRole('textbox', { name: 'Message' }).fill(question);
  await frame.getByRole('button', { name: 'Send' }).click();
}

test('a network drop mid-conversation loses nothing and duplicates nothing', async ({ page, context }) => {
  test.setTimeout(120_000);
  const frame = await openWidget(page);
  const log = frame.getByRole('log', { name: 'Messages' });
  const assistant = log.locator('li[data-role="assistant"]');
  const customer = log.locator('li[data-role="customer"]');

  // 1. Streamed over SSE: the reply arrives through /api/chat/send as events.
  const streamed = page.waitForResponse((r) => r.url().endsWith('/api/chat/send'));
  await ask(frame, 'How long does express shipping take?');
  expect((await streamed).headers()['content-type']).toContain('text/event-stream');
  await expect(assistant.nth(1)).toContainText(/1 to 2 business days/, { timeout: 20_000 });

  // 2. The server stores the message and its reply, but the response never reaches the panel:
  //    the panel retries with the same client message id and gets the stored reply, once.
  let dropped = 0;
  await page.route('**/api/chat/send', async (route) => {
    if (dropped++ > 0) return route.continue();
    await route.fetch();
    await route.abort('internetdisconnected');
  });
  await ask(frame, 'How long does standard shipping take?');
  await expect(assistant.nth(2)).toContainText(/business days/, { timeout: 20_000 });
  expect(dropped).toBe(2);
  await page.unroute('**/api/chat/send');

  // 3. Offline: the message waits in the log, the panel says it is reconnecting; a support
  //    agent's reply written meanwhile arrives once the connection is back.
  await context.setOffline(true);
  await ask(frame, 'When does my tracking number arrive?');
  await expect(frame.getByTestId('chat-reconnecting')).toBeVisible({ timeout: 15_000 });
  await expect(customer.nth(2)).toHaveAttribute('data-state', 'sending');
  sql(`INSERT INTO messages (tenant_id, conversation_id, role, content)
       SELECT c.tenant_id, c.id, 'human_agent', 'Hi, Sam from support here while you were offline.'
       FROM conversations c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = '${slug}' ORDER BY c.created_at DESC LIMIT 1`);
  await page.waitForTimeout(1500);
  await context.setOffline(false);
  await expect(customer.nth(2)).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  await expect(log.locator('li[data-role="agent"]')).toContainText('Sam from support', { timeout: 30_000 });
  await expect(assistant.nth(3)).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByTestId('chat-reconnecting')).toBeHidden({ timeout: 15_000 });

  // Exactly three customer messages, three replies and one agent message: in the database and on screen.
  await expect.poll(() => storedCounts(), { timeout: 10_000 }).toEqual({ customer: 3, assistant: 3, human_agent: 1 });
  await expect(customer).toHaveCount(3);
  await expect(assistant).toHaveCount(4); // the greeting (not stored) and three replies
  await expect(log.locator('li[data-role="agent"]')).toHaveCount(1);
  const ids = await log.locator('li[data-message-id]').evaluateAll((items) => items.map((li) => li.getAttribute('data-message-id')));
  expect(new Set(ids).size).toBe(ids.length);
});

test('bad input gets a clear message and keeps the text', async ({ page }) => {
  const frame = await openWidget(page);
  const box = frame.getByRole('textbox', { name: 'Message' });
  await box.fill('Hello\u0001\u0002 binary');
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(frame.getByRole('alert').filter({ hasText: 'plain text' })).toContainText('Messages must be plain text');
  await expect(box).toHaveValue('Hello\u0001\u0002 binary');
  await expect(frame.getByRole('log', { name: 'Messages' }).locator('li[data-role="customer"]')).toHaveCount(0);
});

test('the streaming endpoint answers bad bodies with a clear error event, never a stack trace', async ({ request }) => {
  const post = (data: string | Buffer) => request.post('/api/chat/send', { headers: { origin: host.origin, 'content-type': 'application/json' }, data });
  const binary = await post(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00]));
  expect(binary.status()).toBe(400);
  expect(await binary.text()).toContain('not a message');
  const huge = await post(JSON.stringify({ message: 'x'.repeat(70_000) }));
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain('far too long');
  const start = await request.post('/api/trpc/widget.start', { headers: { origin: host.origin, 'content-type': 'application/json' }, data: { json: { key, visitorId: `e2e-visitor-${suffix}-big000` } } });
  const { conversationId } = ((await start.json()) as { result: { data: { json: { conversationId: string } } } }).result.data.json;
  const long = await post(JSON.stringify({ key, visitorId: `e2e-visitor-${suffix}-big000`, conversationId, message: 'y'.repeat(4001), clientMessageId: 'm_long_00001' }));
  expect(long.status()).toBe(400);
  const text = await long.text();
  expect(text).toContain('at most 4000');
  expect(text).not.toMatch(/\bat [\w.]+ \(|node_modules/);
});

test('keyboard: focus stays in the open panel, Escape closes it and focus returns to the launcher', async ({ page }) => {
  const frame = await openWidget(page);
  const box = frame.getByRole('textbox', { name: 'Message' });
  await box.focus();
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('Tab');
  // Still inside the panel after more Tabs than it has controls.
  // (The frame lives in the loader's shadow root, so the page's active element is the shadow host.)
  expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('Escape');
  await expect(page.locator('iframe[title="Chat with support"]')).toBeHidden();
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await expect(launcher).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}chat-widget-closed.png` });
});

test('screenshots: desktop and a narrow mobile viewport, in the agent\u2019s theme colour and greeting', async ({ browser }) => {
  test.setTimeout(60_000);
  // A production config version with an amber theme and its own greeting (as a promotion would
  // leave it; versions are immutable, so a new one is added and the environment points to it).
  sql(`WITH v AS (
         INSERT INTO agent_config_versions (tenant_id, agent_id, version, config)
         SELECT cv.tenant_id, cv.agent_id, 99, cv.config || '{"themeColor":"#f59e0b","greeting":"Hello! Ask me anything about shipping."}'::jsonb
         FROM agent_environments e JOIN agent_config_versions cv ON cv.id = e.config_version_id JOIN tenants t ON t.id = e.tenant_id
         WHERE t.slug = '${slug}' AND e.environment = 'production' RETURNING id, tenant_id, agent_id)
       UPDATE agent_environments e SET config_version_id = v.id FROM v WHERE e.tenant_id = v.tenant_id AND e.agent_id = v.agent_id AND e.environment = 'production'`);
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['mobile', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, isMobile: name === 'mobile', hasTouch: name === 'mobile' });
    const page = await context.newPage();
    await page.goto(host.origin);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const frame = page.frameLocator('iframe[title="Chat with support"]');
    await expect(frame.getByText('Hello! Ask me anything about shipping.')).toBeVisible();
    const header = frame.getByTestId('chat-header');
    // Amber is light: the text on it is near-black (white would fail contrast); the launcher wears the theme too.
    await expect(header).toHaveCSS('background-color', 'rgb(245, 158, 11)');
    await expect(header).toHaveCSS('color', 'rgb(15, 23, 42)');
    // (On a phone the open panel covers the launcher.)
    if (name === 'desktop') await expect(page.locator('#vouch-chat-widget button.launcher')).toHaveCSS('background-color', 'rgb(245, 158, 11)');
    await ask(frame, 'How long does express shipping take?');
    await expect(frame.getByRole('log', { name: 'Messages' }).locator('li[data-role="assistant"]').nth(1)).toContainText(/business days/, { timeout: 20_000 });
    if (name === 'mobile') {
      const box = await page.locator('iframe[title="Chat with support"]').boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(viewport.width - 1);
    }
    await page.screenshot({ path: `${SCREENSHOTS}chat-widget-themed-${name}.png` });
    await context.close();
  }
});
