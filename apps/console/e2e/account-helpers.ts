import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { generate } from 'otplib';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FRESH_PASSWORD = 'e2e-fresh-password-1';

/**
 * A fresh user for one test, made with the operator CLI against the same database as the
 * running console (the environment's DATABASE_URL wins over .env), so tests do not depend on
 * each other or on the demo owner's MFA state.
 */
export function createFreshUser(label: string, memberships: { tenant: string; roles: string }[]): string {
  const email = `e2e-${label}-${randomBytes(4).toString('hex')}@acme.test`;
  for (const { tenant, roles } of memberships) {
    execFileSync('pnpm', ['-s', 'vouch', 'member', 'add', '--tenant', tenant, '--email', email, '--role', roles, '--password-stdin'], {
      cwd: REPO_ROOT,
      input: FRESH_PASSWORD,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }
  return email;
}

/** Runs an operator CLI command (`pnpm vouch …`) against the console's database and returns its JSON output. */
export function vouch(...args: string[]): Record<string, any> {
  const stdout = execFileSync('pnpm', ['-s', 'vouch', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(stdout) as Record<string, any>;
}

export type TStorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A browser context on the console, from its own client address (the per-IP sign-in limit), optionally already signed in. */
export function consoleContext(browser: Browser, testInfo: TestInfo, forwardedFor: string, storageState?: TStorageState): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { 'x-forwarded-for': forwardedFor },
    ...(storageState ? { storageState } : {}),
  });
}

/** Signs a fresh MFA-required user in once (enrolling them) and returns the session to reuse with consoleContext. */
export async function enrolledSession(browser: Browser, testInfo: TestInfo, forwardedFor: string, email: string): Promise<TStorageState> {
  const context = await consoleContext(browser, testInfo, forwardedFor);
  const page = await context.newPage();
  await signInAndEnrol(page, email);
  const state = await context.storageState();
  await context.close();
  return state;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The code an authenticator app would show, `steps` periods from now. */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** On the enrolment screen: reads the secret shown as text, confirms with a code, returns what to keep. */
export async function completeEnrolment(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secretText = page.getByTestId('mfa-secret');
  await expect(secretText).toBeVisible();
  const secret = ((await secretText.textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('Authentication code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  const list = page.getByRole('list', { name: 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
  return { secret, recoveryCodes };
}

/** Signs in a fresh user whose tenant requires MFA: lands on enrolment, enrols, reaches the dashboard. */
export async function signInAndEnrol(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await signIn(page, email, FRESH_PASSWORD);
  await expect(page).toHaveURL(/\/mfa\/enrol$/);
  const enrolled = await completeEnrolment(page);
  await page.getByRole('button', { name: 'Continue to the console' }).click();
  await expect(page).toHaveURL(/\/$/);
  return enrolled;
}
