import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createFreshUser, FRESH_PASSWORD, signIn } from './account-helpers';
import { createFreshTenant, freshForwardedFor } from './knowledge-helpers';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

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
