import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// The police ASB sergeant opens "My team": Tom's task from the council has slipped, so she hands
// it to Helen in one step, and Helen's count of overdue tasks goes up while Tom's goes down.

const stamp = Date.now().toString(36);

function londonDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test('a supervisor hands an officer\'s overdue task to another officer', async ({ page, checkA11y }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const council = await apiAs(baseURL, DEMO_USERS.council);
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const tom = (await police.get('/me')) as { id: string };
  const title = `Send the noise diary ${stamp}`;
  await council.send('POST', '/tasks', { title, dueOn: londonDay(-5), backdatedReason: 'Agreed at the last meeting', assignee: { userId: tom.id } });
  await council.dispose();
  await police.dispose();

  await openAs(page, DEMO_USERS.policeLead);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASB team, Demo County Police' })).toBeVisible();

  const officers = page.getByRole('region', { name: 'Officers' });
  await expect(officers.getByRole('row', { name: /Tom Wright/ })).toBeVisible();
  const overdue = page.getByRole('region', { name: /^Overdue tasks/ });
  const row = overdue.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row.getByRole('cell').first()).toHaveText(/\d/);
  await expect(row).toContainText('Tom Wright');

  for (const width of [1366, 390]) {
    await resizeTo(page, width, width === 390 ? 844 : 900);
    await expect(row).toBeVisible();
    await checkA11y(page);
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  await row.getByRole('combobox', { name: `Hand to, for ${title}` }).selectOption({ label: 'Helen Ford' });
  await row.getByRole('button', { name: `Hand on ${title}` }).click();
  await expect(page.getByText(`"${title}" handed to Helen Ford.`)).toBeVisible();
  await expect(row).toContainText('Helen Ford');

  // The task itself now says who has it.
  await row.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Helen Ford');
});
