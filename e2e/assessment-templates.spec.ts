import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Templates, the question bank and statistics: a team admin adapts the family starter for their
// team, a practitioner's question reaches the bank through a curator, and the matrix's figures
// count a completed assessment and download as CSV.
test.describe.configure({ mode: 'serial' });
test.beforeEach(() => test.setTimeout(150_000));

const stamp = Date.now().toString(36);
const copyName = `Family assessment (ASB ${stamp})`;
const ownQuestion = `Has the family been offered a domestic abuse advocate (${stamp})?`;
const submitted = `Does the household feel safe at night (${stamp})?`;

const field = (scope: Page | Locator, label: string | RegExp) =>
  scope.getByLabel(typeof label === 'string' ? new RegExp(`^\\s*${label}\\s*\\*?\\s*$`) : label);

/** Opens a question's "Move to section" menu and chooses a section, all by keyboard. */
async function moveToSection(page: Page, question: Locator, section: string) {
  await question.getByRole('button', { name: /^Move to section: / }).focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menu').getByRole('menuitem', { name: section });
  await expect(item).toBeVisible();
  for (let presses = 0; presses < 5 && !(await item.evaluate((el) => el === document.activeElement)); presses += 1) await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
}

async function otherPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

test('a team admin copies the family assessment, adds a bank question, a conditional question and a band, and saves version 2', async ({ page, checkA11y }, testInfo) => {
  await openAs(page, DEMO_USERS.policeLead);
  await page.goto('/assessments/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment templates' })).toBeVisible();
  await expect(page.getByRole('row', { name: /VICTIM screening/ })).toContainText('Built in');
  await checkA11y(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('button', { name: 'Copy Family assessment', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy Family assessment' });
  await field(dialog, 'Name').fill(copyName);
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Copy template' }).click();
  await expect(page.getByRole('heading', { level: 1, name: copyName })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('ASB team');
  await checkA11y(page);

  await page.getByRole('button', { name: 'Edit template' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${copyName}` })).toBeVisible();

  await page.getByRole('button', { name: 'Add from the bank to The household' }).click();
  const bank = page.getByRole('dialog', { name: 'Add questions from the bank to The household' });
  await field(bank, 'Search the bank').fill('specifically targeted');
  await bank.getByRole('button', { name: /^Add “Is anyone in particular being specifically targeted/ }).click();
  await expect(bank.getByRole('button', { name: /^Add “Is anyone in particular being specifically targeted/ })).toHaveText('Added');
  await checkA11y(page);
  await page.keyboard.press('Escape');
  await expect(bank).toBeHidden();

  await page.getByRole('button', { name: 'Write your own question in The household' }).click();
  await field(page, /^Wording of question \d+/).fill(ownQuestion);
  await field(page, /^Wording of question \d+/).blur();
  const own = page.getByRole('listitem', { name: new RegExp(ownQuestion.replace(/[()?]/g, '\\$&')) });
  await own.getByRole('checkbox', { name: /must be answered/ }).check();
  await own.getByRole('combobox', { name: /only when/ }).click();
  await page.getByRole('option', { name: 'Is there domestic abuse in the household?' }).click();
  await own.getByRole('checkbox', { name: 'Yes' }).check();

  // Keyboard reordering: the new question moves up one place and back.
  await own.getByRole('button', { name: /^Move .* up$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Moved question \d+ up/ })).toBeAttached();
  await own.getByRole('button', { name: /^Move .* down$/ }).click();

  await page.getByRole('button', { name: 'Add a band' }).click();
  await field(page, 'Label of band 1').fill('Needs support');
  await field(page, 'Band 1 from').fill('0');
  await page.getByRole('button', { name: 'Add a band' }).click();
  await field(page, 'Label of band 2').fill('Needs a lead professional');
  await field(page, 'Band 2 from').fill('5');
  // Band 1 runs on "and above", so the two overlap: the engine says so at once.
  await expect(page.getByRole('alert').filter({ hasText: 'overlaps' })).toBeVisible();
  await field(page, 'Band 1 up to').fill('4');
  await expect(page.getByRole('alert').filter({ hasText: 'overlaps' })).toBeHidden();
  await checkA11y(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // By keyboard, the new question moves to the first section: above the question its condition
  // depends on, which the builder says in words and will not save; then to the last, where it fits.
  await moveToSection(page, own, 'Section 1: Each family member');
  await expect(page.getByRole('status').filter({ hasText: /to the end of section 1, Each family member: it is now question 4\. Its condition depends on question \d+, which now comes after it\./ })).toBeAttached();
  await expect(own).toBeFocused();
  expect((await own.boundingBox())!.y).toBeGreaterThanOrEqual(64); // below the sticky header
  await expect(own.getByRole('alert')).toHaveText(/^Its condition depends on question \d+ \(“Is there domestic abuse in the household\?”\), which now comes after it/);
  await expect(own.getByRole('checkbox', { name: /must be answered/ })).toBeChecked();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem with this template' })).toContainText('Section 1, question 4, condition: must depend on an earlier question');
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${copyName}` })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await moveToSection(page, own, "Section 3: In the family's words");
  await expect(page.getByRole('status').filter({ hasText: /to the end of section 3, In the family's words: it is now question \d+\.$/ })).toBeAttached();
  await expect(own).toBeFocused();
  expect((await own.boundingBox())!.y).toBeGreaterThanOrEqual(64); // below the sticky header
  await expect(own.getByRole('alert')).toBeHidden();
  await expect(page.getByRole('alert', { name: 'There is a problem with this template' })).toBeHidden();
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved as version 2' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: copyName })).toBeVisible();
  const main = page.getByRole('main');
  await expect(page.getByRole('listitem').filter({ hasText: 'Version 2 (shown)' })).toBeVisible();
  await expect(main).toContainText(ownQuestion);
  await expect(main).toContainText('Shown only when “Is there domestic abuse in the household?” is answered Yes.');
  await expect(main).toContainText('Is anyone in particular being specifically targeted');
  await expect(page.getByRole('row', { name: /Needs a lead professional/ })).toContainText('5 and above');
  const wordsSection = page.getByRole('region', { name: "In the family's words" });
  await expect(wordsSection.getByRole('listitem').filter({ hasText: ownQuestion })).toContainText('Required');
  await expect(page.getByRole('region', { name: 'The household' })).not.toContainText(ownQuestion);
  await checkA11y(page);

  await page.getByRole('link', { name: 'View version 1' }).click();
  await expect(page.getByText('This is version 1')).toBeVisible();
  await expect(main).not.toContainText(ownQuestion);
  await checkA11y(page);

  // Someone else saves a version while this admin edits: nothing is overwritten unseen.
  await page.getByRole('link', { name: 'View the current version' }).click();
  await page.getByRole('button', { name: 'Edit template' }).click();
  await field(page, 'Label of band 1').fill('Needs early help');
  const templateId = new URL(page.url()).pathname.split('/').at(-1)!;
  const colleague = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  const saved = (await colleague.get(`/assessment-templates/${templateId}`)) as Record<string, unknown> & { version: number; bands: { label: string }[] };
  const { sections, scoring, bands, thresholds, adjustment, setsRiskLevel, chart, family } = saved;
  await colleague.send('PATCH', `/assessment-templates/${templateId}`, {
    version: saved.version,
    definition: { sections, scoring, bands: bands.map((b, i) => (i === 1 ? { ...b, label: 'Needs a key worker' } : b)), thresholds, adjustment, setsRiskLevel, chart, family },
  });
  await colleague.dispose();
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('alert', { name: 'Someone saved this template (now version 3) since you opened it' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Keep my changes' }).click();
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved as version 4' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Needs early help/ })).toContainText('0 to 4');
});

test('a practitioner submits a question and a curator approves it into the bank', async ({ page, browser, checkA11y }, testInfo) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto('/assessments/question-bank');
  await expect(page.getByRole('heading', { level: 1, name: 'Question bank' })).toBeVisible();
  await checkA11y(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Submit a question' }).click();
  const dialog = page.getByRole('dialog', { name: 'Submit a question to the bank' });
  await field(dialog, 'Question').fill(submitted);
  await field(dialog, 'Topics').fill('housing, victim');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Submit question' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'submitted for a curator to approve' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: submitted })).toContainText('Submitted for the bank');

  const curator = await otherPage(browser, testInfo);
  await openAs(curator, DEMO_USERS.admin);
  await curator.goto('/assessments/question-bank');
  const waiting = curator.getByRole('region', { name: 'Submitted for approval' });
  await expect(waiting.getByRole('listitem').filter({ hasText: submitted })).toBeVisible();
  await checkA11y(curator);
  await waiting.getByRole('button', { name: `Approve “${submitted}”` }).click();
  await expect(curator.getByRole('status').filter({ hasText: 'The question is in the bank' })).toBeVisible();
  await expect(curator.getByRole('region', { name: 'In the bank and retired' }).getByRole('listitem').filter({ hasText: submitted })).toContainText('In the bank');
  await curator.context().close();

  // The practitioner's screen follows the change without a reload.
  await expect(page.getByRole('listitem').filter({ hasText: submitted })).toContainText('In the bank', { timeout: 5000 });
});

test('the matrix statistics count a completed assessment and download as CSV', async ({ page, checkA11y }, testInfo) => {
  const api = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await api.send('POST', '/profiles', {
    firstName: 'Stella', lastName: `Statistics${stamp}`, reasonCreated: 'Reported anti-social behaviour', confirmNoDuplicate: true,
  })) as { id: string };
  const matrix = (await api.get('/assessment-templates/asb-risk-matrix')) as { sections: { questions: { key: string; options: { value: string; score: number }[] }[] }[] };
  // The highest option of every question: a score of 30 or more, High.
  const answers = Object.fromEntries(matrix.sections.flatMap((s) => s.questions).map((q) => [q.key, [...q.options].sort((a, b) => b.score - a.score)[0]!.value]));
  const draft = (await api.send('POST', '/assessments', { template: 'asb-risk-matrix', subject: { type: 'profile', id: profile.id }, answers })) as { id: string };
  await api.send('POST', `/assessments/${draft.id}/complete`, {});
  await api.dispose();

  await openAs(page, DEMO_USERS.policeLead);
  await page.goto('/assessments/templates');
  await page.getByRole('link', { name: 'ASB Risk Assessment Matrix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASB Risk Assessment Matrix' })).toBeVisible();
  await expect(page.getByRole('row', { name: /High/ })).toContainText('30 and above');
  await checkA11y(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics: ASB Risk Assessment Matrix' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^High \d+$/ })).toBeVisible();
  const high = Number((await page.getByRole('row', { name: /^High \d+$/ }).getByRole('cell').textContent()) ?? '0');
  expect(high).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('img', { name: /Completed assessments by final band: .*High [1-9]/ })).toBeVisible();
  await checkA11y(page);

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  await field(page, 'From').fill(today);
  await field(page, 'Area').fill('not a postcode');
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Area must be the start of a postcode');
  await field(page, 'Area').fill('');
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}`));
  await expect(page.getByRole('row', { name: /^High \d+$/ })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await checkA11y(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('asb-risk-matrix-statistics.csv');
  const csv = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString('utf8')).toContain('High');
});

interface TemplateShape {
  sections: { questions: { key: string; kind: string; options: { value: string; score: number }[] }[] }[];
}

test('reviews compare side by side, as a line of scores and as a wheel of pathway ratings', async ({ page, checkA11y }, testInfo) => {
  const api = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await api.send('POST', '/profiles', {
    firstName: 'Colin', lastName: `Compare${stamp}`, reasonCreated: 'Reported anti-social behaviour', confirmNoDuplicate: true,
  })) as { id: string };
  const subject = { type: 'profile', id: profile.id };

  // A matrix scoring High, then a review whose answers score Medium (16 to 29).
  const matrix = (await api.get('/assessment-templates/asb-risk-matrix')) as TemplateShape;
  const questions = matrix.sections.flatMap((s) => s.questions);
  const highest = (q: TemplateShape['sections'][number]['questions'][number]) => [...q.options].sort((a, b) => b.score - a.score)[0]!;
  const lowest = (q: TemplateShape['sections'][number]['questions'][number]) => [...q.options].sort((a, b) => a.score - b.score)[0]!;
  const first = (await api.send('POST', '/assessments', { template: 'asb-risk-matrix', subject, answers: Object.fromEntries(questions.map((q) => [q.key, highest(q).value])) })) as { id: string };
  await api.send('POST', `/assessments/${first.id}/complete`, {});
  const medium: Record<string, string> = {};
  let score = questions.reduce((n, q) => n + lowest(q).score, 0);
  for (const q of questions) {
    const raised = score - lowest(q).score + highest(q).score;
    medium[q.key] = raised <= 29 && score < 16 ? highest(q).value : lowest(q).value;
    if (medium[q.key] === highest(q).value) score = raised;
  }
  expect(score).toBeGreaterThanOrEqual(16);
  const review = (await api.send('POST', `/assessments/${first.id}/review`)) as { id: string; version: number };
  await api.send('PATCH', `/assessments/${review.id}`, { version: review.version, answers: medium });
  await api.send('POST', `/assessments/${review.id}/complete`, {});

  // Two wheel assessments with the ratings rising.
  const wheel = (await api.get('/assessment-templates/wheel')) as TemplateShape;
  const pathways = wheel.sections.flatMap((s) => s.questions).map((q) => q.key);
  let lastWheel = '';
  for (const rating of [3, 7]) {
    const made = (await api.send('POST', '/assessments', { template: 'wheel', subject, answers: Object.fromEntries(pathways.map((key) => [key, rating])) })) as { id: string };
    await api.send('POST', `/assessments/${made.id}/complete`, {});
    lastWheel = made.id;
  }
  await api.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/assessments/${review.id}/compare`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare reviews: ASB Risk Assessment Matrix' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Final scores over time: .*\(High\), .*\(Medium\)\.$/ })).toBeVisible();
  const bands = page.getByRole('row', { name: /^Final score and band/ });
  await expect(bands).toContainText('High');
  await expect(bands).toContainText('Medium');
  await expect(page.getByRole('columnheader', { name: /^Review 2, / })).toBeVisible();
  await checkA11y(page);

  await page.goto(`/assessments/${lastWheel}/compare`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare reviews: Wheel assessment' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Wheel of 7 ratings over 2 reviews\. Latest, .*: Accommodation 7/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Key to the wheel' })).toContainText('(latest, solid line)');
  await expect(page.getByRole('row', { name: /^Accommodation/ })).toContainText('3 out of 10');
  await checkA11y(page);

  // On a phone the chart is redrawn at its real size and the table scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('img', { name: /^Wheel of 7 ratings/ })).toHaveAttribute('width', /^3\d\d$/);
  await checkA11y(page);
  await page.goto(`/assessments/${review.id}/compare`);
  await expect(page.getByRole('img', { name: /^Final scores over time/ })).toHaveAttribute('width', /^3\d\d$/);
  await checkA11y(page);
});
