import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// A police officer starts the day on the home page: the task their sergeant set them is overdue,
// a screening they completed is due for review, and a person they follow was changed by the
// sergeant. Each panel names them, links to its full list, and reads well on a laptop and a phone.

const stamp = Date.now().toString(36);
const victimKeys = ['victim-vulnerable', 'victim-increasing', 'victim-coping', 'victim-targeted', 'victim-impact', 'victim-multi-agency'];

/** A date some days from today in London, as the API takes dates. */
function londonDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test('the practitioner\'s day shows an overdue task, a review due and a followed change', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL!;
  const lead = await apiAs(baseURL, DEMO_USERS.policeLead);
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const officer = (await police.get('/me')) as { id: string };

  const taskTitle = `Ring the caretaker about the lift ${stamp}`;
  await lead.send('POST', '/tasks', { title: taskTitle, dueOn: londonDay(-3), backdatedReason: 'Missed at the last review', assignee: { userId: officer.id } });

  const screened = (await police.send('POST', '/profiles', { firstName: 'Carys', lastName: `Review${stamp}`, reasonCreated: 'Repeat victim of ASB', confirmNoDuplicate: true })) as { id: string };
  const draft = (await police.send('POST', '/assessments', {
    template: 'victim-screening',
    subject: { type: 'profile', id: screened.id },
    answers: Object.fromEntries(victimKeys.map((k) => [k, 'no'])),
  })) as { id: string };
  await police.send('POST', `/assessments/${draft.id}/complete`, { reviewOn: londonDay(3) });

  const followed = (await police.send('POST', '/profiles', { firstName: 'Idris', lastName: `Follow${stamp}`, reasonCreated: 'Neighbour dispute', confirmNoDuplicate: true })) as { id: string };
  await police.send('PUT', `/profiles/${followed.id}/interest`, {});
  const { version } = (await lead.get(`/profiles/${followed.id}`)) as { version: number };
  await lead.send('PATCH', `/profiles/${followed.id}`, { version, keyInformation: 'Moved to the ground floor flat' });
  await lead.dispose();
  await police.dispose();

  await openAs(page, DEMO_USERS.police);

  const myTasks = page.getByRole('region', { name: 'My tasks' });
  const task = myTasks.getByRole('listitem').filter({ has: page.getByRole('link', { name: taskTitle }) });
  await expect(task).toContainText('Overdue');
  await expect(myTasks.getByRole('link', { name: 'All my tasks' })).toHaveAttribute('href', '/tasks?view=mine');

  const reviews = page.getByRole('region', { name: 'Reviews due' });
  await expect(reviews.getByRole('link', { name: `VICTIM screening: Carys Review${stamp}` })).toBeVisible();

  const changes = page.getByRole('region', { name: 'Changes to what I follow' });
  const change = changes.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Idris Follow${stamp}` }) });
  await expect(change).toContainText('A change was made on a profile you follow.');

  // The team's open cases lead on to those the officer leads; the team's people, to their faces.
  await expect(page.getByRole('region', { name: "My team's open cases" }).getByRole('link', { name: 'Open cases I lead' })).toHaveAttribute('href', '/cases?leadOfficer=me&status=open');
  const people = page.getByRole('region', { name: 'People my team holds' });
  await expect(people.getByRole('link', { name: "Gallery of my team's people" })).toHaveAttribute('href', '/profiles?scope=mine&view=gallery');

  // A practitioner decides no access requests: the panel is not there at all.
  await expect(page.getByRole('region', { name: 'Access requests to decide' })).toHaveCount(0);

  for (const width of [1366, 390]) {
    await resizeTo(page, width, width === 390 ? 844 : 900);
    await expect(task).toBeVisible();
    await checkA11y(page);
  }

  // Each panel leads to its full list, with the same item in it.
  await page.setViewportSize({ width: 1366, height: 900 });
  await reviews.getByRole('link', { name: 'All my reviews due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assessments' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Reviews due' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('link', { name: `Carys Review${stamp}` }).first()).toBeVisible();
});
