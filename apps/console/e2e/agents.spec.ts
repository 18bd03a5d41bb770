import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { consoleContext, createFreshUser, signInAndEnrol, vouch } from './account-helpers';
import { freshForwardedFor } from './knowledge-helpers';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = path.join(REPO, 'docs/screenshots/');
const CHAT_URL = process.env.CHAT_PUBLIC_URL ?? `http://localhost:${process.env.CHAT_PORT ?? 3001}`;
const suffix = randomBytes(3).toString('hex');
const slug = `agents-e2e-${suffix}`;
const GREETING = 'Hi! Winter hours: we reply within the hour. (v2)';

/** A customer's site on its own origin, embedding the production widget with the real script tag. */
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
let builderEmail = '';
let deployerEmail = '';
let ownerEmail = '';

// The second test starts where the first ends (production rolled back to v1, staging on v2).
test.describe.configure({ mode: 'serial' });

// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  const created = vouch('tenant', 'create', slug, '--owner', `owner-${suffix}@example.test`, '--name', 'Frostbite Shop');
  builderEmail = createFreshUser('agent-builder', [{ tenant: slug, roles: 'agent_builder' }]);
  // The deployer also audits, so the same person can check the trail at the end.
  deployerEmail = createFreshUser('agent-deployer', [{ tenant: slug, roles: 'deployer,auditor' }]);
  ownerEmail = createFreshUser('agent-owner', [{ tenant: slug, roles: 'owner' }]);
  host = await startHost(created.agent.widgetKeys.production as string);
  vouch('agent', 'allow-origin', '--tenant', slug, '--origin', host.origin);
});

test.afterAll(async () => {
  await Promise.all([...people.values()].map((page) => page.context().close()));
  if (host) await new Promise((resolve) => host.server.close(resolve));
});

/** One signed-in browser per person for the whole file (MFA is enrolled once; a session outlives a test). */
const people = new Map<string, Page>();
async function signedIn(browser: Browser, testInfo: TestInfo, email: string): Promise<Page> {
  const known = people.get(email);
  if (known) return known;
  const context = await consoleContext(browser, testInfo, freshForwardedFor());
  const page = await context.newPage();
  await signInAndEnrol(page, email);
  people.set(email, page);
  return page;
}

async function openTab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Agent sections' }).getByRole('link', { name }).click();
  await expect(page.getByRole('navigation', { name: 'Agent sections' }).getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
}

test('edit in staging, evaluate, request, a second person approves, and the production widget behaves per the new version', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const builder = await signedIn(browser, testInfo, builderEmail);
  await builder.goto('/agents');
  await builder.getByRole('link', { name: /Frostbite Shop Support/ }).click();
  await expect(builder.getByRole('heading', { name: 'Frostbite Shop Support' })).toBeVisible();

  // 1. Edit in staging: a new greeting and an always-human topic.
  await builder.getByLabel('Greeting').fill(GREETING);
  const topics = builder.getByLabel('Always-human topics');
  await topics.fill(`${await topics.inputValue()}\nwarranty`);
  await builder.getByLabel('What changed (optional)').fill('Winter greeting; warranty questions go to a person');
  await builder.getByRole('button', { name: 'Save as new staging version' }).click();
  await expect(builder.getByText('Saved as v2. Staging serves it now; production is unchanged.')).toBeVisible();
  await expect(builder.getByText('Staging serves v2')).toBeVisible();
  await expect(builder.getByText('Production serves v1')).toBeVisible();

  await openTab(builder, 'Versions');
  const changes = builder.getByLabel('Changes from v1 to v2');
  await expect(changes).toContainText('greeting');
  await expect(changes).toContainText('+ warranty');

  // The playground answers with v2 and shows the trace beside the answer.
  await openTab(builder, 'Playground');
  await builder.getByLabel('Message').fill('Is my warranty transferable?');
  await builder.getByRole('button', { name: 'Send' }).click();
  await expect(builder.getByLabel('Trace of answer 1')).toContainText('always human topic: warranty');

  // 2. A test case, then the suite with the red-team pack, with a progress bar.
  await openTab(builder, 'Evaluations');
  await builder.getByRole('button', { name: 'Add case' }).click();
  const dialog = builder.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Warranty goes to a person');
  await dialog.getByLabel('Kind').selectOption('must_escalate');
  await dialog.getByLabel('Customer message').fill('I want to claim my warranty');
  await dialog.getByRole('button', { name: 'Add case' }).click();
  await expect(builder.getByRole('list', { name: 'Test cases' })).toContainText('Warranty goes to a person');
  await builder.getByRole('button', { name: 'Run evaluation on v2 (staging)' }).click();
  const runs = builder.getByRole('list', { name: 'Evaluation runs' });
  await expect(runs.getByText('Passed', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(builder.getByRole('list', { name: 'Case results' })).toContainText('Warranty goes to a person');
  await builder.screenshot({ path: `${SCREENSHOTS}console-agent-evaluations.png`, fullPage: true });

  // 3. Request promotion; the gate runs; the requester cannot approve (no deploy right).
  await openTab(builder, 'Promotion');
  await builder.getByRole('button', { name: 'Request promotion of v2' }).click();
  await builder.getByRole('dialog').getByLabel('Note for the approver (optional)').fill('Winter campaign');
  await builder.getByRole('dialog').getByRole('button', { name: 'Request promotion' }).click();
  const request = builder.getByRole('region', { name: 'Open promotion request' });
  await expect(request.getByText('Awaiting approval')).toBeVisible({ timeout: 90_000 });
  await expect(request.getByRole('button', { name: 'Approve and deploy' })).toHaveCount(0);

  // The production widget still greets with v1 before approval.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(host.origin);
  await customer.getByRole('button', { name: 'Open chat' }).click();
  let log = customer.frameLocator('iframe[title="Chat with support"]').getByRole('log', { name: 'Messages' });
  await expect(log.locator('li[data-role="assistant"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(log).not.toContainText(GREETING);

  // 4. A second person approves.
  const deployer = await signedIn(browser, testInfo, deployerEmail);
  await deployer.goto('/agents');
  await deployer.getByRole('link', { name: /Frostbite Shop Support/ }).click();
  await openTab(deployer, 'Promotion');
  await deployer.getByRole('region', { name: 'Open promotion request' }).getByRole('button', { name: 'Approve and deploy' }).click();
  await deployer.getByRole('dialog').getByLabel('Comment (optional)').fill('Checked the evaluation');
  await deployer.getByRole('dialog').getByRole('button', { name: 'Approve and deploy' }).click();
  await expect(deployer.getByText('Production serves v2')).toBeVisible();
  await expect(deployer.getByRole('list', { name: 'Promotion history' })).toContainText('Deployed');
  await deployer.screenshot({ path: `${SCREENSHOTS}console-agent-promotion.png`, fullPage: true });

  // 5. A new visitor of the production widget is greeted by v2 and warranty questions go to a person.
  const laterContext = await browser.newContext();
  const later = await laterContext.newPage();
  await later.goto(host.origin);
  await later.getByRole('button', { name: 'Open chat' }).click();
  const frame = later.frameLocator('iframe[title="Chat with support"]');
  log = frame.getByRole('log', { name: 'Messages' });
  await expect(log.locator('li[data-role="assistant"]').first()).toContainText(GREETING, { timeout: 20_000 });
  await frame.getByRole('textbox', { name: 'Message' }).fill('Is my warranty transferable?');
  await frame.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(log.locator('li[data-role="assistant"]')).toHaveCount(2, { timeout: 20_000 });
  await expect(log.locator('li[data-role="assistant"]').last()).toContainText(/person/i);
  await later.screenshot({ path: `${SCREENSHOTS}chat-widget-after-promotion.png` });

  // 6. Rollback in one action: the next new visitor is greeted by v1 again.
  await deployer.getByRole('list', { name: 'Earlier production versions' }).getByRole('button', { name: 'Roll back to v1' }).click();
  await deployer.getByRole('dialog').getByLabel('Why roll back? (required, audited)').fill('Winter campaign postponed');
  await deployer.getByRole('dialog').getByRole('button', { name: 'Roll back now' }).click();
  await expect(deployer.getByText('Production serves v1')).toBeVisible();
  const rolledBackContext = await browser.newContext();
  const rolledBack = await rolledBackContext.newPage();
  await rolledBack.goto(host.origin);
  await rolledBack.getByRole('button', { name: 'Open chat' }).click();
  const rolledBackLog = rolledBack.frameLocator('iframe[title="Chat with support"]').getByRole('log', { name: 'Messages' });
  await expect(rolledBackLog.locator('li[data-role="assistant"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(rolledBackLog).not.toContainText(GREETING);
  await rolledBackContext.close();

  // 7. Every step is in the audit log.
  await deployer.goto('/audit');
  const table = deployer.getByRole('table');
  for (const action of ['agent.config-edit', 'agent.eval-case-create', 'agent.evaluation-start', 'agent.evaluation-finish', 'agent.promotion-request', 'agent.promotion-gate-pass', 'agent.promotion-approve', 'agent.rollback']) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await Promise.all([customerContext.close(), laterContext.close()]);
});

test('a version that fails its evaluation is blocked for a deployer; an owner overrides it with a written reason, audited', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const builder = await signedIn(browser, testInfo, builderEmail);
  await builder.goto('/agents');
  await builder.getByRole('link', { name: /Frostbite Shop Support/ }).click();
  await openTab(builder, 'Evaluations');
  await builder.getByRole('button', { name: 'Add case' }).click();
  const dialog = builder.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Knows the pigeon post');
  await dialog.getByLabel('Customer message').fill('Do you ship by carrier pigeon?');
  await dialog.getByLabel('Must contain (one fact per line)').fill('pigeons fly daily');
  await dialog.getByRole('button', { name: 'Add case' }).click();
  await expect(builder.getByRole('list', { name: 'Test cases' })).toContainText('Knows the pigeon post');
  await openTab(builder, 'Promotion');
  await builder.getByRole('button', { name: 'Request promotion of v2' }).click();
  await builder.getByRole('dialog').getByRole('button', { name: 'Request promotion' }).click();
  const request = builder.getByRole('region', { name: 'Open promotion request' });
  await expect(request.getByText('Evaluation failed', { exact: true })).toBeVisible({ timeout: 90_000 });
  await request.getByRole('button', { name: 'Show results' }).click();
  await expect(request.getByRole('list', { name: 'Case results' })).toContainText('Knows the pigeon post');

  const deployer = await signedIn(browser, testInfo, deployerEmail);
  await deployer.goto('/agents');
  await deployer.getByRole('link', { name: /Frostbite Shop Support/ }).click();
  await openTab(deployer, 'Promotion');
  const blocked = deployer.getByRole('region', { name: 'Open promotion request' });
  await expect(blocked.getByText('Only an owner can override the gate.')).toBeVisible();
  await expect(blocked.getByRole('button', { name: /Approve|Override/ })).toHaveCount(0);

  const owner = await signedIn(browser, testInfo, ownerEmail);
  await owner.goto('/agents');
  await owner.getByRole('link', { name: /Frostbite Shop Support/ }).click();
  await openTab(owner, 'Promotion');
  await owner.getByRole('region', { name: 'Open promotion request' }).getByRole('button', { name: 'Override the failed gate…' }).click();
  const reason = 'Pigeon post is retired; the case is obsolete and will be removed.';
  await owner.getByRole('dialog').getByLabel('Why ship despite the failed evaluation? (required, audited)').fill(reason);
  await owner.getByRole('dialog').getByRole('button', { name: 'Override and deploy' }).click();
  await expect(owner.getByText('Production serves v2')).toBeVisible();
  await expect(owner.getByRole('list', { name: 'Promotion history' })).toContainText(`gate overridden: ${reason}`);

  await owner.goto('/audit');
  const table = owner.getByRole('table');
  await expect(table.getByText('agent.promotion-gate-fail', { exact: true }).first()).toBeVisible();
  await expect(table.getByText('agent.promotion-gate-override', { exact: true }).first()).toBeVisible();
});
