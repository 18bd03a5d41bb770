import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { completeEnrolment, createFreshUser, FRESH_PASSWORD, signIn, totpCode } from './account-helpers';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

// Each run appears to come from its own address, so the per-IP sign-in limit of one run
// never spills into the next.
test.use({ extraHTTPHeaders: { 'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}` } });

test('an owner without MFA can only enrol; then signs in with a TOTP code or a recovery code, once each', async ({ page }) => {
  const email = createFreshUser('mfa', [{ tenant: 'acme', roles: 'owner' }]);
  await signIn(page, email, FRESH_PASSWORD);

  // Enrol-only: every page leads back to enrolment, and the API refuses tenant calls.
  await expect(page).toHaveURL(/\/mfa\/enrol$/);
  await expect(page.getByRole('heading', { name: 'Set up two-factor authentication' })).toBeVisible();
  await expect(page.getByText('Acme requires two-factor authentication for your role.', { exact: false })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await expect(page.getByTestId('mfa-secret')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}console-mfa-enrol.png` });
  for (const path of ['/', '/agents', '/account']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/mfa\/enrol$/);
  }
  const refused = await page.request.get('/api/trpc/tenant.overview');
  expect(refused.status()).toBe(403);

  // A wrong code does not turn MFA on.
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('That code is not right');

  const { secret, recoveryCodes } = await completeEnrolment(page);
  await page.getByRole('button', { name: 'Continue to the console' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Acme' })).toBeVisible();
  expect((await page.request.get('/api/trpc/tenant.overview')).status()).toBe(200);

  // Account → Security shows MFA on and this browser's session.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  await expect(page.getByText('10 of 10 recovery codes left', { exact: false })).toBeVisible();
  await expect(page.getByText('This browser')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}console-account-security.png` });
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Password, then a wrong code (refused), then the app's next code.
  await signIn(page, email, FRESH_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  const code = page.getByLabel('Authentication code');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  const right = await totpCode(secret, 1);
  await code.fill(right === '123456' ? '654321' : '123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'That code is not right or was already used. Enter the current code from your app.',
  );
  await code.fill(right);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Acme' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // A recovery code works once.
  await signIn(page, email, FRESH_PASSWORD);
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Acme' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, FRESH_PASSWORD);
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('That recovery code is not valid or was already used.');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign out everywhere ends the other browsers too', async ({ browser }) => {
  const email = createFreshUser('sessions', [{ tenant: 'acme', roles: 'support_agent' }]);
  const first = await browser.newPage();
  const second = await browser.newPage({ userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0' });
  for (const page of [first, second]) {
    await signIn(page, email, FRESH_PASSWORD);
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Acme' })).toBeVisible();
  }
  await first.goto('/account');
  await expect(first.getByRole('list', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(2);
  await expect(first.getByText('Firefox on Windows')).toBeVisible();
  await first.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(first).toHaveURL(/\/sign-in/);
  await second.goto('/');
  await expect(second).toHaveURL(/\/sign-in/);
  await Promise.all([first.close(), second.close()]);
});

test('repeated wrong passwords lock the account with a clear wait', async ({ page }) => {
  const email = createFreshUser('lockout', [{ tenant: 'acme', roles: 'support_agent' }]);
  for (let i = 0; i < 4; i++) {
    await signIn(page, email, `wrong-password-${i}`);
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('That email and password do not match an account.');
  }
  await signIn(page, email, 'wrong-password-5');
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Too many attempts, try again in 30 s.');
  // Even the right password waits out the lock.
  await signIn(page, email, FRESH_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(/^Too many attempts, try again in \d+ s\.$/);
  await expect(page).toHaveURL(/\/sign-in/);
});
