import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// A supervisor's compliance view: the police ASB team's sergeant finds a victim with no risk
// assessment, completes the ASB Risk Assessment Matrix from the list, and sees the figure fall.
// Then report text in search, with the matched words marked, and a case's summary as a PDF.

const stamp = Date.now().toString(36);
// Early in the alphabet: the list is ordered by last name, so the victim is on its first page.
const victim = { firstName: 'Aled', lastName: `Abbott${stamp}` };
const victimName = `${victim.firstName} ${victim.lastName}`;
/** A word no other journey writes, so the search finds this report and no other. */
const marker = `moped${stamp}`;

/** Chooses an answer to a question asked as radios. */
async function answer(scope: Page | Locator, question: string, option: string) {
  await scope.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true }).check();
}

// Scores 13: Standard.
const matrixStandard: [string, string][] = [
  ['Other than this occasion - how often do you have problems?', 'Most months'],
  ['Do you think that incidents are happening more often and / or are getting worse?', 'Yes'],
  ['Do you know the offender(s)?', 'Yes'],
  ['Do you live close to the offender(s) or location of the incident?', 'Yes'],
  ['Is anyone in particular being specifically targeted by this behaviour?', 'You'],
  ['Is there any reason why you might be targeted eg your faith, nationality, ethnicity, sexuality, gender identity or disability?', 'No'],
  ['Do you feel intimidated or harassed by the offender (or their associates)?', 'No'],
  ['How have you been affected by what has happened?', 'Changed routine or avoid locations'],
  ['Are any children within your household affected?', 'No'],
  ['In addition to what has happened, do you feel that there is anything that is increasing the risk to you, or your household (eg financial, cultural, social)?', 'No'],
  ['Do you have any family, friends or professionals to go to for support?', 'A few people to draw on for support'],
  ['Are any other agencies involved with this problem?', 'No'],
  ['Do you think anyone else has been affected by what has happened?', 'No'],
];

/** The "No risk assessment" figure on the compliance page. */
async function noRiskAssessmentCount(page: Page): Promise<number> {
  const row = page.getByRole('row', { name: /^No risk assessment/ });
  await expect(row).toBeVisible();
  return Number(await row.getByRole('cell').first().innerText());
}

async function openCompliance(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  await page.getByRole('link', { name: 'Compliance', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compliance' })).toBeVisible();
}

// Alone: every journey that records a victim in the police ASB team moves this team's figures.
test('a supervisor finds a victim with no risk assessment, completes the matrix and sees the count fall', { tag: '@alone' }, async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(180_000);
  const lead = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  await lead.send('POST', '/profiles', { ...victim, roles: ['victim'], reasonCreated: 'Victim of ASB from the flat upstairs', confirmNoDuplicate: true });
  await lead.dispose();

  await openAs(page, DEMO_USERS.policeLead);
  await openCompliance(page);
  await expect(page.getByRole('table')).toContainText('ASB team, Demo County Police');
  await expect(page.getByText(/^Not updated in time means nothing recorded for \d+ days\.$/)).toBeVisible();
  const before = await noRiskAssessmentCount(page);
  expect(before).toBeGreaterThanOrEqual(1);
  await checkA11y(page);

  await page.getByRole('link', { name: new RegExp(`^Show ${before} records? \\(No risk assessment\\)$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'No risk assessment' })).toBeVisible();
  await expect(page.getByText('To put it right: Complete the ASB Risk Assessment Matrix.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(victimName) });
  await expect(row).toContainText('Victim');
  await expect(row).toContainText('No matrix completed');
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('compliance-list.png') });

  await row.getByRole('button', { name: `Start the risk assessment for ${victimName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASB Risk Assessment Matrix' })).toBeVisible();
  for (const [question, option] of matrixStandard) await answer(page, question, option);
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 13' })).toContainText('Standard');
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Standard');

  await openCompliance(page);
  await expect.poll(() => noRiskAssessmentCount(page)).toBe(before - 1);
  if (before > 1) {
    await page.getByRole('link', { name: /^Show \d+ records? \(No risk assessment\)$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'No risk assessment' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(victimName) })).toHaveCount(0);
  }
});

test('a supervisor shares a person as their case type expects, from the list, after confirming who gets what', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await apiAs(baseURL, DEMO_USERS.admin);
  const organisations = (await admin.get('/organisations?limit=200')) as { items: { id: string; name: string }[] };
  const housing = organisations.items.find((o) => o.name === 'Demo Housing Association')!;
  const caseType = `Estate patrol ${stamp}`;
  await admin.send('POST', '/lookups', { list: 'case_type', name: caseType, defaultSharing: [{ organisationId: housing.id, level: 'edit' }] });
  await admin.dispose();
  const lead = await apiAs(baseURL, DEMO_USERS.policeLead);
  const person = { firstName: 'Aoife', lastName: `Abbey${stamp}` };
  const personName = `${person.firstName} ${person.lastName}`;
  const profile = (await lead.send('POST', '/profiles', { ...person, roles: ['perpetrator'], reasonCreated: 'Named in reports of ASB on the estate', confirmNoDuplicate: true })) as { id: string };
  const kase = (await lead.send('POST', '/cases', { caseType, title: `Estate patrol on Larch Road ${stamp}` })) as { id: string };
  await lead.send('POST', `/cases/${kase.id}/profiles`, { profileId: profile.id, role: 'perpetrator' });
  await lead.dispose();

  await openAs(page, DEMO_USERS.policeLead);
  await page.goto('/insights/compliance');
  await page.getByRole('link', { name: /^Show \d+ records? \(Not shared as the case type expects\)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Not shared as the case type expects' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(personName) });
  await expect(row).toContainText('Everyone in Demo Housing Association: can view and edit');
  await row.getByRole('button', { name: `Share as the case type expects for ${personName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Share ${personName} as the case type expects` });
  await expect(dialog.getByRole('listitem')).toHaveText(['Everyone in Demo Housing Association: can view and edit']);
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${personName} is now shared with Everyone in Demo Housing Association.` })).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Records to put right' })).toBeFocused();

  await page.goto(`/profiles/${profile.id}`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download summary (PDF)' }).click();
  const file = await readFile((await (await downloading).path())!);
  expect(file.subarray(0, 4).toString('latin1')).toBe('%PDF');
});

test('the system administrator chooses any team; a practitioner is told they cannot see another team', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(90_000);
  const admin = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.admin);
  const teams = (await admin.get('/teams?limit=200')) as { items: { id: string; name: string; organisation: { name: string } }[] };
  const council = teams.items.find((t) => t.organisation.name === 'Demo District Council')!;
  await admin.dispose();

  await openAs(page, DEMO_USERS.admin);
  await page.goto('/insights/compliance');
  await page.getByRole('combobox', { name: 'Team' }).selectOption(`${council.name} (Demo District Council)`);
  await expect(page).toHaveURL(new RegExp(`teamId=${council.id}`));
  await expect(page.getByRole('table')).toContainText(`${council.name}, Demo District Council`);
  await checkA11y(page);

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/insights/compliance?teamId=${council.id}`);
  await expect(page.getByText('You cannot see this team’s compliance')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await checkA11y(page);
});

test('search finds a report by a word in its text and marks it; a case downloads its summary as a PDF', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const lead = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  const title = `Noise from the flats on Elm Row ${stamp}`;
  const kase = (await lead.send('POST', '/cases', { caseType: 'ASB', title })) as { id: string };
  await lead.send('POST', `/cases/${kase.id}/reports`, {
    reportType: 'visit',
    occurredAt: new Date().toISOString(),
    visibility: 'shared',
    body: `<p>Residents heard shouting from the flat and saw a ${marker} ridden across the green at night.</p>`,
  });
  await lead.dispose();

  await openAs(page, DEMO_USERS.policeLead);
  const searchBox = page.getByRole('search', { name: 'Records' }).getByRole('searchbox');
  // "shouted" finds "shouting": the search stems English words.
  await searchBox.fill(`${marker} shouted`);
  await searchBox.press('Enter');
  const reports = page.getByRole('region', { name: /^Reports/ });
  const found = reports.getByRole('listitem').filter({ hasText: title });
  await expect(found).toHaveCount(1);
  await expect(found.getByRole('link', { name: title })).toBeVisible();
  await expect(found).toContainText('Visit');
  await expect(found).toContainText('ASB team, Demo County Police');
  await expect(found.locator('mark').filter({ hasText: /^shouting$/ })).toHaveCount(1);
  await expect(found.locator('mark').filter({ hasText: marker })).toHaveCount(1);
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('search-reports.png') });

  await found.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}$`));
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download summary (PDF)' }).click();
  const download = await downloading;
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 4).toString('latin1')).toBe('%PDF');
});
