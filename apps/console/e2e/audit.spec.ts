import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createFreshUser, FRESH_PASSWORD, signIn, vouch } from './account-helpers';
import { createFreshTenant, freshForwardedFor } from './knowledge-helpers';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

test.use({ extraHTTPHeaders: { 'x-forwarded-for': freshForwardedFor() } });

test('an auditor filters the audit log by action, verifies the chain and sees the signing key', async ({ page }) => {
  // Three operator CLI calls run before the browser starts; on a busy machine they take a while.
  test.setTimeout(90_000);
  const tenant = createFreshTenant('audit', 'Audit Co');
  // Auditors are not asked for MFA by a new tenant's policy, so a password sign-in lands in the console.
  const auditor = createFreshUser('auditor', [{ tenant: tenant.slug, roles: 'auditor' }]);
  createFreshUser('agent', [{ tenant: tenant.slug, roles: 'support_agent' }]);
  await signIn(page, auditor, FRESH_PASSWORD);
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit events, newest first' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('cell', { name: 'tenant.create' })).toHaveCount(1);

  const filters = page.getByRole('search', { name: 'Filter audit events' });
  await filters.getByLabel('Action').fill('member.add');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  // The owner, the auditor and the support agent were each added once.
  await expect(table.getByRole('cell', { name: 'member.add' })).toHaveCount(3);
  await expect(table.getByRole('cell', { name: 'tenant.create' })).toHaveCount(0);

  await filters.getByLabel('Action').fill('no.such-action');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No events match these filters')).toBeVisible();
  await filters.getByRole('button', { name: 'Clear' }).click();
  await expect(table.getByRole('cell', { name: 'tenant.create' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Chain intact' })).toContainText(/\d+ events verified, up to event #\d+/);

  const key = page.getByLabel('Public key (Ed25519, base64)');
  await expect(key).toHaveValue(/^[A-Za-z0-9+/]{43}=$/);
  await page.screenshot({ path: `${SCREENSHOTS}console-audit.png`, fullPage: true });
});

test("an auditor opens an audit event's conversation, and an answer's trace by id, in Conversations", async ({ page }) => {
  test.setTimeout(240_000);
  const tenant = createFreshTenant('audit-links', 'Audit Links Co');
  const approver = createFreshUser('audit-kb', [{ tenant: tenant.slug, roles: 'knowledge_reviewer' }]);
  const articles = mkdtempSync(path.join(tmpdir(), 'vouch-audit-kb-'));
  copyFileSync(path.join(REPO, 'prisma/seed/articles/shipping-times.md'), path.join(articles, 'shipping-times.md'));
  try {
    vouch('kb', 'import', articles, '--tenant', tenant.slug, '--approve-as', approver);
  } finally {
    rmSync(articles, { recursive: true, force: true });
  }
  // Real customer turns through the pipeline: one answered (a trace with a reply), one handed off
  // (audited as conversation.handoff, whose target is the conversation).
  const answered = vouch('ask', '--tenant', tenant.slug, 'How long does standard shipping take?');
  expect(answered.escalated).toBe(false);
  vouch('ask', '--tenant', tenant.slug, 'I want to talk to a human please');
  execFileSync('pnpm', ['-s', 'exec', 'tsx', 'e2e/support/record-trace-reference.ts', tenant.slug, String(answered.traceId)], {
    cwd: path.join(REPO, 'apps/console'),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const auditor = createFreshUser('links-auditor', [{ tenant: tenant.slug, roles: 'auditor' }]);
  await signIn(page, auditor, FRESH_PASSWORD);
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit events, newest first' });
  const filters = page.getByRole('search', { name: 'Filter audit events' });
  // Targets outside conversations (the tenant, members) stay plain ids.
  await filters.getByLabel('Action').fill('member.add');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('cell', { name: 'member.add' }).first()).toBeVisible();
  await expect(table.getByTestId('audit-target-link')).toHaveCount(0);

  // A conversation target opens its transcript.
  await filters.getByLabel('Action').fill('conversation.handoff');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const handoffLink = table.getByTestId('audit-target-link');
  await expect(handoffLink).toHaveCount(1);
  const conversationId = (await handoffLink.textContent())!.trim();
  await handoffLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversationId}$`));
  await expect(page.getByText('Read-only')).toBeVisible();
  await expect(page.locator('[data-testid="transcript-message"][data-role="customer"]')).toContainText('talk to a human');

  // A trace target opens the answer it explains, highlighted, with its trace open.
  await page.goto('/audit');
  await filters.getByLabel('Action').fill('testing.trace-reference');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const traceLink = table.getByTestId('audit-target-link');
  await expect(traceLink).toHaveText(String(answered.traceId));
  await traceLink.click();
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}\?message=[0-9a-f-]{36}#message-/);
  const focused = page.locator('[data-testid="transcript-message"][data-focused="true"]');
  await expect(focused).toHaveAttribute('data-role', 'assistant');
  await expect(focused).toContainText(/business days/);
  const trace = focused.getByTestId('trace-summary');
  await expect(trace).toHaveAttribute('data-trace-id', String(answered.traceId));
  await expect(trace).toHaveAttribute('open', '');
  await expect(trace).toContainText('Sources used');
  await expect(trace).toContainText(/shipping/i);

  // The same trace by id in the address bar (a link someone shared): the same place.
  await page.goto(`/audit/target/trace/${String(answered.traceId)}`);
  await expect(page.locator('[data-testid="transcript-message"][data-focused="true"] [data-testid="trace-summary"]')).toHaveAttribute('data-trace-id', String(answered.traceId));
  // An id that names nothing here says so instead of failing.
  await page.goto('/audit/target/trace/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('This answer trace is no longer stored')).toBeVisible();
  await page.goto('/audit/target/user/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('Only conversations, messages, handoffs, tool actions and answer traces open in Conversations.')).toBeVisible();
});
