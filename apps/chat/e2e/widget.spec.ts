import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
// The demo agent's greeting (CHAT_DEMO_TENANT, seeded): "Hi! I'm Acme's assistant. Every answer…".
const GREETING = /Every answer I give cites an approved source/;

async function openWidget(page: Page) {
  await page.goto('/');
  // Rendered by the real loader (public/widget.js) inside its shadow root.
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await expect(launcher).toBeVisible();
  await launcher.click();
  const frame = page.frameLocator('iframe[title="Chat with support"]');
  await expect(frame.getByText(GREETING)).toBeVisible();
  return { launcher, frame };
}

test('health endpoint reports the dependencies', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true });
});

test('the loader injects a launcher that opens the chat panel', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#vouch-chat-widget')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}chat-host-page.png` });

  const { frame } = await openWidget(page);
  const iframe = page.locator('iframe[title="Chat with support"]');
  // The real demo key, and the host page's origin for the server's allowed-origins check.
  await expect(iframe).toHaveAttribute('src', /\/embed\?agent=pk_live_[A-Za-z0-9_-]+&host=http%3A%2F%2Flocalhost%3A\d+$/);
  await expect(page.getByRole('button', { name: 'Close chat' }).first()).toHaveAttribute('aria-expanded', 'true');

  const input = frame.getByRole('textbox', { name: 'Message' });
  const send = frame.getByRole('button', { name: 'Send' });
  await expect(send).toBeDisabled();
  await input.fill('How long does express shipping take?');
  await expect(send).toBeEnabled();
  await send.click();

  const log = frame.getByRole('log', { name: 'Messages' });
  await expect(log.getByText('How long does express shipping take?')).toBeVisible();
  // A real reply arrives (what it says depends on the demo tenant's knowledge; answers.spec.ts
  // checks answers, citations and handoffs on a tenant of its own).
  await expect(log.locator('li[data-role="assistant"]').nth(1)).not.toBeEmpty({ timeout: 20_000 });
  await expect(input).toHaveValue('');
  await expect(send).toBeDisabled();
  await expect(frame.getByRole('button', { name: 'Ask for a human' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}chat-widget-open.png` });

  // Escape from the host page closes the panel and returns focus to the launcher.
  await page.locator('body').click({ position: { x: 10, y: 300 } });
  await page.keyboard.press('Escape');
  await expect(iframe).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();

  // Escape pressed inside the panel closes it too.
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(iframe).toBeVisible();
  await frame.getByRole('textbox', { name: 'Message' }).press('Escape');
  await expect(iframe).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeFocused();
});

test('the panel goes full-screen on a phone and closes from its header', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openWidget(page);
  const box = await page.locator('iframe[title="Chat with support"]').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBe(0);
  expect(box!.y).toBe(0);
  expect(box!.width).toBe(375);
  expect(box!.height).toBe(740);
  await page.screenshot({ path: `${SCREENSHOTS}chat-widget-mobile.png` });

  const frame = page.frameLocator('iframe[title="Chat with support"]');
  await frame.getByRole('button', { name: 'Close chat' }).click();
  await expect(page.locator('iframe[title="Chat with support"]')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open chat' })).toBeVisible();
});

test('the embed page refuses an invalid or unknown agent key honestly', async ({ page }) => {
  await page.goto('/embed?agent=<script>');
  await expect(page.getByRole('status')).toContainText('without a valid agent key');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await page.goto('/embed?agent=pk_live_unknownunknownunknown');
  await expect(page.getByRole('status')).toContainText('its agent key is unknown');
});
