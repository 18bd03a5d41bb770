import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createFreshUser, signIn, signInAndEnrol } from './account-helpers';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/**
 * Like the demo owner (owner of Acme, auditor of Globex), but fresh per test: owners must enrol
 * in MFA on first sign-in, and a fresh user keeps each run independent of the last.
 */
function freshOwner(label: string): string {
  return createFreshUser(label, [
    { tenant: 'acme', roles: 'owner' },
    { tenant: 'globex', roles: 'auditor' },
  ]);
}

test('health endpoint reports the dependencies', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { ok: boolean; postgres: { ok: boolean }; redis: { ok: boolean } };
  expect(body).toMatchObject({ ok: true, postgres: { ok: true }, redis: { ok: true } });
});

test('an unauthenticated visit is sent to sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible();
  await page.goto('/agents');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a wrong password shows an error and keeps the user out', async ({ page }) => {
  await page.goto('/sign-in');
  await page.screenshot({ path: `${SCREENSHOTS}console-sign-in.png` });
  // An unknown email gets the same answer as a wrong password, and locks out no real account.
  await signIn(page, `nobody-${randomBytes(4).toString('hex')}@acme.test`, 'definitely-not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('That email and password do not match an account.');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the owner signs in, sees the dashboard and switches tenant', async ({ page }) => {
  await signInAndEnrol(page, freshOwner('smoke-owner'));
  await expect(page).toHaveURL(/\/$/);

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Acme' })).toBeVisible();
  for (const label of ['Agents', 'Sources', 'Conversations', 'Open handoffs', 'Members']) {
    await expect(main.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
  }
  await expect(main.getByText(/Database/)).toBeVisible();
  await expect(main.getByText(/ok · \d+ ms/).first()).toBeVisible();

  // The owner sees every section; the active one is marked.
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Dashboard', 'Agents', 'Knowledge', 'Inbox', 'Conversations', 'Audit', 'Settings']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: `${SCREENSHOTS}console-dashboard.png` });

  await nav.getByRole('link', { name: 'Agents' }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(main.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();
  // The seeded support agent, with the versions its two environments serve.
  const agents = main.getByRole('list', { name: 'Agents' });
  await expect(agents.getByRole('link').first()).toBeVisible();
  await expect(agents.getByText(/Production v\d+/).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}console-agents.png` });
  await expect(nav.getByRole('link', { name: 'Agents' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Dashboard' }).click();

  // The acme owner is also an auditor of Globex: switching changes the data and the navigation.
  const switcher = page.getByLabel('Workspace');
  await expect(switcher.locator('option')).toHaveText(['Acme', 'Globex']);
  await switcher.selectOption({ label: 'Globex' });
  await expect(main.getByRole('heading', { level: 1, name: 'Globex' })).toBeVisible();
  await expect(switcher).toHaveValue('globex');
  await expect(nav.getByRole('link', { name: 'Audit' })).toBeVisible();
  // An auditor has no inbox.
  await expect(nav.getByRole('link', { name: 'Inbox' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}console-dashboard-globex.png` });
  // A typed URL to a hidden section says so instead of showing it.
  await page.goto('/inbox');
  await expect(main.getByRole('heading', { name: "You don't have access to this section" })).toBeVisible();
  await page.goto('/');

  // The choice survives a reload (cookie), and switching back works.
  await page.reload();
  await expect(main.getByRole('heading', { level: 1, name: 'Globex' })).toBeVisible();
  await page.getByLabel('Workspace').selectOption({ label: 'Acme' });
  await expect(main.getByRole('heading', { level: 1, name: 'Acme' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the dashboard is usable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAndEnrol(page, freshOwner('smoke-phone'));
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Acme' })).toBeVisible();
  const menu = page.getByRole('button', { name: 'Open menu' });
  await menu.click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}console-mobile-menu.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Open menu' })).toBeVisible();
});
