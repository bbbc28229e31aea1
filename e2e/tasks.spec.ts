import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// A police officer sets a task for the housing association's Tenancy team on a case shared with
// them, and keeps the task open while a housing officer, at another desk, accepts it, reports
// progress and completes it: each step appears on the officer's screen without reloading.

const stamp = Date.now().toString(36);
const title = `Visit the tenant about the noise ${stamp}`;
const shots = process.env.E2E_SCREENSHOTS ?? '/tmp/concord-task-shots';

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  return context.newPage();
}

/** Saves the page at desktop and phone widths, for a person to look at. */
async function screenshots(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const width of [1280, 390]) {
    // The layout settles (the side navigation folds away) before the picture is taken.
    await resizeTo(page, width, 900);
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeEach(() => test.setTimeout(180_000));

test('a task set for the housing team is accepted, progressed and completed while the tasker watches', async ({ page, browser, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const created = (await police.send('POST', '/cases', { caseType: 'ASB', title: `Noise at Elm Court ${stamp}` })) as { id: string };
  const teams = (await police.get('/teams?limit=200')) as { items: { id: string; name: string; organisation: { name: string } }[] };
  const tenancy = teams.items.find((t) => t.name === 'Tenancy team' && t.organisation.name === 'Demo Housing Association')!;
  await police.send('POST', `/cases/${created.id}/access`, { teamId: tenancy.id, level: 'view' });
  await police.send('POST', `/cases/${created.id}/action-plans`, { title: 'Tenancy support' });
  await police.dispose();

  // The police officer sets the task from the case.
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/cases/${created.id}`);
  const tasksSection = page.getByRole('region', { name: 'Tasks' });
  await tasksSection.getByRole('link', { name: 'Set a task' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set a task' })).toBeVisible();
  await field(page, 'What needs doing').fill(title);
  await field(page, 'Due by').fill('2030-01-15');
  await page.getByRole('radio', { name: 'A team' }).check();
  const team = page.getByRole('combobox', { name: 'Team' });
  await team.click();
  await team.fill('Tenancy');
  await page.getByRole('option', { name: 'Tenancy team (Demo Housing Association)' }).click();
  const plan = page.getByRole('combobox', { name: 'Action plan' });
  await plan.click();
  await page.getByRole('option', { name: 'Tenancy support' }).click();
  await screenshots(page, 'task-new');
  await page.getByRole('button', { name: 'Set task' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const status = page.getByRole('status', { name: 'Task status' });
  await expect(status).toHaveText('Waiting to be accepted');
  await checkA11y(page);
  await screenshots(page, 'task-open');

  // The housing officer finds it among their team's tasks.
  const housing = await otherBrowser(browser, testInfo);
  await openAs(housing, DEMO_USERS.housing);
  await housing.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(housing.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await housing.getByRole('tab', { name: 'My team\'s tasks' }).click();
  const link = housing.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  await checkA11y(housing);
  await screenshots(housing, 'tasks-team');
  await link.click();
  // Housing can see the task but not open the case, which is shared with them only for viewing.
  await housing.getByRole('button', { name: 'Accept task' }).click();
  await expect(housing.getByRole('status', { name: 'Task status' })).toHaveText('In progress');
  await expect(status).toHaveText('In progress', { timeout: 5000 });
  const log = page.getByRole('region', { name: 'Progress log' });
  await expect(log).toContainText('Accepted', { timeout: 5000 });
  await expect(log).toContainText('Marcus Bell (Tenancy team)');

  await housing.getByRole('button', { name: 'Add progress' }).click();
  const progress = housing.getByRole('dialog', { name: 'Add progress' });
  await field(progress, 'Progress').fill('Visited; the tenant agreed to keep the noise down.');
  await progress.getByRole('button', { name: 'Add progress' }).click();
  await expect(progress).toBeHidden();
  await expect(log).toContainText('Visited; the tenant agreed to keep the noise down.', { timeout: 5000 });

  await housing.getByRole('button', { name: 'Complete task…' }).click();
  const complete = housing.getByRole('dialog', { name: 'Complete this task' });
  await field(complete, 'Result').fill('Warning letter issued; no further complaints.');
  await complete.getByRole('button', { name: 'Complete task' }).click();
  await expect(complete).toBeHidden();
  await expect(status).toHaveText('Completed', { timeout: 5000 });
  await expect(page.getByText('Warning letter issued; no further complaints.').first()).toBeVisible({ timeout: 5000 });
  await checkA11y(page);
  await screenshots(page, 'task-completed');

  // The case shows the task, done, in its action plan.
  await page.goto(`/cases/${created.id}`);
  const plans = page.getByRole('region', { name: 'Action plans' });
  await expect(plans).toContainText('1 of 1 task completed');
  await expect(plans.getByRole('link', { name: title })).toBeVisible();
  await screenshots(page, 'case-tasks');

  await housing.context().close();
});

test('a task due in the past, for a team that cannot open the case, is explained and shared in the same step', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const created = (await police.send('POST', '/cases', { caseType: 'ASB', title: `Noise at Ash Court ${stamp}` })) as { id: string };
  await police.dispose();
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  const backdatedTitle = `Record the visit already made ${stamp}`;

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/tasks/new?kind=cases&id=${created.id}`);
  await field(page, 'What needs doing').fill(backdatedTitle);
  await field(page, 'Due by').fill(lastWeek);
  await page.getByRole('radio', { name: 'A team' }).check();
  const team = page.getByRole('combobox', { name: 'Team' });
  await team.click();
  await team.fill('Tenancy');
  await page.getByRole('option', { name: 'Tenancy team (Demo Housing Association)' }).click();
  await page.getByRole('button', { name: 'Set task' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Due by is in the past' })).toBeVisible();

  await field(page, 'Due date is in the past on purpose').fill('Recording the visit agreed at last week\'s panel');
  await page.getByRole('button', { name: 'Set task' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'cannot open' });
  await expect(warning).toContainText('Tenancy team (Demo Housing Association) cannot open case');
  await checkA11y(page);
  await screenshots(page, 'task-assignee-cannot-open');
  await warning.getByRole('button', { name: 'Share this record (view) with Tenancy team (Demo Housing Association) and set the task' }).click();
  await expect(page.getByRole('heading', { level: 1, name: backdatedTitle })).toBeVisible();
});

test('a person\'s warning markers show where they are picked to link and on a task on them, and come first on a phone', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const surname = `Hollins${stamp}`;
  const person = (await police.send('POST', '/profiles', {
    firstName: 'Reece', lastName: surname, roles: ['perpetrator'], riskLevel: 'high', warningMarkers: ['violence'],
    reasonCreated: 'Named in the estate ASB operation', confirmNoDuplicate: true,
  })) as { id: string };
  const relative = (await police.send('POST', '/profiles', { firstName: 'Jean', lastName: surname, reasonCreated: 'Tenant of the flat', confirmNoDuplicate: true })) as { id: string };
  const kase = (await police.send('POST', '/cases', { caseType: 'ASB', title: `Threats on Birch Row ${stamp}` })) as { id: string };
  const me = (await police.get('/me')) as { id: string };
  const taskTitle = `Visit Reece about the threats ${stamp}`;
  await police.send('POST', '/tasks', { title: taskTitle, dueOn: '2030-01-15', assignee: { userId: me.id }, record: { kind: 'profile', id: person.id } });
  await police.dispose();
  const name = `Reece ${surname}`;

  // Linking a relative: each person found, and the one chosen, shows the markers before the link is made.
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${relative.id}`);
  await page.getByRole('region', { name: 'Relationships' }).getByRole('button', { name: 'Add a relationship' }).click();
  const relationship = page.getByRole('dialog', { name: 'Add a relationship' });
  await relationship.getByRole('combobox', { name: 'The other person' }).fill(name);
  // Seen as badges, and heard in words as the option is read.
  const option = page.getByRole('option', { name: new RegExp(`^${name}`) });
  await expect(option).toHaveAccessibleName(/Warning marker: Violence\. High risk\. Age not known · Perpetrator/);
  await expect(option.getByText('Violence', { exact: true })).toBeVisible();
  await checkA11y(page);
  await option.click();
  await expect(relationship.getByRole('list', { name: 'Warning markers' })).toHaveText('Violence');
  await relationship.getByRole('button', { name: 'Cancel' }).click();

  // Adding them to a case: the search result says the same, and the radio is described by it.
  await page.goto(`/cases/${kase.id}`);
  await page.getByRole('button', { name: 'Add a person' }).click();
  const adding = page.getByRole('dialog', { name: 'Add a person to this case' });
  await adding.getByRole('searchbox', { name: 'Search people' }).fill(name);
  await expect(adding.getByRole('radio', { name: new RegExp(name) })).toHaveAccessibleDescription(/Warning marker: Violence\. High risk/);
  await expect(adding.getByText('Violence', { exact: true })).toBeVisible();
  await checkA11y(page);
  await adding.getByRole('button', { name: 'Cancel' }).click();

  // The task on them: in the list, at home and on the task itself.
  await page.goto('/tasks?view=mine');
  const row = page.getByRole('row', { name: new RegExp(taskTitle) });
  await expect(row.getByRole('list', { name: 'Warning markers' })).toHaveText('Violence');
  await expect(row).toContainText('High risk');
  await checkA11y(page);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'My tasks' }).getByRole('listitem').filter({ hasText: taskTitle }).getByRole('list', { name: 'Warning markers' })).toHaveText('Violence');
  await page.getByRole('link', { name: taskTitle }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: taskTitle })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Warning markers' })).toHaveText('Violence');
  await expect(page.getByText('High risk')).toBeVisible();
  await checkA11y(page);

  // On a phone the person's page and their card in the gallery put markers and risk above the photo.
  await resizeTo(page, 390, 844);
  const above = async (first: Locator, second: Locator) => expect((await first.boundingBox())!.y).toBeLessThan((await second.boundingBox())!.y);
  await page.goto(`/profiles/${person.id}`);
  const photo = page.getByRole('img', { name: `No photo of ${name}` });
  await above(page.getByRole('alert').filter({ hasText: 'Warning marker' }), photo);
  await above(page.getByText('High risk'), photo);
  await checkA11y(page);
  await page.goto(`/profiles?view=gallery&q=${encodeURIComponent(surname)}`);
  const card = page.getByRole('listitem', { name });
  await above(card.getByRole('list', { name: 'Warning markers' }), card.getByText('RH', { exact: true }));
  await above(card.getByText('High risk'), card.getByText('RH', { exact: true }));
  await checkA11y(page);
});
