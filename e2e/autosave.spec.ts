import type { Page } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Work is never lost: an assessment saves itself once the officer pauses, so a reload (or a
// crash, or a dropped connection put right) finds the answers there; leaving straight after an
// answer saves it on the way; a save that failed asks before the page is left. The long forms
// that save only on request ask before they are left.

const stamp = Date.now().toString(36);

/** Chooses an answer to a question asked as radios. */
async function answer(page: Page, question: string, option: string) {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true }).check();
}

async function expectAnswered(page: Page, question: string, option: string) {
  await expect(page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true })).toBeChecked();
}

const halfDone: [string, string][] = [
  ['Other than this occasion - how often do you have problems?', 'Daily'], // 5
  ['Do you think that incidents are happening more often and / or are getting worse?', 'Yes'], // 2
  ['Do you know the offender(s)?', 'Know each other well'], // 2
];
const livesClose = 'Do you live close to the offender(s) or location of the incident?';
const targeted = 'Is anyone in particular being specifically targeted by this behaviour?';

/** A form field by its label, with or without a required-field asterisk. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

test('a half-done matrix survives a reload; leaving saves it first, and a failed save asks', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const person = { firstName: 'Nia', lastName: `Halfdone${stamp}` };
  const name = `${person.firstName} ${person.lastName}`;
  const api = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await api.send('POST', '/profiles', { ...person, reasonCreated: 'Reported harassment by a neighbour', confirmNoDuplicate: true })) as { id: string };
  await api.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${profile.id}?section=work`);
  await page.getByRole('region', { name: 'Assessments' }).getByRole('button', { name: 'Start an assessment' }).click();
  await page.getByRole('menuitem', { name: 'ASB Risk Assessment Matrix', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASB Risk Assessment Matrix' })).toBeVisible();
  await expect(page.getByText('All changes are saved.')).toBeVisible();

  // Some answers, and a pause: no "Save draft".
  for (const [question, option] of halfDone) await answer(page, question, option);
  const saved = page.getByRole('status').filter({ hasText: /^Saved at \d{2}:\d{2}$/ });
  await expect(saved).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 9' })).toBeVisible();
  await checkA11y(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'ASB Risk Assessment Matrix' })).toBeVisible();
  for (const [question, option] of halfDone) await expectAnswered(page, question, option);
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 9' })).toBeVisible();
  await expect(page.getByText('All changes are saved.')).toBeVisible();
  await checkA11y(page);

  // Leaving straight after an answer saves it on the way out, without asking.
  await answer(page, livesClose, 'Yes');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toHaveCount(0);
  await page.goBack();
  await expectAnswered(page, livesClose, 'Yes');

  // The connection drops: the save fails, says so, and leaving asks first.
  const patches = '**/api/v1/assessments/*';
  await page.route(patches, (route) => (route.request().method() === 'PATCH' ? route.abort() : route.fallback()));
  await answer(page, targeted, 'You');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: Concord could not be reached.' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(dialog).toBeHidden();

  // Back online, Retry saves it.
  await page.unroute(patches);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(saved).toBeVisible();
  await page.reload();
  await expectAnswered(page, livesClose, 'Yes');
  await expectAnswered(page, targeted, 'You');
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 14' })).toBeVisible();
});

test('a half-filled case or location asks before it is left, and staying keeps what was typed', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });

  await page.goto('/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Add a case' })).toBeVisible();
  await field(page, 'Title').fill(`Noise from No. 12 ${stamp}`);
  await nav.getByRole('link', { name: 'Locations' }).click();
  await expect(dialog).toBeVisible();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(field(page, 'Title')).toHaveValue(`Noise from No. 12 ${stamp}`);

  await nav.getByRole('link', { name: 'Locations' }).click();
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locations' })).toBeVisible();

  await page.goto('/locations/new');
  await field(page, 'Address line 1').fill(`12 Mill Lane ${stamp}`);
  await nav.getByRole('link', { name: 'Cases' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(field(page, 'Address line 1')).toHaveValue(`12 Mill Lane ${stamp}`);

  // Cancel is leaving on purpose: no question.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locations' })).toBeVisible();
});
