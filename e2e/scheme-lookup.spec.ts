import { demoCardNumber } from '../src/server/db/seed/demo-schemes.ts';
import { DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// The Keep Safe Card: a responder flagged for look-up (the demo's ASB sergeant) finds a cardholder
// by the number on their card, giving a reason, and sees how to help them and whom to call; the
// scheme's administrator then sees that look-up on the register's list of look-ups.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const reason = `Found confused and alone at the bus station (${stamp})`;

test.beforeEach(() => test.setTimeout(120_000));

test('a responder looks up a card number', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.policeLead);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scheme look-up' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keep Safe Card look-up' })).toBeVisible();
  await checkA11y(page);

  // Typed as read from a worn card: lower case, with spaces.
  const typed = `${demoCardNumber.slice(0, 2)} ${demoCardNumber.slice(2, 6)} ${demoCardNumber.slice(6)}`.toLowerCase();
  await page.getByRole('textbox', { name: 'Card number' }).fill(typed);
  await page.getByLabel(/Why you are looking this person up/).fill(reason);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();

  const answer = page.getByRole('region', { name: 'Ellis' });
  await expect(answer).toBeVisible();
  await expect(answer.getByRole('heading', { level: 3, name: 'How to communicate' })).toBeVisible();
  await expect(answer).toContainText('Speak slowly and calmly');
  await expect(answer.getByRole('link', { name: '07700 900100' })).toHaveAttribute('href', 'tel:07700900100');
  // Neither the number nor the reason is in the address.
  await expect(page).toHaveURL(/\/scheme-lookup$/);
  await checkA11y(page);

  await answer.getByRole('button', { name: 'Look up another' }).click();
  await expect(page.getByRole('textbox', { name: 'Card number' })).toHaveValue('');
});

test('the scheme\'s administrator sees the look-up and the cardholder\'s card', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.policeAdmin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Keep Safe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keep Safe Card register' })).toBeVisible();
  await checkA11y(page);

  await page.getByRole('link', { name: 'Look-ups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keep Safe Card look-ups' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: reason });
  await expect(row).toContainText('Priya Shah');
  await expect(row).toContainText('Demo County Police');
  await checkA11y(page);

  await row.getByRole('link', { name: 'Ellis Ashby' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ellis Ashby' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Print card (PDF)' })).toHaveAttribute('href', /card\.pdf$/);
  await checkA11y(page);
});
