import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createFreshUser, FRESH_PASSWORD, signIn, signInAndEnrol } from './account-helpers';
import { createFreshTenant, freshForwardedFor, recordProgressBars, progressSeen } from './knowledge-helpers';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

test.use({ extraHTTPHeaders: { 'x-forwarded-for': freshForwardedFor() } });

/**
 * A customer as the widget would leave one: a contact with a conversation of two messages,
 * written as the owner role with psql (slug and email are generated here: letters, digits, dots).
 */
function seedCustomer(slug: string, email: string): void {
  const sql = `DO $$
DECLARE t uuid; a uuid; c uuid; v uuid;
BEGIN
  SELECT id INTO t FROM tenants WHERE slug = '${slug}';
  INSERT INTO agents (tenant_id, slug, name) VALUES (t, 'e2e-privacy', 'Privacy') RETURNING id INTO a;
  INSERT INTO contacts (tenant_id, email, name) VALUES (t, '${email}', 'Erin Example') RETURNING id INTO c;
  INSERT INTO conversations (tenant_id, agent_id, contact_id) VALUES (t, a, c) RETURNING id INTO v;
  INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES (t, v, 'customer', 'Where is my parcel?'), (t, v, 'assistant', 'On its way.');
END $$;`;
  execFileSync('psql', [process.env.DATABASE_OWNER_URL ?? '', '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
}

test('an owner sets retention periods, exports and erases one customer', async ({ page }) => {
  test.setTimeout(90_000);
  const tenant = createFreshTenant('privacy', 'Privacy Co');
  const email = `erin.${randomBytes(3).toString('hex')}@example.test`;
  seedCustomer(tenant.slug, email);
  await signInAndEnrol(page, `owner-${tenant.slug}@example.test`);

  await page.getByRole('link', { name: 'Compliance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance' })).toBeVisible();
  const periods = page.getByRole('form', { name: 'Retention periods' });
  await expect(periods.getByLabel('Transcripts (days)')).toHaveValue('90');
  await expect(periods.getByLabel('Audit events (days)')).toHaveValue('400');
  await periods.getByLabel('Transcripts (days)').fill('30');
  await page.getByRole('button', { name: 'Save periods' }).click();
  await expect(page.getByText('Retention periods saved')).toBeVisible();
  await page.getByRole('button', { name: 'Run now' }).click();
  await expect(page.getByRole('button', { name: 'Run queued' })).toBeVisible();
  // The worker runs it; the card shows the run once it is recorded.
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel('Last retention run')).toContainText('Run on request', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('form', { name: 'Retention periods' }).getByLabel('Transcripts (days)')).toHaveValue('30');

  const find = page.getByRole('form', { name: 'Find a customer' });
  await find.getByLabel('Email').fill(email.toUpperCase());
  await find.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByLabel('Lookup result')).toHaveText(/Found 1 contact record and 1 conversation/);
  await page.screenshot({ path: `${SCREENSHOTS}console-compliance.png`, fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download archive (JSON)' }).click();
  const archive = JSON.parse(await readFile((await (await downloading).path())!, 'utf8')) as { contacts: { email: string }[]; conversations: { messages: unknown[] }[] };
  expect(archive.contacts[0]!.email).toBe(email);
  expect(archive.conversations[0]!.messages).toHaveLength(2);

  await page.getByRole('button', { name: 'Erase…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase this customer?' });
  await expect(dialog.getByRole('button', { name: 'Erase customer' })).toBeDisabled();
  await dialog.getByLabel('Confirmation').fill('ERASE');
  await dialog.getByRole('button', { name: 'Erase customer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erased' })).toContainText('1 contact records, 1 conversations, 2 messages');
  await expect(page.getByText('Nothing is stored about this customer.')).toBeVisible();

  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit events, newest first' });
  await expect(table.getByRole('cell', { name: 'privacy.erase' })).toHaveCount(1);
  await expect(table.getByRole('cell', { name: 'retention.policy-update' })).toHaveCount(1);
});

test('an auditor exports the trail with a progress bar; the link serves no one else and no tampering', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const tenant = createFreshTenant('auditexp', 'Export Co');
  const auditor = createFreshUser('exporter', [{ tenant: tenant.slug, roles: 'auditor' }]);
  const colleague = createFreshUser('colleague', [{ tenant: tenant.slug, roles: 'auditor' }]);
  await recordProgressBars(page);
  await signIn(page, auditor, FRESH_PASSWORD);
  await expect(page).toHaveURL(/\/$/);

  // Auditors read retention but change nothing and see no data-subject tools.
  await page.goto('/compliance');
  await expect(page.getByRole('form', { name: 'Retention periods' }).getByLabel('Transcripts (days)')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save periods' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Find a customer' })).toHaveCount(0);

  await page.goto('/audit');
  // The SIEM stream: a private address is refused (SSRF guard); a public one is saved paused (no
  // delivery leaves this machine) and its secret is shown once.
  const stream = page.getByRole('form', { name: 'SIEM stream settings' });
  await stream.getByLabel('Receiver URL').fill('http://10.1.2.3/hook');
  await stream.getByRole('button', { name: 'Save stream' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('private address');
  await stream.getByLabel('Receiver URL').fill('https://1.1.1.1/vouch-e2e');
  await stream.getByRole('switch', { name: 'Send events' }).click();
  await stream.getByRole('button', { name: 'Save stream' }).click();
  await expect(page.getByLabel('Signing secret (shown once)')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await expect(page.getByLabel('Stream status')).toContainText('Paused');
  await page.reload();
  await expect(page.getByLabel('Signing secret (shown once)')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'SIEM stream settings' }).getByLabel('Receiver URL')).toHaveValue('https://1.1.1.1/vouch-e2e');

  await page.getByRole('form', { name: 'Export audit events' }).getByRole('button', { name: 'Export' }).click();
  const links = page.getByRole('list', { name: 'Export downloads' });
  await expect(links.getByRole('link')).toHaveCount(3, { timeout: 30_000 });
  expect(await progressSeen(page, 'Audit export progress')).toContain(100);

  const downloading = page.waitForEvent('download');
  await links.getByRole('link', { name: 'Signed manifest' }).click();
  const manifest = JSON.parse(await readFile((await (await downloading).path())!, 'utf8')) as { format: string; count: number; signature: { algorithm: string } };
  expect(manifest).toMatchObject({ format: 'vouch-audit-export/v1', signature: { algorithm: 'Ed25519' } });
  expect(manifest.count).toBeGreaterThan(0);

  const href = (await links.getByRole('link', { name: 'Events (CSV)' }).getAttribute('href'))!;
  const mine = await page.request.get(href);
  expect(mine.status()).toBe(200);
  expect(await mine.text()).toMatch(/^seq,id,occurredAt/);

  // The export is listed under "Your exports" from durable storage (the trail and the signed
  // manifest), after a reload too, with its range, count, expiry and working links.
  await page.reload();
  const past = page.getByRole('table', { name: 'Your audit exports, newest first' });
  const row = past.getByTestId('past-export');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-state', 'done');
  await expect(row).toContainText('Ready');
  await expect(row).toContainText('Everything');
  await expect(row).toContainText(`${manifest.count}`);
  const exportId = (await row.getAttribute('data-export-id'))!;
  const listed = await page.request.get((await row.getByRole('link', { name: 'CSV' }).getAttribute('href'))!);
  expect(listed.status()).toBe(200);
  expect(await listed.text()).toMatch(/^seq,id,occurredAt/);
  const tampered = href.replace(/sig=([A-Za-z0-9_-])/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
  expect((await page.request.get(tampered)).status()).toBe(403);
  const otherFile = href.replace('/events.csv?', '/events.jsonl?');
  expect((await page.request.get(otherFile)).status()).toBe(403);

  // The colleague holds the same role and the same link: refused.
  const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': freshForwardedFor() } });
  const otherPage = await other.newPage();
  await signIn(otherPage, colleague, FRESH_PASSWORD);
  await expect(otherPage).toHaveURL(/\/$/);
  // Their list does not show the first auditor's export.
  await otherPage.goto('/audit');
  await expect(otherPage.getByText('No exports yet')).toBeVisible();
  await expect(otherPage.locator(`[data-export-id="${exportId}"]`)).toHaveCount(0);
  const refused = await otherPage.request.get(href);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ ok: false, error: 'This download belongs to someone else.' });
  await other.close();
  // Signed out: refused too.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(href, page.url()).toString())).status()).toBe(401);
  await anonymous.close();
});
