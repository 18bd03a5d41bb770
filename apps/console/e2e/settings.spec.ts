import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type BrowserContext, type TestInfo } from '@playwright/test';
import { createFreshUser, FRESH_PASSWORD, signIn, signInAndEnrol } from './account-helpers';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const FORWARDED_FOR = `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;

// Each run appears to come from its own address, so the per-IP sign-in limit of one run never
// spills into the next (the console believes X-Forwarded-For for sign-in, not for tenant access).
test.use({ extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });

/**
 * A workspace of its own (operator CLI, same database as the console): API keys, the allowlist
 * and the MFA policy changed here cannot disturb the demo tenants or other specs.
 */
function createFreshTenant(label: string): { slug: string; name: string; ownerEmail: string } {
  const slug = `e2e-${label}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const ownerEmail = `owner-${slug}@example.test`;
  const name = 'Initech';
  execFileSync('pnpm', ['-s', 'vouch', 'tenant', 'create', slug, '--owner', ownerEmail, '--name', name, '--password-stdin'], {
    cwd: REPO_ROOT,
    input: FRESH_PASSWORD,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { slug, name, ownerEmail };
}

test('settings tabs navigate by keyboard; an auditor sees members and security read-only', async ({ page }) => {
  const auditor = createFreshUser('settings-auditor', [{ tenant: 'acme', roles: 'auditor' }]);
  await signIn(page, auditor, FRESH_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/settings');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Settings' });
  await expect(tabs.getByRole('link')).toHaveText(['Overview', 'Members', 'Security']);
  await expect(tabs.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(main.getByRole('definition').filter({ hasText: /^acme$/ })).toBeVisible();

  await tabs.getByRole('link', { name: 'Overview' }).focus();
  await page.keyboard.press('Tab');
  await expect(tabs.getByRole('link', { name: 'Members' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(tabs.getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  await expect(tabs.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', 'page');
  const members = page.getByRole('table', { name: 'Members of Acme' });
  await expect(members.getByRole('row').filter({ hasText: auditor })).toContainText('Auditor');
  // Read-only: no invite, no edit, no remove.
  await expect(page.getByRole('button', { name: 'Invite member' })).toHaveCount(0);
  await expect(members.getByRole('button')).toHaveCount(0);

  await tabs.getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(main.getByText('changing them needs the tenant.settings.update permission')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Require MFA for roles with configuration, deploy or admin rights' })).toBeDisabled();
  await expect(page.getByLabel('IP allowlist')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);
  // The SSO card is read-only too (no save, test or remove).
  await expect(page.getByLabel('Issuer URL')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Test connection' })).toHaveCount(0);
  // No apikeys.manage: no API key section at all.
  await expect(page.getByRole('heading', { name: 'API keys' })).toHaveCount(0);
});

test.describe('security settings of a fresh workspace', () => {
  test.describe.configure({ mode: 'serial' });

  let tenant: ReturnType<typeof createFreshTenant>;
  let ownerState: Awaited<ReturnType<BrowserContext['storageState']>>;

  // One owner, enrolled in MFA once; each test reuses the signed-in browser state.
  test.beforeAll(async ({ browser }, testInfo) => {
    test.setTimeout(60_000);
    tenant = createFreshTenant('security');
    const context = await ownerContext(browser, testInfo);
    const page = await context.newPage();
    await signInAndEnrol(page, tenant.ownerEmail);
    ownerState = await context.storageState();
    await context.close();
  });

  function ownerContext(browser: Browser, testInfo: TestInfo, withState = false) {
    return browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR },
      permissions: ['clipboard-read', 'clipboard-write'],
      ...(withState ? { storageState: ownerState } : {}),
    });
  }

  test('an API key is shown once, works as a Bearer token, rotates without overlap and is revoked', async ({ browser, request }, testInfo) => {
    const context = await ownerContext(browser, testInfo, true);
    const page = await context.newPage();
    await page.goto('/settings/security');
    const keys = page.getByRole('table', { name: 'API keys' });
    await expect(page.getByText('No API keys')).toBeVisible();

    await page.getByRole('button', { name: 'Create API key' }).click();
    const create = page.getByRole('dialog', { name: 'Create API key' });
    await create.getByRole('button', { name: 'Create key' }).click();
    await expect(create.getByText('Choose at least one scope.')).toBeVisible();
    await create.getByLabel('Name').fill('Reporting export');
    await create.getByRole('checkbox', { name: 'dashboard.read' }).check();
    await create.getByLabel('Expires after').selectOption({ label: '30 days' });
    await create.getByRole('button', { name: 'Create key' }).click();
    await expect(create.getByText('Copy this key now — it is shown once')).toBeVisible();
    const key = await create.getByLabel('API key').inputValue();
    expect(key).toMatch(/^vk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    await create.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await create.getByRole('button', { name: 'Done' }).click();
    await expect(create).toBeHidden();
    // Gone once closed: neither the dialog nor the list holds the secret.
    await expect(page.getByLabel('API key')).toHaveCount(0);
    // vk_<12-character prefix>_<secret>; the secret is base64url and may itself contain '_'.
    expect(await page.content()).not.toContain(key.slice('vk_'.length + 13));
    const row = keys.getByRole('row').filter({ hasText: 'Reporting export' });
    await expect(row).toContainText(`vk_${key.split('_')[1]}_…`);
    await expect(row).toContainText('dashboard.read');
    await expect(row).toContainText('Never');
    await expect(row).toContainText('Active');

    const bearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } });
    expect((await request.get('/api/trpc/tenant.overview', bearer(key))).status()).toBe(200);
    await page.reload();
    await expect(row).not.toContainText('Never');

    // Rotate with no overlap: the old key stops at once, the new one works.
    await row.getByRole('button', { name: /^Rotate/ }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate API key' });
    await rotate.getByLabel('Keep the old key working for').selectOption('0');
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    await expect(rotate.getByText('Copy this key now — it is shown once')).toBeVisible();
    const newKey = await rotate.getByLabel('API key').inputValue();
    expect(newKey).not.toBe(key);
    await rotate.getByRole('button', { name: 'Done' }).click();
    await expect(rotate).toBeHidden();
    expect((await request.get('/api/trpc/tenant.overview', bearer(key))).status()).toBe(401);
    expect((await request.get('/api/trpc/tenant.overview', bearer(newKey))).status()).toBe(200);
    await expect(keys.getByRole('row').filter({ hasText: `vk_${key.split('_')[1]}_…` })).toContainText('Expired');

    // Revoke asks first.
    const current = keys.getByRole('row').filter({ hasText: `vk_${newKey.split('_')[1]}_…` });
    await current.getByRole('button', { name: /^Revoke/ }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke API key?' });
    await revoke.getByRole('button', { name: 'Revoke key' }).click();
    await expect(revoke).toBeHidden();
    await expect(current).toContainText('Revoked');
    expect((await request.get('/api/trpc/tenant.overview', bearer(newKey))).status()).toBe(401);

    // One more live key, so the screenshot shows each state.
    await page.getByRole('button', { name: 'Create API key' }).click();
    await create.getByLabel('Name').fill('Zendesk sync');
    await create.getByRole('checkbox', { name: 'members.read' }).check();
    await create.getByRole('checkbox', { name: 'dashboard.read' }).check();
    await create.getByRole('button', { name: 'Create key' }).click();
    await create.getByRole('button', { name: 'Done' }).click();
    await expect(keys.getByRole('row').filter({ hasText: 'Zendesk sync' })).toContainText('Active');
    // A viewport as tall as the page (not fullPage), so the fixed sidebar stays in place.
    await page.setViewportSize({ width: 1280, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await page.screenshot({ path: `${SCREENSHOTS}console-security.png` });
    await context.close();
  });

  test('the IP allowlist refuses a list that excludes the caller; trusted proxies save', async ({ browser }, testInfo) => {
    const context = await ownerContext(browser, testInfo, true);
    const page = await context.newPage();
    await page.goto('/settings/security');
    const allowlist = page.getByLabel('IP allowlist');
    await allowlist.fill('203.0.113.0/24\nnot-an-address');
    await expect(page.getByText('Line 2: “not-an-address” is not an IPv4 or IPv6 address or CIDR range.')).toBeVisible();
    await expect(allowlist).toHaveAttribute('aria-invalid', 'true');
    await allowlist.fill('203.0.113.0/24\n2001:db8::/32');
    await page.getByRole('button', { name: 'Save IP allowlist' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'does not include your own address' })).toContainText('add it first');

    // Nothing was saved.
    await page.reload();
    await expect(page.getByLabel('IP allowlist')).toHaveValue('');

    const proxies = page.getByLabel('Trusted proxies');
    await proxies.fill('10.0.0.0/8\n10.0.0.0/8\n192.0.2.10');
    await page.getByRole('button', { name: 'Save trusted proxies' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Trusted proxies saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Trusted proxies')).toHaveValue('10.0.0.0/8\n192.0.2.10');
    await context.close();
  });

  test('the MFA requirement toggle persists after reload', async ({ browser }, testInfo) => {
    const context = await ownerContext(browser, testInfo, true);
    const page = await context.newPage();
    await page.goto('/settings/security');
    const mfa = page.getByRole('switch', { name: 'Require MFA for roles with configuration, deploy or admin rights' });
    // New workspaces require MFA; the owner enrolled, so turning it off and on locks nobody out.
    await expect(mfa).toHaveAttribute('aria-checked', 'true');
    await mfa.click();
    await expect(page.getByText('MFA requirement turned off.')).toBeVisible();
    await page.reload();
    await expect(mfa).toHaveAttribute('aria-checked', 'false');
    await mfa.click();
    await expect(page.getByText('MFA requirement turned on.')).toBeVisible();
    await page.reload();
    await expect(mfa).toHaveAttribute('aria-checked', 'true');

    const password = page.getByRole('switch', { name: 'Password sign-in' });
    await expect(password).toHaveAttribute('aria-checked', 'true');
    await expect(password).toBeDisabled();
    await context.close();
  });
});
