import { request, type Locator, type Page } from '@playwright/test';
import { DEMO_USERS, expect, fillDate, openAs, resizeTo, test } from './fixtures.ts';

// Referrals and triage, as the seeds ask for them: a member of the public sends a concern through
// the council's online form with no account, and it lands on the community safety team's desk,
// where Jo triages it into a new case that already holds the person, the referral as its first
// report and the VICTIM screening as a completed assessment: nothing keyed twice. A referral taken
// by phone is keyed onto the same desk and declined; a team administrator builds a form of their
// own and publishes it.

const stamp = Date.now().toString(36);

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

/** Picks from a select: open it, then choose the option. */
async function choose(scope: Page | Locator, page: Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface Question {
  key: string;
  text: string;
  kind: string;
  options: { value: string }[];
  scale: { min: number } | null;
  condition: { questionKey: string; values: string[] } | null;
}

/**
 * Answers every question the form asks, in order: the first option of each choice (so a "yes"
 * opens the questions that follow it), the concern in words.
 */
function answersFor(sections: { questions: Question[] }[], concern: string): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of sections.flatMap((s) => s.questions)) {
    if (q.condition) {
      const given = answers[q.condition.questionKey];
      const values = Array.isArray(given) ? given : [given];
      if (!values.some((v) => q.condition!.values.includes(String(v)))) continue;
    }
    if (q.kind === 'yes_no' || q.kind === 'single_choice') answers[q.key] = q.options[0]!.value;
    else if (q.kind === 'multiple_choice') answers[q.key] = [q.options[0]!.value];
    else if (q.kind === 'scale') answers[q.key] = q.scale?.min ?? 1;
    else if (q.kind === 'number') answers[q.key] = 2;
    else if (q.kind === 'date') answers[q.key] = '2026-01-05';
    else if (q.kind === 'text') answers[q.key] = concern;
  }
  return answers;
}

test('a concern sent online is triaged into a new case that already holds the person, the report and the assessment', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const person = { firstName: 'Wren', lastName: `Referral${stamp}` };
  const name = `${person.firstName} ${person.lastName}`;
  const concern = `Youths kicking the door of flat 4 every night ${stamp}`;

  // A neighbour sends the council's form with no account at all.
  const visitor = await request.newContext({ baseURL: testInfo.project.use.baseURL });
  const form = (await (await visitor.get('/api/v1/public/referral-forms/asb-concern')).json()) as { definition: { sections: { questions: Question[] }[] } };
  const sent = await visitor.post('/api/v1/public/referral-forms/asb-concern/submissions', {
    data: {
      referrer: { name: 'Dee Neighbour', phone: '07700 900123', relationship: 'Lives next door' },
      subject: { ...person, dateOfBirth: '1984-05-06', address: { addressLine1: '4 Larch Court', town: 'Newark', postcode: 'NG24 1AB' } },
      answers: answersFor(form.definition.sections, concern),
      consent: true,
    },
  });
  expect(sent.status(), await sent.text()).toBe(202);
  const { reference } = (await sent.json()) as { reference: string };
  await visitor.dispose();
  // The form asks the VICTIM screening's questions; its first is shown, and written up, in words.
  const firstQuestion = form.definition.sections[0]!.questions[0]!.text;

  // Jo, the council's ASB coordinator, finds it on her team's desk.
  await openAs(page, DEMO_USERS.council);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
  await expect(row).toContainText(name);
  await expect(row).toContainText('Online form');
  await expect(row).toContainText('New');
  await expect(row).toContainText(/ago|Just now/);
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('desk-1366.png'), fullPage: true });

  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Referral ${reference} New` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The person' })).toContainText('6 May 1984');
  await expect(page.getByRole('region', { name: 'Who referred them' })).toContainText('Dee Neighbour');
  await expect(page.getByRole('region', { name: 'The concern' })).toContainText(`${firstQuestion}Yes`);
  await expect(page.getByRole('region', { name: 'Likely matches' })).toContainText(/already on Concord/);
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('referral-1366.png'), fullPage: true });
  await resizeTo(page, 390, 844);
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('referral-390.png'), fullPage: true });
  await resizeTo(page, 1366, 900);

  // She takes it on, which starts its triage, and notes what she did.
  const assigned = page.getByRole('region', { name: 'Assigned to' });
  await assigned.getByRole('button', { name: 'Assign to me' }).click();
  await expect(assigned.getByRole('status')).toContainText('You (Jo Evans)');
  await expect(page.getByRole('heading', { level: 1, name: `Referral ${reference} In triage` })).toBeVisible();
  const notes = page.getByRole('region', { name: 'Notes' });
  await field(notes, 'Add a note').fill('Rang the housing officer: two earlier complaints about the same flat.');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('list', { name: 'Notes' })).toContainText('two earlier complaints');

  // She accepts it into a new ASB case, the person made from the referral.
  const next = page.getByRole('region', { name: 'What happens next' });
  await next.getByRole('button', { name: 'Decide' }).click();
  await next.getByRole('radio', { name: 'Accept into a new case' }).check();
  await choose(next, page, 'Case type', 'ASB');
  await expect(next.getByRole('radio', { name: 'Create a new person from the referral' })).toBeChecked();
  await field(next, 'Reason').fill('Repeat ASB at the same address: needs a case.');
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('decide-1366.png'), fullPage: true });
  await next.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Referral ${reference} Accepted` })).toBeVisible();
  const decision = page.getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('Accepted into a new case');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Accepted');

  // The case holds the person and the referral as its first report; the person, the screening.
  await decision.getByRole('link', { name: 'Open the case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ASB');
  await expect(page.getByRole('region', { name: 'People' })).toContainText(name);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(reference);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(firstQuestion);
  await checkA11y(page);
  await page.getByRole('region', { name: 'People' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('tab', { name: 'Work' }).click();
  await expect(page.getByRole('region', { name: 'Assessments' })).toContainText(/VICTIM/);
  await expect(page.getByRole('region', { name: 'Assessments' })).toContainText(/Completed/i);
});

test('a referral taken by phone is keyed onto the desk and declined, and the figures count it', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(90_000);
  const lastName = `Caller${stamp}`;
  await openAs(page, DEMO_USERS.council);
  await page.goto('/referrals');
  await page.getByRole('link', { name: 'Key in a referral' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Key in a referral' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Phone' })).toBeChecked();
  const referrer = page.getByRole('group', { name: 'Who is referring' });
  await field(referrer, 'Referrer’s name').fill('Sam Shopkeeper');
  await field(referrer, 'How they know the person').fill('Runs the corner shop');
  const subject = page.getByRole('group', { name: 'The person it is about' });
  await field(subject, 'First name').fill('Ivo');
  await field(subject, 'Last name').fill(lastName);
  await fillDate(subject, 'Date of birth', '1999-11-30');
  await field(page, 'The concern').fill('Asked for help with a dispute over a parking space.');
  await page.getByRole('checkbox', { name: /The referrer agreed/ }).check();
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('key-in-1366.png'), fullPage: true });
  await page.getByRole('button', { name: 'Put it on the desk' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Referral RF-.* New$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The person' })).toContainText('30 Nov 1999');
  // Jo needs to know more first: the referrer gave no email, so she is told to ring them.
  const next = page.getByRole('region', { name: 'What happens next' });
  await next.getByRole('button', { name: 'Decide' }).click();
  await next.getByRole('radio', { name: 'Ask the referrer for more information' }).check();
  await expect(next.getByRole('alert').filter({ hasText: 'The referrer gave no email address' })).toBeVisible();
  await field(next, 'Question for the referrer').fill('Is the parking space on council land?');
  await field(next, 'Reason').fill('Need to know whose land it is.');
  await next.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Referral RF-.* Waiting for information$/ })).toBeVisible();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  await next.getByRole('button', { name: 'Record information received' }).click();
  await field(next, 'What they said').fill('It is a private car park behind the shops.');
  await checkA11y(page);
  await next.getByRole('button', { name: 'Record the information' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Referral RF-.* In triage$/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Questions to the referrer' })).toContainText('It is a private car park behind the shops.');

  await next.getByRole('button', { name: 'Decide' }).click();
  await next.getByRole('radio', { name: 'Decline' }).check();
  await next.getByRole('button', { name: 'Record the decision' }).click();
  await expect(next.getByRole('alert')).toContainText('Reason');
  await field(next, 'Reason').fill('A civil matter: not anti-social behaviour.');
  await next.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Referral RF-.* Declined$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decision' })).toContainText('A civil matter');

  // A decided referral can be taken back into triage: offered, not forced.
  await expect(page.getByRole('region', { name: 'What happens next' }).getByRole('button', { name: 'Reopen' })).toBeVisible();

  await page.getByRole('link', { name: 'Back to the desk' }).click();
  await choose(page, page, 'Status', 'Declined');
  await expect(page.getByRole('row').filter({ hasText: lastName })).toContainText('Phone');
  await page.getByRole('link', { name: 'Figures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral figures: Community Safety team' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Time from arrival to decision' }).getByRole('row', { name: /^Declined/ })).toHaveText(/^Declined[1-9]/);
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('figures-1366.png'), fullPage: true });
});

test('a team administrator builds a referral form with two questions and publishes it', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(90_000);
  const formName = `Report a noisy neighbour ${stamp}`;
  const slug = `noisy-neighbour-${stamp}`;
  await openAs(page, DEMO_USERS.policeLead);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Referral forms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral forms' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Report a concern about anti-social behaviour' })).toContainText('/refer/asb-concern');
  await checkA11y(page);

  await page.getByRole('link', { name: 'New referral form' }).click();
  await field(page, 'Name').fill(formName);
  await field(page, 'Web address').fill(slug);
  // The form starts with the concern; she adds a yes or no question after it.
  await expect(field(page, 'Wording of question 1')).toHaveValue('What is your concern?');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await field(page, 'Wording of question 2').fill('Is it happening now?');
  await page.getByRole('checkbox', { name: 'Question 2 must be answered' }).check();
  await expect(page.getByLabel(/^Score of option/)).toHaveCount(0);
  await page.getByRole('radio', { name: 'Published' }).check();
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('form-builder-1366.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create the form' }).click();

  await expect(page.getByRole('heading', { level: 1, name: formName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Questions' })).toContainText('Is it happening now?');
  await expect(page.getByRole('region', { name: 'Versions' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: `Copy the public link of ${formName}` })).toBeVisible();
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('form-1366.png'), fullPage: true });

  // Settings alone keep the version: she closes it again after checking the public page.
  await page.getByRole('link', { name: `Open the public page of ${formName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/refer/${slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: formName })).toBeVisible();
  await page.goBack();
  await page.getByRole('button', { name: 'Change the form' }).click();
  await page.getByRole('radio', { name: 'Closed' }).check();
  await page.getByRole('button', { name: 'Save the form' }).click();
  await expect(page.getByText(`${formName} saved.`)).toBeVisible();
  await expect(page.getByText('Closed', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Versions' }).getByRole('row')).toHaveCount(2);
});
