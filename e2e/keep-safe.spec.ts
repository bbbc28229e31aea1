import { DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// The Keep Safe Card from application to card: a parent applies for their son on the public form
// with no account; the scheme team (the police's organisation administrator, who works the
// Keep Safe scheme team's desk) takes it in as an application, checks it, approves it, issues the
// card and prints it.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const firstName = `Rowan${stamp}`;
const name = `${firstName} Applegarth`;
let reference = '';

test('a parent applies for a Keep Safe Card on the public form', async ({ page, checkA11y }) => {
  const styled = async () => {
    await page.waitForLoadState('load');
    await checkA11y(page);
  };
  await page.goto('/refer/keep-safe-card');
  await expect(page.getByRole('heading', { level: 1, name: 'Apply for a Keep Safe Card' })).toBeVisible();
  await expect(page).toHaveTitle('Apply for a Keep Safe Card – Apply for a Keep Safe Card');
  await styled();
  await page.getByRole('button', { name: 'Start now' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
  await page.getByLabel('Your full name').fill('Morwenna Applegarth');
  await page.getByLabel('Email address (optional)').fill('morwenna@example.test');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'About the person' })).toBeVisible();
  await expect(page.getByText('Tell us about the person the card is for.')).toBeVisible();
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name').fill('Applegarth');
  const born = page.getByRole('group', { name: 'Date of birth (optional)' });
  await born.getByLabel('Day').fill('3');
  await born.getByLabel('Month').fill('9');
  await born.getByLabel('Year').fill('1998');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'The application' })).toBeVisible();
  await page.getByRole('group', { name: 'Who is applying?' }).getByLabel('Their parent or guardian').check();
  // The parent's name and agreement are revealed inside "Yes", so this group holds two "No"s.
  await page.locator('input[name="q-under-16"][value="no"]').check();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'How to help them' })).toBeVisible();
  await page.getByLabel('What condition or disability should the emergency services know about?').fill('Autism');
  await page.getByLabel('How is it best to communicate with them?').fill('Speak calmly, one question at a time.');
  await page.getByRole('group', { name: 'Are they registered with the police disability contact line?' }).getByLabel('Yes', { exact: true }).check();
  await page.getByRole('group', { name: 'Should their condition be printed on the card?' }).getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'People to call' })).toBeVisible();
  await page.getByLabel('Name of the first person to call').fill('Morwenna Applegarth');
  await page.getByLabel('How do they know the person? (optional)').fill('Mother');
  await page.getByLabel('Their telephone number').fill('07700 900456');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending your application' })).toBeVisible();
  await expect(page.getByText(name)).toBeVisible();
  await styled();
  await page.getByLabel('I understand how the information will be used').check();
  await page.getByRole('button', { name: 'Send application' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Application sent' })).toBeVisible();
  await expect(page.getByText('We will contact you to take a photo for the card.')).toBeVisible();
  reference = (await page.getByText(/^RF-[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent()) ?? '';
  expect(reference).toMatch(/^RF-/);
  await styled();
});

test('the scheme team takes it in on the desk, checks, approves, issues and prints the card', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.policeAdmin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await page.getByRole('combobox', { name: 'Desk' }).click();
  await page.getByRole('option', { name: 'Keep Safe scheme' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Referral ${reference} New` })).toBeVisible();

  const next = page.getByRole('region', { name: 'What happens next' });
  await next.getByRole('button', { name: 'Decide' }).click();
  await next.getByRole('radio', { name: 'Take in as a Keep Safe Card application' }).check();
  await expect(next.getByRole('radio', { name: 'Create a new person from the referral' })).toBeChecked();
  await next.getByRole('textbox', { name: 'Reason' }).fill('Lives in the county and meets the scheme\'s criteria.');
  await checkA11y(page);
  await next.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Referral ${reference} Accepted` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decision' })).toContainText('Taken in as a Keep Safe Card application');

  await page.goto('/schemes/keep-safe/applications');
  await expect(page.getByRole('heading', { level: 1, name: 'Keep Safe Card applications' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: `Applegarth, ${firstName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Application: ${name}` })).toBeVisible();
  await expect(page.getByText('Speak calmly, one question at a time.')).toBeVisible();
  await checkA11y(page);

  for (const check of ['Identity checked', 'Consent to join the scheme given', 'Details confirmed with the applicant', 'Photo taken']) {
    const box = page.getByRole('checkbox', { name: check });
    // Each tick is saved at once, so the box shows it once the server has it.
    await box.click();
    await expect(box).toBeChecked();
    await expect(box).toBeEnabled();
  }
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('button', { name: 'Issue the card' }).click();
  const print = page.getByRole('link', { name: 'Print card (PDF)' });
  await expect(print).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Card issued' })).toBeVisible();
  await checkA11y(page);

  const pdf = await page.request.get((await print.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The cardholder on the register, with the card to print. (The profile itself is the scheme
  // team's; an organisation administrator does not open its records, so its Keep Safe panel is
  // the API tests' to check.)
  await page.getByRole('link', { name: 'Open the cardholder' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Print card (PDF)' })).toBeVisible();
  await checkA11y(page);
});
