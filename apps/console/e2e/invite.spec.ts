import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createFreshUser, FRESH_PASSWORD, signIn, signInAndEnrol } from './account-helpers';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const FORWARDED_FOR = `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;

// Each run appears to come from its own address, so the per-IP sign-in limit of one run never
// spills into the next (the console believes X-Forwarded-For for sign-in, not for tenant access).
test.use({ extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });

/**
 * A workspace of its own for one test (operator CLI, same database as the console), so the
 * members table holds only what the test made and nothing leaks into the demo tenants.
 */
function createFreshTenant(label: string): { slug: string; name: string; ownerEmail: string; suffix: string } {
  const suffix = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const slug = `e2e-${label}-${suffix}`;
  const ownerEmail = `owner-${slug}@example.test`;
  const name = 'Initech';
  execFileSync('pnpm', ['-s', 'vouch', 'tenant', 'create', slug, '--owner', ownerEmail, '--name', name, '--password-stdin'], {
    cwd: REPO_ROOT,
    input: FRESH_PASSWORD,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { slug, name, ownerEmail, suffix };
}

test('an owner invites a support agent, who joins; the owner changes their roles and removes them', async ({ page, context, browser }, testInfo) => {
  test.setTimeout(90_000);
  const tenant = createFreshTenant('invite');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAndEnrol(page, tenant.ownerEmail);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const tabs = page.getByRole('navigation', { name: 'Settings' });
  await tabs.getByRole('link', { name: 'Members' }).click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(tabs.getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  const members = page.getByRole('table', { name: `Members of ${tenant.name}` });
  await expect(members.getByRole('row').filter({ hasText: tenant.ownerEmail })).toContainText('MFA on');
  await expect(page.getByText('No invitations yet')).toBeVisible();

  // Invite: the form checks itself, then shows the link once.
  const invitee = `invitee-${tenant.suffix}@example.test`;
  await page.getByRole('button', { name: 'Invite member' }).click();
  const invite = page.getByRole('dialog', { name: `Invite someone to ${tenant.name}` });
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(invite.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await expect(invite.getByText('Choose at least one role.')).toBeVisible();
  await invite.getByLabel('Email').fill(invitee);
  await invite.getByRole('checkbox', { name: 'Support agent' }).check();
  await invite.getByLabel('Link expires after').selectOption({ label: '7 days' });
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(invite.getByText('Copy this link now — it is shown once')).toBeVisible();
  const link = await invite.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
  await invite.getByRole('button', { name: 'Copy' }).click();
  await expect(invite.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await invite.getByRole('button', { name: 'Done' }).click();
  await expect(invite).toBeHidden();
  await expect(page.getByText(link)).toHaveCount(0);
  const invitations = page.getByRole('table', { name: 'Invitations' });
  await expect(invitations.getByRole('row').filter({ hasText: invitee })).toContainText('Pending');

  // The invitee, in another browser, opens the link and creates the account.
  const inviteeContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR },
  });
  const guest = await inviteeContext.newPage();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { level: 1, name: `Join ${tenant.name} on Vouch` })).toBeVisible();
  const details = guest.getByRole('definition');
  await expect(details.filter({ hasText: invitee })).toBeVisible();
  await expect(details.filter({ hasText: 'Support agent' })).toBeVisible();
  await expect(guest.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', `/sign-in?callbackUrl=${encodeURIComponent(new URL(link).pathname)}`);
  await guest.screenshot({ path: `${SCREENSHOTS}console-invite.png`, fullPage: true });

  await guest.getByLabel('Your name').fill('Ivy Invitee');
  await guest.getByLabel('Password', { exact: true }).fill('too-short');
  await guest.getByLabel('Confirm password').fill('something-else');
  await guest.getByRole('button', { name: `Create account and join ${tenant.name}` }).click();
  await expect(guest.getByText('Use at least 12 characters.')).toBeVisible();
  await expect(guest.getByText('The passwords do not match.')).toBeVisible();
  const password = `invitee-password-${tenant.suffix}`;
  await guest.getByLabel('Password', { exact: true }).fill(password);
  await guest.getByLabel('Confirm password').fill(password);
  await guest.getByRole('button', { name: `Create account and join ${tenant.name}` }).click();
  await expect(guest.getByRole('status').filter({ hasText: 'Your account is ready' })).toContainText(`You joined ${tenant.name}.`);
  await guest.getByRole('link', { name: 'Sign in' }).click();
  await expect(guest).toHaveURL(/\/sign-in/);
  await signIn(guest, invitee, password);
  await expect(guest).toHaveURL(/\/$/);
  await expect(guest.getByRole('main').getByRole('heading', { level: 1, name: tenant.name })).toBeVisible();
  const guestNav = guest.getByRole('navigation', { name: 'Main' });
  await expect(guestNav.getByRole('link', { name: 'Inbox' })).toBeVisible();
  await expect(guestNav.getByRole('link', { name: 'Agents' })).toHaveCount(0);
  await expect(guestNav.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  // The link worked once.
  await guest.goto(link);
  await expect(guest.getByRole('heading', { level: 1, name: 'This invitation was already used' })).toBeVisible();

  // The owner sees the new member and the accepted invitation.
  await page.reload();
  const row = members.getByRole('row').filter({ hasText: invitee });
  await expect(row).toContainText('Ivy Invitee');
  await expect(row).toContainText('Support agent');
  await expect(row).toContainText('MFA off');
  await expect(invitations.getByRole('row').filter({ hasText: invitee })).toContainText('Accepted');
  await page.screenshot({ path: `${SCREENSHOTS}console-members.png` });

  // Roles change at once for the member.
  await row.getByRole('button', { name: /^Edit roles/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit roles' });
  await expect(edit.getByRole('checkbox', { name: 'Support agent' })).toBeChecked();
  await edit.getByRole('checkbox', { name: 'Support agent' }).uncheck();
  await edit.getByRole('button', { name: 'Save roles' }).click();
  await expect(edit.getByText('Choose at least one role.', { exact: false })).toBeVisible();
  await edit.getByRole('checkbox', { name: 'Support agent' }).check();
  await edit.getByRole('checkbox', { name: 'Auditor' }).check();
  await edit.getByRole('button', { name: 'Save roles' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Auditor');
  await guest.goto('/');
  await expect(guestNav.getByRole('link', { name: 'Audit' })).toBeVisible();

  // Removal asks first, then takes the member out.
  await row.getByRole('button', { name: /^Remove/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove member?' });
  await expect(confirm).toContainText(`loses access to ${tenant.name}`);
  await confirm.getByRole('button', { name: 'Remove member' }).click();
  await expect(confirm).toBeHidden();
  await expect(members.getByRole('row').filter({ hasText: invitee })).toHaveCount(0);
  expect((await guest.request.get('/api/trpc/tenant.overview')).status()).toBe(403);

  await inviteeContext.close();
});

test('someone with an account accepts while signed in; withdrawn, malformed and unknown links say so', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/invite/not-a-real-token');
  await expect(page.getByRole('heading', { level: 1, name: 'This invitation link is not valid' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('incomplete or malformed');
  await page.goto(`/invite/${'A'.repeat(43)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'This invitation link is not valid' })).toBeVisible();

  const tenant = createFreshTenant('revoke');
  await signInAndEnrol(page, tenant.ownerEmail);
  await page.goto('/settings/members');
  await page.getByRole('button', { name: 'Invite member' }).click();
  const invite = page.getByRole('dialog', { name: `Invite someone to ${tenant.name}` });
  const email = `withdrawn-${tenant.suffix}@example.test`;
  await invite.getByLabel('Email').fill(email);
  await invite.getByRole('checkbox', { name: 'Auditor' }).check();
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await invite.getByLabel('Invitation link').inputValue();
  await invite.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('table', { name: 'Invitations' }).getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: /^Revoke/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke invitation?' });
  await confirm.getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'This invitation was withdrawn' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('Ask for a new one.');

  // An existing user (an auditor elsewhere) signs in first and accepts as themselves.
  const existing = createFreshUser('invite-existing', [{ tenant: 'acme', roles: 'auditor' }]);
  await page.goto('/settings/members');
  await page.getByRole('button', { name: 'Invite member' }).click();
  await invite.getByLabel('Email').fill(existing);
  // A role without configuration rights: no MFA enrolment stands between accepting and the dashboard.
  await invite.getByRole('checkbox', { name: 'Support agent' }).check();
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  const existingLink = await invite.getByLabel('Invitation link').inputValue();
  await invite.getByRole('button', { name: 'Done' }).click();

  const otherContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });
  const other = await otherContext.newPage();
  await other.goto(existingLink);
  const signInLink = other.getByRole('link', { name: 'Sign in' });
  await signInLink.click();
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=/);
  await other.getByLabel('Email').fill(existing);
  await other.getByLabel('Password').fill(FRESH_PASSWORD);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other).toHaveURL(new URL(existingLink).pathname);
  await other.getByRole('button', { name: `Accept as ${existing}` }).click();
  await expect(other).toHaveURL(/\/$/);
  await expect(other.getByLabel('Workspace').locator('option')).toHaveText(['Acme', tenant.name]);
  await otherContext.close();
});
