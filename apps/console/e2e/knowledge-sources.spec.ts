import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { consoleContext, createFreshUser, enrolledSession, type TStorageState } from './account-helpers';
import { createFreshTenant, freshForwardedFor, progressSeen, recordProgressBars } from './knowledge-helpers';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const FORWARDED_FOR = freshForwardedFor();

test.use({ extraHTTPHeaders: { 'x-forwarded-for': FORWARDED_FOR } });

test.describe('knowledge: articles, FAQ pairs, website crawls and the search index', () => {
  test.describe.configure({ mode: 'serial' });

  const states: Partial<Record<'uploader' | 'reviewer' | 'owner', TStorageState>> = {};

  test.beforeAll(async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const tenant = createFreshTenant('kbsources', 'Hooli');
    const people = {
      uploader: createFreshUser('kbs-uploader', [{ tenant: tenant.slug, roles: 'agent_builder' }]),
      reviewer: createFreshUser('kbs-reviewer', [{ tenant: tenant.slug, roles: 'knowledge_reviewer' }]),
      owner: `owner-${tenant.slug}@example.test`,
    };
    for (const [who, email] of Object.entries(people) as [keyof typeof people, string][]) {
      states[who] = await enrolledSession(browser, testInfo, FORWARDED_FOR, email);
    }
  });

  async function openAs(browser: Browser, testInfo: TestInfo, who: 'uploader' | 'reviewer' | 'owner'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await consoleContext(browser, testInfo, FORWARDED_FOR, states[who]);
    const page = await context.newPage();
    await recordProgressBars(page);
    return { context, page };
  }

  test('an editor writes an article and FAQ pairs, with validation shown beside the fields', async ({ browser }, testInfo) => {
    const { context, page } = await openAs(browser, testInfo, 'uploader');
    await page.goto('/knowledge');

    await page.getByRole('button', { name: 'Write article' }).click();
    const article = page.getByRole('dialog', { name: 'Write an article' });
    await article.getByLabel('Text').fill('Too short.');
    await article.getByRole('button', { name: 'Add article' }).click();
    await expect(article.getByText('Give the article a title.')).toBeVisible();
    await expect(article.getByText('The article needs at least 20 characters of text.')).toBeVisible();
    await expect(article.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await article.getByLabel('Title').fill('Gift cards');
    await article.getByLabel('Text').fill('Gift cards never expire. They can be redeemed for any order in the online shop, also together with a discount code.');
    await article.getByRole('button', { name: 'Add article' }).click();
    await expect(article).toBeHidden();

    await page.getByRole('button', { name: 'Add FAQ' }).click();
    const faq = page.getByRole('dialog', { name: 'Add FAQ pairs' });
    await faq.getByLabel('Name').fill('Payments FAQ');
    await faq.getByLabel('Question 1').fill('Can I pay by invoice?');
    await faq.getByRole('button', { name: 'Add another question' }).click();
    await faq.getByLabel('Question 2').fill('Which cards do you accept?');
    await faq.getByRole('button', { name: 'Add 2 pairs' }).click();
    await expect(faq.getByText('Each question needs an answer.')).toHaveCount(2);
    await faq.getByLabel('Answer 1').fill('Yes: business customers can pay by invoice within fourteen days.');
    await faq.getByLabel('Answer 2').fill('We accept Visa, Mastercard and American Express.');
    await faq.getByRole('button', { name: 'Add 2 pairs' }).click();
    await expect(faq).toBeHidden();

    const table = page.getByRole('table', { name: 'Knowledge sources' });
    const articleRow = table.getByRole('row').filter({ hasText: 'Gift cards' });
    const faqRow = table.getByRole('row').filter({ hasText: 'Payments FAQ' });
    await expect(articleRow.getByText('Ready for review')).toBeVisible({ timeout: 30_000 });
    await expect(articleRow).toContainText('Article');
    await expect(faqRow.getByText('Ready for review')).toBeVisible({ timeout: 30_000 });
    await expect(faqRow).toContainText('FAQ');

    // Editors see the search index but may not change it (tenant.settings.update).
    const index = page.getByRole('region', { name: 'Search index' });
    await expect(index).toContainText('hash-lemma-v1');
    await expect(index).toContainText('384');
    await expect(index).toContainText('English');
    await expect(page.getByRole('button', { name: 'Change or re-embed' })).toHaveCount(0);
    await context.close();
  });

  test('a reviewer approves the FAQ and search finds an answer in it', async ({ browser }, testInfo) => {
    const { context, page } = await openAs(browser, testInfo, 'reviewer');
    await page.goto('/knowledge?view=review');
    await page.getByRole('link', { name: 'Review Payments FAQ' }).click();
    const v1 = page.getByRole('listitem', { name: 'Version 1' });
    await v1.getByRole('button', { name: 'Approve version 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve version 1?' });
    await dialog.getByRole('button', { name: 'Approve version' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Serving version 1')).toBeVisible();
    await page.getByRole('link', { name: '← Knowledge' }).click();
    await page.getByRole('searchbox', { name: 'Search question' }).fill('Can I pay with an invoice?');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('list', { name: /Top results for/ }).getByRole('listitem').first()).toContainText('invoice within fourteen days');
    await context.close();
  });

  test('a crawl of a private address fails with its reason and offers a retry', async ({ browser }, testInfo) => {
    const { context, page } = await openAs(browser, testInfo, 'owner');
    await page.goto('/knowledge');
    await page.getByRole('button', { name: 'Crawl website' }).click();
    const dialog = page.getByRole('dialog', { name: 'Crawl a website' });
    await dialog.getByLabel('Start URL').fill('help.example.com');
    await dialog.getByLabel('Link depth').fill('9');
    await dialog.getByRole('button', { name: 'Start crawl' }).click();
    await expect(dialog.getByText('Enter a full http(s) address, e.g. https://help.example.com/docs/.')).toBeVisible();
    await expect(dialog.getByText('Link depth is a whole number from 0 to 5.')).toBeVisible();
    // The worker refuses loopback and private ranges (SSRF) unless an operator allows them.
    await dialog.getByLabel('Start URL').fill('http://127.0.0.1:9/docs/');
    await dialog.getByLabel('Link depth').fill('1');
    await dialog.getByRole('button', { name: 'Start crawl' }).click();
    await expect(dialog).toBeHidden();

    const crawls = page.getByRole('list', { name: 'Website crawls' });
    const row = crawls.getByRole('listitem').filter({ hasText: 'http://127.0.0.1:9/docs/' });
    await expect(row.getByText('Failed', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(row).toContainText('only public hosts are allowed');
    await row.getByRole('button', { name: 'Retry crawl of http://127.0.0.1:9/docs/' }).click();
    await expect(row.getByText('Failed', { exact: true })).toBeVisible({ timeout: 30_000 });
    await context.close();
  });

  test('the owner re-embeds with another embedder and language, watching the progress bar; search still finds the FAQ', async ({ browser }, testInfo) => {
    const { context, page } = await openAs(browser, testInfo, 'owner');
    await page.goto('/knowledge');
    await page.getByRole('button', { name: 'Change or re-embed' }).click();
    await page.getByLabel('Dimensions').selectOption('768');
    await page.getByLabel('Full-text language').selectOption('german');
    await page.getByRole('button', { name: 'Re-embed', exact: true }).click();

    const index = page.getByRole('region', { name: 'Search index' });
    await expect(page.getByText('Last re-indexed')).toBeVisible({ timeout: 60_000 });
    await expect(index.getByRole('progressbar')).toHaveCount(0);
    const seen = await progressSeen(page, 'Re-indexing knowledge');
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    await expect(index).toContainText('768');
    await expect(index).toContainText('German');
    await index.scrollIntoViewIfNeeded();
    await index.screenshot({ path: `${SCREENSHOTS}console-knowledge-index.png` });

    await page.getByRole('searchbox', { name: 'Search question' }).fill('Which credit cards are accepted?');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('list', { name: /Top results for/ }).getByRole('listitem').first()).toContainText('Visa, Mastercard');
    await context.close();
  });
});
