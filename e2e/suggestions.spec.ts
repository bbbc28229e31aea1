import type { Browser, Page, TestInfo } from '@playwright/test';
import { DEMO_USERS, expect, openAs, test, type DemoUser } from './fixtures.ts';

// A police officer posts a suggestion; a council officer supports it; the partnership's system
// administrator answers it and marks it planned; the officer sees the answer and is told.

const title = `Print the week's tasks ${Date.now().toString(36)}`;

async function pageAs(browser: Browser, testInfo: TestInfo, who: DemoUser): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await openAs(page, who);
  return page;
}

const item = (page: Page) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });

test.beforeEach(() => test.setTimeout(150_000));

test('a suggestion is posted, supported, answered and marked planned, and its author sees the answer', async ({ page, browser, checkA11y }, testInfo) => {
  await openAs(page, DEMO_USERS.police);
  await page.getByRole('link', { name: 'Suggestions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Suggestions' })).toBeVisible();
  await page.getByRole('button', { name: 'Make a suggestion' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Your suggestion' }).fill('A printed list for the Monday briefing would save us copying it out.');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(item(page)).toBeVisible();
  await expect(item(page).getByText('Under review')).toBeVisible();
  await checkA11y(page);

  // Another officer supports it, once: the button is a toggle.
  const council = await pageAs(browser, testInfo, DEMO_USERS.council);
  await council.goto('/suggestions');
  const support = item(council).getByRole('button', { name: 'Support' });
  await expect(support).toHaveAttribute('aria-pressed', 'false');
  await support.click();
  await expect(support).toHaveAttribute('aria-pressed', 'true');
  await expect(item(council).getByText('1 person supports this')).toBeVisible();
  await checkA11y(council);
  await council.context().close();

  // The system administrator answers it and marks it planned.
  const admin = await pageAs(browser, testInfo, DEMO_USERS.admin);
  await admin.goto('/suggestions');
  await admin.getByRole('combobox', { name: 'Sort by' }).click();
  await admin.getByRole('option', { name: 'Most supported first' }).click();
  const theirs = item(admin);
  await theirs.getByRole('textbox', { name: 'Answer' }).fill('Good idea: we will add a printable task list in the spring.');
  await theirs.getByRole('button', { name: 'Save answer' }).click();
  await expect(theirs.getByText('Good idea: we will add a printable task list in the spring.')).toBeVisible();
  // The list is read again once the answer is saved; choose the status after that, not during it.
  await expect(admin.getByText('Answer saved: everyone in the partnership can read it.')).toBeVisible();
  await theirs.getByRole('combobox', { name: 'Status' }).click();
  await admin.getByRole('option', { name: 'Planned' }).click();
  await theirs.getByRole('button', { name: 'Change status' }).click();
  await expect(theirs.getByText('Planned', { exact: true }).first()).toBeVisible();
  await checkA11y(admin);
  await admin.context().close();

  // The author sees the answer and the status, and was told.
  await page.reload();
  await expect(item(page).getByText('Good idea: we will add a printable task list in the spring.')).toBeVisible();
  await expect(item(page).getByText('Planned', { exact: true })).toBeVisible();
  await expect(item(page).getByText('1 person supports this')).toBeVisible();
  await page.goto('/notifications');
  await expect(page.getByText('A suggestion you made has been answered.').first()).toBeVisible();
  await checkA11y(page);
});
