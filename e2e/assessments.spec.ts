import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// A victim of anti-social behaviour from screening to review: the VICTIM screening has one "yes",
// so the profile is flagged and the officer is reminded to do the full matrix today; the matrix
// scores High and the officer adjusts it with reasons; their sergeant approves it from another
// desk; the profile shows High. A review (the completion date cannot be faked, so it is made now,
// with the answers of a month on) scores Medium, and the comparison shows both.

const stamp = Date.now().toString(36);
const victim = { firstName: 'Morag', lastName: `Assessed${stamp}` };
const victimName = `${victim.firstName} ${victim.lastName}`;

/** The line beside "Save draft" once a save has gone through. */
const savedLine = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved at \d{2}:\d{2}$/ });

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

/** A London calendar day some days from now, as a date input takes it. */
function londonDay(daysAhead: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() + daysAhead * 86_400_000));
}

/** Chooses an answer to a question asked as radios (yes/no, one choice, a rating). */
async function answer(scope: Page | Locator, question: string, option: string) {
  await scope.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true }).check();
}

const matrixHigh: [string, string][] = [
  ['Other than this occasion - how often do you have problems?', 'Daily'], // 5
  ['Do you think that incidents are happening more often and / or are getting worse?', 'Yes'], // 2
  ['Do you know the offender(s)?', 'Know each other well'], // 2
  ['Do you live close to the offender(s) or location of the incident?', 'Yes'], // 2
  ['Is anyone in particular being specifically targeted by this behaviour?', 'You'], // 3
  ['Is there any reason why you might be targeted eg your faith, nationality, ethnicity, sexuality, gender identity or disability?', 'Yes'], // 3
  ['Do you feel intimidated or harassed by the offender (or their associates)?', 'Currently being harassed by the offender'], // 6
  ['How have you been affected by what has happened?', 'Affected physical or mental health'], // 6
  ['Are any children within your household affected?', 'Yes (Consider safeguarding referral)'], // 2
  ['In addition to what has happened, do you feel that there is anything that is increasing the risk to you, or your household (eg financial, cultural, social)?', 'Yes'], // 3
  ['Do you have any family, friends or professionals to go to for support?', 'Lives alone and is isolated'], // 3
  ['Are any other agencies involved with this problem?', 'No'],
  ['Do you think anyone else has been affected by what has happened?', 'No'],
];

// A month on: the harassment has stopped and she is less affected; 37 - 6 - 4 - 2 = 25.
const matrixMonthLater: [string, string][] = [
  ['Other than this occasion - how often do you have problems?', 'Most weeks'],
  ['Do you feel intimidated or harassed by the offender (or their associates)?', 'No'],
  ['How have you been affected by what has happened?', 'Changed routine or avoid locations'],
];

test('a VICTIM screening flags the profile; the matrix scores High, is adjusted and approved; a review scores Medium', async ({ page, browser, checkA11y }, testInfo) => {
  test.setTimeout(240_000);
  const api = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await api.send('POST', '/profiles', { ...victim, reasonCreated: 'Reported harassment by a neighbour', confirmNoDuplicate: true })) as { id: string };
  await api.dispose();

  // The screening, from the profile: one "yes" of six.
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${profile.id}`);
  await page.getByRole('tab', { name: 'Work' }).click();
  const section = page.getByRole('region', { name: 'Assessments' });
  await expect(section.getByText('No assessments have been completed on this profile.')).toBeVisible();
  await checkA11y(page);
  await section.getByRole('button', { name: 'Start an assessment' }).click();
  await expect(page.getByRole('menuitem').first()).toHaveText('VICTIM screening');
  // The open menu holds only its items (axe: aria-required-children).
  await checkA11y(page);
  await page.getByRole('menuitem', { name: 'VICTIM screening', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'VICTIM screening' })).toBeVisible();
  await expect(page.getByText('made with version 1 of the template')).toBeVisible();
  await expect(page.getByText('See Derbyshire definition of Vulnerable')).toBeVisible();

  // Completing with answers missing marks each one and goes to the first.
  await answer(page, 'Vulnerable victim?', 'Yes');
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '5 answers need attention' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Increasing severity or frequency of ASB incidents?' }).getByRole('radio', { name: 'Yes' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 1' })).toContainText('Complete the ASB Risk Assessment Matrix today');
  await checkA11y(page);
  for (const question of ['Increasing severity or frequency of ASB incidents?', 'Coping strategies failing?', 'Targeted anti-social behaviour?', 'Impact on quality of life?', 'Multi-agency involvement?']) {
    await answer(page, question, 'No');
  }
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(savedLine(page)).toBeVisible();
  // The server refuses a review date in the past, at the field.
  await page.getByLabel('Review by').fill(londonDay(-1));
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The review date must be a date after today' })).toBeVisible();
  await expect(page.getByLabel('Review by')).toBeFocused();
  await page.getByLabel('Review by').fill('');
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result).toContainText('Full risk assessment required');
  await expect(result).toContainText('Complete the ASB Risk Assessment Matrix today');
  await checkA11y(page);

  // The profile is flagged, and the officer has a reminder due today.
  await page.getByRole('link', { name: victimName }).click();
  const flag = page.getByRole('alert').filter({ hasText: 'Full risk assessment required: Complete the ASB Risk Assessment Matrix today' });
  await expect(flag).toBeVisible();
  await checkA11y(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reminders' }).click();
  await expect(page.getByRole('article', { name: 'Complete the ASB Risk Assessment Matrix today' })).toBeVisible();

  // The matrix, from the flag: High.
  await page.goto(`/profiles/${profile.id}`);
  await flag.getByRole('button', { name: 'Start the ASB Risk Assessment Matrix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASB Risk Assessment Matrix' })).toBeVisible();
  for (const [question, option] of matrixHigh) await answer(page, question, option);
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 37' })).toContainText('High');
  await page.getByRole('button', { name: 'Ask another team: Do you know the offender(s)?' }).click();
  await expect(page.getByText('Ask another team about: Do you know the offender(s)?')).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('Review by').fill(londonDay(30));
  await page.getByLabel('Adjust the score with my professional judgement').check();
  await page.getByLabel(/^Adjusted score/).fill('42');
  await page.getByLabel(/^Reasons for the adjustment/).fill('Offender released from custody last week and has threatened her again.');
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(page.getByRole('region', { name: 'Adjusted score' })).toContainText('Waiting for a supervisor');
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Score 37');
  await checkA11y(page);
  const matrixUrl = page.url();

  // The sergeant, at another desk, approves; the officer's screen shows it without a reload.
  const lead = await otherBrowser(browser, testInfo);
  await openAs(lead, DEMO_USERS.policeLead);
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
  await lead.getByRole('tab', { name: 'Awaiting my approval' }).click();
  await expect(lead.getByRole('row', { name: new RegExp(victimName) })).toContainText('Awaiting approval');
  await checkA11y(lead);
  await lead.getByRole('row', { name: new RegExp(victimName) }).getByRole('link', { name: 'ASB Risk Assessment Matrix' }).click();
  await expect(lead.getByText('Offender released from custody last week')).toBeVisible();
  await checkA11y(lead);
  await lead.getByLabel('Note for the assessor').fill('Agreed: treat as high.');
  await lead.getByRole('button', { name: 'Approve' }).click();
  await expect(lead.getByRole('region', { name: 'Adjusted score' })).toContainText('Approved');
  await expect(page.getByRole('region', { name: 'Adjusted score' })).toContainText('Approved', { timeout: 5000 });
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Score 42');
  await lead.context().close();

  // The profile shows High, the flag has gone, and the matrix is listed with both scores.
  await page.getByRole('link', { name: victimName }).click();
  await expect(page.getByText('High risk')).toBeVisible();
  await expect(flag).toBeHidden();
  await page.getByRole('tab', { name: 'Work' }).click();
  const row = page.getByRole('region', { name: 'Assessments' }).getByRole('row', { name: /ASB Risk Assessment Matrix/ });
  await expect(row).toContainText('Score 42');
  await expect(row).toContainText('adjusted from 37');

  // A month on: the review starts from the last answers; only the changes are entered.
  await page.goto(matrixUrl);
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 37' })).toBeVisible();
  for (const [question, option] of matrixMonthLater) await answer(page, question, option);
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 25' })).toContainText('Medium');
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Medium');
  await expect(page.getByRole('link', { name: 'the earlier assessment' })).toBeVisible();

  await page.getByRole('link', { name: 'Compare reviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Compare reviews/ })).toBeVisible();
  // Oldest first: the adjusted High, then the review's Medium.
  await expect(page.getByRole('row', { name: /Final score and band/ })).toContainText(/42\s*High\s*25\s*Medium/);

  await page.goto(`/profiles/${profile.id}?section=work`);
  await expect(page.getByText('Medium risk')).toBeVisible();
  // The timeline tells everyone who can open the profile what was assessed, newest first.
  const entries = page.getByRole('list', { name: 'Timeline entries, newest first' });
  const review = entries.getByRole('listitem').filter({ hasText: 'ASB Risk Assessment Matrix review completed' });
  await expect(review).toContainText('Score 25');
  await expect(review).toContainText('Medium');
  await expect(entries.getByRole('listitem').filter({ hasText: /^ASB Risk Assessment Matrix completed/ })).toContainText('Adjusted with professional judgement');
  await checkA11y(page);
  await review.screenshot({ path: testInfo.outputPath('timeline-assessment.png') });
  await expect(page.getByRole('region', { name: 'Assessments' }).getByText('Risk level history')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
  await page.getByRole('tab', { name: 'Completed by me' }).click();
  await expect(page.getByRole('row', { name: new RegExp(victimName) }).first()).toBeVisible();
  await checkA11y(page);
});

test('a team finishes a Wheel draft together: ratings by keyboard, a colleague saving first, asking another team', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = testInfo.project.use.baseURL!;
  const officer = await apiAs(baseURL, DEMO_USERS.police);
  const person = { firstName: 'Wyn', lastName: `Wheel${stamp}` };
  const profile = (await officer.send('POST', '/profiles', { ...person, reasonCreated: 'Referred to the IOM scheme', confirmNoDuplicate: true })) as { id: string };
  const draft = (await officer.send('POST', '/assessments', { template: 'wheel', subject: { type: 'profile', id: profile.id }, answers: { 'wheel-accommodation': 4 } })) as { id: string; version: number };

  await openAs(page, DEMO_USERS.police);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
  await expect(page.getByRole('tab', { name: 'My team’s drafts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Awaiting my approval' })).toHaveCount(0);
  const row = page.getByRole('row', { name: new RegExp(`${person.firstName} ${person.lastName}`) });
  await checkA11y(page);
  await row.getByRole('link', { name: 'Wheel assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wheel assessment' })).toBeVisible();
  const education = page.getByRole('radiogroup', { name: 'Education, training and employment' });
  await expect(education).toBeVisible();

  // A colleague saves the same draft while it is open here.
  const lead = await apiAs(baseURL, DEMO_USERS.policeLead);
  await lead.send('PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'wheel-health': 7 } });
  await lead.dispose();

  // A rating is a row of radios: arrow keys move along it.
  await education.getByRole('radio', { name: '5', exact: true }).check();
  await page.keyboard.press('ArrowRight');
  await expect(education.getByRole('radio', { name: '6', exact: true })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 10' })).toBeVisible();

  // Saving once the officer pauses finds the colleague's save: nothing is lost, answer by answer,
  // and nothing more is saved until the officer chooses.
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this record since you opened it' });
  await expect(conflict.getByRole('row', { name: /Health/ })).toContainText('7 out of 10');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: someone in your team saved this draft first.' })).toBeVisible();
  await checkA11y(page);
  await conflict.getByRole('button', { name: 'Put my changes on top of theirs' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Health' }).getByRole('radio', { name: '7', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(savedLine(page)).toBeVisible();
  const saved = (await officer.get(`/assessments/${draft.id}`)) as { answers: Record<string, number> };
  expect(saved.answers).toEqual({ 'wheel-accommodation': 4, 'wheel-education': 6, 'wheel-health': 7 });

  // The housing team knows about the tenancy: ask them, from the question.
  await page.getByRole('button', { name: 'Ask another team: Accommodation' }).click();
  const ask = page.locator('form').filter({ hasText: 'Ask another team about: Accommodation' });
  const team = ask.getByRole('combobox', { name: 'Team' });
  await team.click();
  await team.fill('Tenancy');
  await page.getByRole('option', { name: 'Tenancy team (Demo Housing Association)' }).click();
  await ask.getByLabel(/^Needed by/).fill(londonDay(7));
  await ask.getByLabel(/^What you need/).fill('Is the tenancy at risk?');
  await checkA11y(page);
  await ask.getByRole('button', { name: 'Send the request' }).click();
  const request = page.getByRole('link', { name: /^From Tenancy team \(Demo Housing Association\), due/ });
  await expect(request).toBeVisible();
  await expect(page.getByText('Waiting to be accepted')).toBeVisible();

  // Thrown away, after asking: back on the profile with no draft left.
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${person.firstName} ${person.lastName}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Work' }).click();
  await expect(page.getByRole('region', { name: 'Assessments' }).getByText('No assessments have been completed on this profile.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Assessments' }).getByText('Work in progress')).toHaveCount(0);
  await officer.dispose();
});

test('answers not yet saved when a teammate completes the draft are kept on screen, in words', async ({ page, checkA11y }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const officer = await apiAs(baseURL, DEMO_USERS.police);
  const person = { firstName: 'Una', lastName: `Unsaved${stamp}` };
  const profile = (await officer.send('POST', '/profiles', { ...person, reasonCreated: 'Referred to the IOM scheme', confirmNoDuplicate: true })) as { id: string };
  const draft = (await officer.send('POST', '/assessments', { template: 'wheel', subject: { type: 'profile', id: profile.id } })) as { id: string; version: number };
  await officer.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/assessments/${draft.id}`);
  // The officer's connection drops as they rate Health, so the rating is not saved.
  const patches = '**/api/v1/assessments/*';
  await page.route(patches, (route) => (route.request().method() === 'PATCH' ? route.abort() : route.fallback()));
  await page.getByRole('radiogroup', { name: 'Health' }).getByRole('radio', { name: '3', exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: Concord could not be reached.' })).toBeVisible();

  // The sergeant, at another desk, rates every pathway and completes it first.
  const lead = await apiAs(baseURL, DEMO_USERS.policeLead);
  const ratings = ['accommodation', 'education', 'health', 'drugs-alcohol', 'finance', 'children-families', 'attitudes'];
  const saved = (await lead.send('PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: Object.fromEntries(ratings.map((k) => [`wheel-${k}`, 8])) })) as { version: number };
  await lead.send('POST', `/assessments/${draft.id}/complete`, { version: saved.version });
  await lead.dispose();

  const notice = page.getByRole('alert').filter({ hasText: 'Completed while you were editing' });
  await expect(notice.getByRole('list', { name: 'Your answers that were not saved' })).toHaveText('Health: 3 out of 10');
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await checkA11y(page);

  // Carried into a review, back online: the sergeant's ratings, with the officer's own on top.
  await page.unroute(patches);
  await notice.getByRole('button', { name: 'Start a review with these answers' }).click();
  await expect(page.getByRole('link', { name: 'the earlier assessment' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Health' }).getByRole('radio', { name: '3', exact: true })).toBeChecked();
  await expect(page.getByRole('radiogroup', { name: 'Finance, benefit and debt' }).getByRole('radio', { name: '8', exact: true })).toBeChecked();
  await expect(page.getByText('All changes are saved.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Completed while you were editing' })).toHaveCount(0);
});

test('a family assessment lists the family from the profile and takes one answer per member', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const officer = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const mother = (await officer.send('POST', '/profiles', { firstName: 'Jo', lastName: `Family${stamp}`, reasonCreated: 'Troubled families referral', confirmNoDuplicate: true })) as { id: string };
  const son = (await officer.send('POST', '/profiles', { firstName: 'Alfie', lastName: `Family${stamp}`, reasonCreated: 'Troubled families referral', confirmNoDuplicate: true })) as { id: string };
  await officer.send('POST', `/profiles/${mother.id}/relationships`, { otherProfileId: son.id, kind: 'parent' });

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${mother.id}?section=work`);
  await page.getByRole('region', { name: 'Assessments' }).getByRole('button', { name: 'Start an assessment' }).click();
  await page.getByRole('menuitem', { name: 'Family assessment', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Family assessment' })).toBeVisible();
  const crime = page.getByRole('group', { name: /Is this family member involved in crime or anti-social behaviour\?/ });
  await expect(crime.getByRole('row')).toHaveCount(3);
  await crime.getByRole('radio', { name: `Jo Family${stamp}: No` }).check();
  await crime.getByRole('radio', { name: `Alfie Family${stamp}: Anti-social behaviour` }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Score so far: 1' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(savedLine(page)).toBeVisible();
  const id = page.url().split('/').pop()!;
  const saved = (await officer.get(`/assessments/${id}`)) as { answers: Record<string, Record<string, string>> };
  expect(saved.answers['family-crime-asb']).toEqual({ [mother.id]: '0', [son.id]: '1' });

  // A case has its own assessments section, without a risk level history.
  const title = `Family support ${stamp}`;
  const created = (await officer.send('POST', '/cases', { caseType: 'ASB', title })) as { id: string };
  await officer.dispose();
  await page.goto(`/cases/${created.id}`);
  const section = page.getByRole('region', { name: 'Assessments' });
  await expect(section.getByText('No assessments have been completed on this case.')).toBeVisible();
  await expect(section.getByText('Risk level history')).toHaveCount(0);
  await checkA11y(page);
  await section.getByRole('button', { name: 'Start an assessment' }).click();
  await page.getByRole('menuitem', { name: 'VICTIM screening', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'VICTIM screening' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', `/cases/${created.id}`);
});

test('an assessment kept to its team shows only a stub to another agency that can open the profile', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const officer = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await officer.send('POST', '/profiles', { firstName: 'Rhiannon', lastName: `Shared${stamp}`, reasonCreated: 'Reported damage to her car', confirmNoDuplicate: true })) as { id: string };
  const organisations = (await officer.get('/organisations?limit=200')) as { items: { id: string; name: string }[] };
  const council = organisations.items.find((o) => o.name === 'Demo District Council');
  expect(council, 'the demo has Demo District Council').toBeTruthy();
  await officer.send('POST', `/profiles/${profile.id}/access`, { organisationId: council!.id, level: 'view' });
  const answers = Object.fromEntries(['vulnerable', 'increasing', 'coping', 'targeted', 'impact', 'multi-agency'].map((k) => [`victim-${k}`, 'no']));
  const screening = (await officer.send('POST', '/assessments', { template: 'victim-screening', subject: { type: 'profile', id: profile.id }, answers, visibility: 'team' })) as { id: string };
  await officer.send('POST', `/assessments/${screening.id}/complete`, {});
  await officer.dispose();

  await openAs(page, DEMO_USERS.council);
  await page.goto(`/profiles/${profile.id}?section=work`);
  const section = page.getByRole('region', { name: 'Assessments' });
  const row = section.getByRole('row', { name: /VICTIM screening/ });
  await expect(row).toContainText(/Restricted — ASB team, \d{1,2} \w{3} \d{4}/);
  await expect(row.getByRole('link')).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Start an assessment' })).toBeVisible();
  await checkA11y(page);

  await page.goto(`/assessments/${screening.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'VICTIM screening' })).toBeVisible();
  await expect(page.getByText('Restricted', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Result' })).toHaveCount(0);
  await checkA11y(page);
});

test('an assessor adjusts a completed matrix afterwards; the supervisor rejects it with a note', async ({ page, browser, checkA11y }, testInfo) => {
  test.setTimeout(150_000);
  const officer = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await officer.send('POST', '/profiles', { firstName: 'Idris', lastName: `Adjusted${stamp}`, reasonCreated: 'Reported intimidation', confirmNoDuplicate: true })) as { id: string };
  const answers = {
    'ram-frequency': '3', 'ram-worsening': 'yes', 'ram-knows-offender': '1', 'ram-lives-close': 'yes', 'ram-targeted': '3', 'ram-targeted-reason': 'no',
    'ram-intimidated': '4', 'ram-affected': '2', 'ram-children': 'no', 'ram-increasing-risk': 'no', 'ram-support': '1', 'ram-other-agencies': 'no', 'ram-others-affected': 'no',
  };
  const matrix = (await officer.send('POST', '/assessments', { template: 'asb-risk-matrix', subject: { type: 'profile', id: profile.id }, answers })) as { id: string };
  await officer.send('POST', `/assessments/${matrix.id}/complete`, {});
  await officer.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/assessments/${matrix.id}`);
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Score 18');
  await page.getByRole('button', { name: 'Adjust the score' }).click();
  await page.getByLabel(/^Adjusted score/).fill('31');
  await page.getByRole('button', { name: 'Save the adjustment' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('The reasons must not be blank');
  await checkA11y(page);
  await page.getByLabel(/^Reasons for the adjustment/).fill('He has a history of violence towards neighbours.');
  await page.getByRole('button', { name: 'Save the adjustment' }).click();
  await expect(page.getByRole('region', { name: 'Adjusted score' })).toContainText('Waiting for a supervisor');
  await expect(page.getByRole('button', { name: 'Adjust the score' })).toHaveCount(0);

  const lead = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' }).then((c) => c.newPage());
  await openAs(lead, DEMO_USERS.policeLead);
  await lead.goto(`/assessments/${matrix.id}`);
  await lead.getByLabel('Note for the assessor').fill('The history is old; keep the matrix score.');
  await lead.getByRole('button', { name: 'Reject' }).click();
  await expect(lead.getByRole('region', { name: 'Adjusted score' })).toContainText('Not approved');
  await lead.context().close();

  const adjusted = page.getByRole('region', { name: 'Adjusted score' });
  await expect(adjusted).toContainText('Not approved', { timeout: 5000 });
  await expect(adjusted).toContainText('The history is old; keep the matrix score.');
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Score 18');
  await expect(page.getByRole('region', { name: 'Result' })).toContainText('Medium');
  await checkA11y(page);
});
