import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { FRESH_PASSWORD, signIn, signInAndEnrol, totpCode } from './account-helpers';
import { startTestIdp, type TTestIdp } from './oidc-server';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const IDP_PORT = Number(process.env.SSO_TEST_IDP_PORT ?? 3990);
const CONSOLE_URL = `http://localhost:${process.env.CONSOLE_PORT ?? 3000}`;

// Each run appears to come from its own address, so the per-IP sign-in limit of one run
// never spills into the next.
test.use({ extraHTTPHeaders: { 'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}` } });
test.describe.configure({ mode: 'serial' });

const suffix = randomBytes(3).toString('hex');
const slug = `initech-${suffix}`;
const tenantName = `Initech ${suffix}`;
const ownerEmail = `e2e-sso-owner-${suffix}@initech.test`;
const client = { clientId: `vouch-console-${suffix}`, clientSecret: randomBytes(24).toString('base64url'), redirectUri: `${CONSOLE_URL}/api/auth/callback/sso-${slug}` };
let idp: TTestIdp;
let totpSecret = '';

test.beforeAll(async () => {
  // A tenant of its own (owner with a password), made with the operator CLI against the same database as the console.
  execFileSync('pnpm', ['-s', 'vouch', 'tenant', 'create', slug, '--owner', ownerEmail, '--name', tenantName, '--password-stdin'], {
    cwd: REPO_ROOT,
    input: FRESH_PASSWORD,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  idp = await startTestIdp({ port: IDP_PORT, client });
});

test.afterAll(async () => {
  await idp?.close();
});

/** From the console's sign-in page through the test IdP's login form, as a browser does. */
async function signInWithSso(page: Page, email: string, { mfa }: { mfa: boolean }) {
  await page.goto(`/sign-in?workspace=${slug}`);
  await expect(page.getByRole('heading', { name: 'Sign in with SSO' })).toBeVisible();
  await expect(page.getByLabel('Workspace')).toHaveValue(slug);
  await page.getByRole('button', { name: 'Continue with SSO' }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${IDP_PORT}/interaction/`));
  await page.getByLabel('Email', { exact: true }).fill(email);
  if (mfa) await page.getByLabel('Used a second factor').check();
  await page.getByRole('button', { name: 'Sign in to the test IdP' }).click();
}

test('an owner configures OIDC single sign-on, then turns password sign-in off', async ({ page }) => {
  const enrolled = await signInAndEnrol(page, ownerEmail);
  totpSecret = enrolled.secret;
  await page.goto('/settings/security');

  // Password sign-in cannot be turned off before SSO exists.
  const passwordSwitch = page.getByRole('switch', { name: 'Password sign-in' });
  await expect(passwordSwitch).toBeDisabled();
  await expect(page.getByText('Password sign-in can only be turned off once single sign-on')).toBeVisible();

  await expect(page.getByLabel('Redirect URI')).toHaveValue(client.redirectUri);
  await page.getByLabel('Issuer URL').fill(idp.issuer);
  await page.getByLabel('Client ID').fill(client.clientId);
  await page.getByLabel('Client secret').fill(client.clientSecret);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(`Connection works: ${idp.issuer}`)).toBeVisible();
  await page.getByRole('button', { name: 'Save SSO connection' }).click();
  await expect(page.getByText('SSO connection saved and enabled.')).toBeVisible();
  // Write-only secret: the card shows that one is stored, never the secret.
  await expect(page.getByText('Secret set')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace secret' })).toBeVisible();
  expect(await page.content()).not.toContain(client.clientSecret);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.getByRole('heading', { name: 'Sign-in', exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}console-sso.png` });

  await expect(passwordSwitch).toBeEnabled();
  await passwordSwitch.click();
  await expect(passwordSwitch).toHaveAttribute('aria-checked', 'false');

  // The owner's own password session no longer opens this workspace.
  const refused = await page.request.get('/api/trpc/tenant.overview');
  expect(refused.status()).toBe(403);
});

test('a member signs in through the IdP (MFA asserted) and lands on the workspace dashboard', async ({ page }) => {
  await signInWithSso(page, ownerEmail, { mfa: true });
  await expect(page).toHaveURL(`${CONSOLE_URL}/`);
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: tenantName })).toBeVisible();
  expect((await page.request.get('/api/trpc/tenant.overview')).status()).toBe(200);

  // The session is listed as an SSO sign-in under Account → Security.
  await page.goto('/account');
  await expect(page.getByText(/· sso ·/).first()).toBeVisible();
});

test('without MFA from the IdP, a member with an authenticator enters a code after SSO', async ({ page }) => {
  await signInWithSso(page, ownerEmail, { mfa: false });
  await expect(page).toHaveURL(/\/sign-in\?sso_challenge=/);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  await page.getByLabel('Authentication code').fill(await totpCode(totpSecret, 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: tenantName })).toBeVisible();
});

test('the IdP cannot sign in someone who is not a member of the workspace', async ({ page }) => {
  await signInWithSso(page, `stranger-${suffix}@initech.test`, { mfa: true });
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('not a member of this workspace');
  await page.screenshot({ path: `${SCREENSHOTS}console-sso-refused.png` });
});

test('password sign-in is refused once the only workspace allows SSO only', async ({ page }) => {
  await signIn(page, ownerEmail, FRESH_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('signs in with single sign-on (SSO) only');
  await expect(page.getByLabel('Workspace')).toHaveValue(slug);
  await expect(page.getByRole('button', { name: 'Continue with SSO' })).toBeEnabled();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.screenshot({ path: `${SCREENSHOTS}console-sso-sign-in.png` });
});
