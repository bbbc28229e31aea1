import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// A member of the public, with no account, sends a referral on an old phone's screen: through
// every page of the demo's ASB form, with GOV.UK's script and without any, checking the pages
// with axe (error states included). On the domestic abuse form, "Exit this page" leaves at once.

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const weather = 'https://www.bbc.co.uk/weather';

type CheckA11y = (page: Page) => Promise<void>;

/**
 * Each page here is a whole document the server sends after a form post: its heading can be read
 * before the stylesheet has applied, so axe waits for the page's load (stylesheets included), or it
 * would measure unstyled links.
 */
const styled = (checkA11y: CheckA11y): CheckA11y => async (page) => {
  await page.waitForLoadState('load');
  await checkA11y(page);
};

/** Answers one question of the VICTIM screening. */
async function answer(page: Page, question: string, choice: 'Yes' | 'No') {
  await page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
}

async function sendAsbReferral(page: Page, checkA11y: CheckA11y, withScript: boolean) {
  const person = `Bartholomew${Date.now().toString(36)}${withScript ? 'js' : 'nojs'}`;
  await page.goto('/refer/asb-concern');
  await expect(page.getByRole('heading', { level: 1, name: 'Report a concern about anti-social behaviour' })).toBeVisible();
  await expect(page).toHaveTitle('Report a concern about anti-social behaviour – Make a referral');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Start now' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
  await page.getByLabel('Email address (optional)').fill('not an email');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle('Error: About you – Make a referral');
  await expect(summary.getByRole('link', { name: 'Enter your full name' })).toBeVisible();
  if (withScript) await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await checkA11y(page);
  await summary.getByRole('link', { name: 'Enter your full name' }).click();
  await expect(page.getByLabel('Your full name')).toBeFocused();
  await page.getByLabel('Your full name').fill('Winifred Neighbour');
  await page.getByLabel('Email address (optional)').fill('winifred.neighbour@example.test');
  await page.getByLabel('How do you know the person? (optional)').fill('I live next door');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'About the person' })).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('First name').fill(person);
  await page.getByLabel('Last name').fill('Example');
  const born = page.getByRole('group', { name: 'Date of birth (optional)' });
  await born.getByLabel('Day').fill('14');
  await born.getByLabel('Month').fill('7');
  await born.getByLabel('Year').fill('1958');
  await page.getByLabel('Address line 1', { exact: true }).fill('12 Willow Close');
  await page.getByLabel('Town or city').fill('Demo Town');
  await page.getByLabel('Postcode').fill('DE1 3CD');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'VICTIM' })).toBeVisible();
  await answer(page, 'Vulnerable victim?', 'Yes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'Select an answer to “Increasing severity or frequency of ASB incidents?”' })).toBeVisible();
  await checkA11y(page);
  await expect(page.getByRole('group', { name: 'Vulnerable victim?' }).getByLabel('Yes', { exact: true })).toBeChecked();
  await answer(page, 'Increasing severity or frequency of ASB incidents?', 'Yes');
  await answer(page, 'Coping strategies failing?', 'No');
  await answer(page, 'Targeted anti-social behaviour?', 'No');
  await answer(page, 'Impact on quality of life?', 'Yes');
  await answer(page, 'Multi-agency involvement?', 'No');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your concern' })).toBeVisible();
  await page.getByLabel(/What is your concern\?/).fill('Shouting and banging from next door every night.');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending your referral' })).toBeVisible();
  await expect(page.getByText('Shouting and banging from next door every night.')).toBeVisible();
  await expect(page.getByText(`${person} Example`)).toBeVisible();
  await expect(page.getByText('14 July 1958')).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('link', { name: 'Select that you understand how the information will be used' })).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('I understand how the information will be used').check();
  await page.getByRole('button', { name: 'Send referral' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
  await expect(page.getByText(/^RF-[0-9A-Z]{4}-[0-9A-Z]{4}$/)).toBeVisible();
  await checkA11y(page);
}

test.describe('a member of the public on a phone', () => {
  test.use(phone);

  test('sends a referral through every page, checks it and gets its reference', async ({ page, checkA11y }) => {
    const refused: string[] = [];
    page.on('console', (message) => { if (/Content.Security.Policy|Refused to/i.test(message.text())) refused.push(message.text()); });
    await sendAsbReferral(page, styled(checkA11y), true);
    // GOV.UK Frontend ran from our own origin, with nothing the Content-Security-Policy refused.
    await expect(page.locator('body')).toHaveClass(/govuk-frontend-supported/);
    expect(refused).toEqual([]);
  });

  test('leaves a sensitive form at once for a neutral site with "Exit this page"', async ({ page, checkA11y }) => {
    await page.route(`${weather}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>BBC Weather</title><h1>Weather</h1></html>' }));
    await page.goto('/refer/domestic-abuse');
    await expect(page.getByText('It does not clear your browsing history')).toBeVisible();
    await styled(checkA11y)(page);
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
    // The page's script marks the body as it starts, then takes over the button in the same task:
    // clicked before that (a slow machine), the button is still the plain link, which keeps history.
    await expect(page.locator('body')).toHaveClass(/govuk-frontend-supported/);
    await page.getByRole('button', { name: /Exit this page/ }).click();
    await expect(page).toHaveURL(weather);
    await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
    // The page left was replaced: Back does not return to what was being filled in.
    await page.goBack();
    await expect(page).not.toHaveURL(/about-you/);
  });
});

test.describe('a member of the public on a phone without JavaScript', () => {
  test.use({ ...phone, javaScriptEnabled: false });

  // axe runs inside the page, which cannot run it here: the same pages pass it with JavaScript above.
  test('sends a referral the same way', async ({ page }) => {
    await sendAsbReferral(page, async () => undefined, false);
    await expect(page.locator('body')).not.toHaveClass(/js-enabled/);
  });

  test('still leaves a sensitive form with "Exit this page", a plain link', async ({ page }) => {
    await page.route(`${weather}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>BBC Weather</title><h1>Weather</h1></html>' }));
    await page.goto('/refer/domestic-abuse');
    await page.getByRole('button', { name: /Exit this page/ }).click();
    await expect(page).toHaveURL(weather);
  });
});
