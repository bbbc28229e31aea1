import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// Victim care, as the seeds ask for it: "intelligent triggers" that flag a case worker's overdue
// contact and alert the supervisor, and the community trigger counted across agencies.

const stamp = Date.now().toString(36);

/** A date some days from today in London, as the forms and the API take dates. */
function londonDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A form field by its label, with or without a required-field asterisk. */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  return context.newPage();
}

test('a victim\'s contact becomes overdue and the supervisor is alerted', async ({ page, browser, checkA11y }, testInfo) => {
  // The alert comes from a sweep that runs every minute or so; the journey waits for it.
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const name = `Nerys Contact${stamp}`;
  const person = (await police.send('POST', '/profiles', {
    firstName: 'Nerys', lastName: `Contact${stamp}`, reasonCreated: 'Victim of ASB on the estate', roles: ['victim'], confirmNoDuplicate: true,
  })) as { id: string };
  await police.dispose();

  // Tom, the case worker, agrees a plan with her: a call every week, no texts.
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${person.id}`);
  await page.getByRole('tab', { name: 'Victim care' }).click();
  await expect(page).toHaveURL(/\?section=victim-care$/);
  const plan = page.getByRole('region', { name: 'Contact plan' });
  await expect(plan).toContainText('No contact plan yet');
  await plan.getByRole('button', { name: 'Set a contact plan' }).click();
  await field(plan, 'Contact every \\(days\\)').fill('7');
  await field(plan, 'Preferred way to contact').selectOption({ label: 'Phone call' });
  await field(plan, 'Safe times to contact').fill('Weekdays after 10, not when her partner is home');
  await plan.getByRole('checkbox', { name: 'Safe to leave voicemail' }).check();
  await checkA11y(page);
  await plan.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText('Contact plan saved.')).toBeVisible();
  await expect(plan).toContainText('Every 7 days');
  await expect(plan.getByRole('list', { name: 'What is safe' })).toContainText('Text messages: not safe');
  await expect(plan.getByRole('list', { name: 'What is safe' })).toContainText('Voicemail: safe');

  // He records the call he made three weeks ago: a text cannot even be chosen.
  const contacts = page.getByRole('region', { name: 'Contacts with the victim' });
  await contacts.getByRole('button', { name: 'Record a contact' }).click();
  await expect(contacts.getByRole('option', { name: 'Text message (not safe)' })).toBeDisabled();
  await expect(contacts).toContainText('The plan says text messages, email and letters are not safe for this victim');
  await field(contacts, 'Date').fill(londonDay(-20));
  await field(contacts, 'Time').fill('10:30');
  await field(contacts, 'How').selectOption({ label: 'Phone call' });
  await contacts.getByRole('radio', { name: 'Yes: a contact' }).check();
  await field(contacts, 'Note').fill('Told her the warning letter has gone out.');
  await checkA11y(page);
  await contacts.getByRole('button', { name: 'Record it' }).click();
  await expect(contacts.getByRole('table', { name: 'Record of contacts, newest first' })).toContainText('Told her the warning letter has gone out.');

  // A week on from that call was thirteen days ago: the profile says so at its head.
  const overdue = page.getByRole('alert').filter({ hasText: 'Contact overdue' });
  await expect(overdue).toContainText('Contact overdue: 13 days overdue');
  await expect(plan).toContainText('13 days overdue');
  await page.screenshot({ path: testInfo.outputPath('victim-care-1366.png'), fullPage: true });
  for (const width of [1366, 390]) {
    await resizeTo(page, width, width === 390 ? 844 : 900);
    await expect(overdue).toBeVisible();
    await checkA11y(page);
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // His home page lists her among his team's overdue contacts.
  await page.goto('/');
  const homePanel = page.getByRole('region', { name: 'Contacts overdue' });
  await expect(homePanel.getByRole('listitem').filter({ has: page.getByRole('link', { name }) })).toContainText('13 days overdue');
  await checkA11y(page);

  // His sergeant sees it on "My team", and is told once the grace period has passed.
  const sergeant = await otherBrowser(browser, testInfo);
  await openAs(sergeant, DEMO_USERS.policeLead);
  await sergeant.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My team' }).click();
  const teamOverdue = sergeant.getByRole('region', { name: /^Contacts overdue/ });
  const row = teamOverdue.getByRole('row').filter({ has: sergeant.getByRole('link', { name }) });
  await expect(row).toContainText('13 days overdue');
  await checkA11y(sergeant);
  await sergeant.screenshot({ path: testInfo.outputPath('my-team-1366.png'), fullPage: true });

  await expect.poll(async () => {
    const notices = (await (await sergeant.request.get('/api/v1/notifications?limit=100')).json()) as { items: { link: string }[] };
    return notices.items.some((n) => n.link === `/profiles/${person.id}`);
  }, { message: 'the sergeant is told of the overdue contact', timeout: 150_000, intervals: [5_000] }).toBe(true);
  await sergeant.goto('/notifications');
  const notice = sergeant.getByRole('list', { name: 'Notifications' }).locator(`a[href="/profiles/${person.id}"]`);
  await expect(notice).toContainText('A victim\'s contact is overdue');
  await expect(notice).not.toContainText('Nerys');
  await checkA11y(sergeant);
  await notice.click();
  await expect(sergeant.getByRole('heading', { level: 1, name })).toBeVisible();
  await sergeant.context().close();

  // Tom writes her a victim update: a contact, so the flag goes.
  await page.goto(`/profiles/${person.id}?section=victim-care`);
  await contacts.getByRole('button', { name: 'Write a victim update' }).click();
  await expect(contacts.getByRole('combobox', { name: 'Type of report' })).toHaveValue('Victim update');
  await contacts.getByRole('textbox', { name: 'Report' }).click();
  await page.keyboard.type('Rang Nerys: the landlord has served notice on the neighbour.');
  await contacts.getByRole('button', { name: 'Save report' }).click();
  await expect(overdue).toHaveCount(0);
  await expect(plan).not.toContainText('overdue');
});

test('three ASB complaints from two agencies raise the community trigger', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(150_000);
  const baseURL = testInfo.project.use.baseURL!;
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const council = await apiAs(baseURL, DEMO_USERS.council);
  const councilTeam = ((await council.get('/me')) as { team: { id: string } }).team.id;
  const name = `Ffion Trigger${stamp}`;
  const person = (await police.send('POST', '/profiles', {
    firstName: 'Ffion', lastName: `Trigger${stamp}`, reasonCreated: 'Repeated noise and abuse from next door', roles: ['victim'], confirmNoDuplicate: true,
  })) as { id: string };
  await police.send('POST', `/profiles/${person.id}/access`, { teamId: councilTeam, level: 'view' });
  // Two complaints already: one to the police, one to the council, weeks apart.
  const complaint = (days: number, text: string) => ({ reportType: 'asb-complaint', occurredAt: `${londonDay(days)}T11:00:00Z`, body: `<p>${text}</p>`, visibility: 'shared' });
  await police.send('POST', `/profiles/${person.id}/reports`, complaint(-40, 'Shouting and banging through the wall at 2am.'));
  await council.send('POST', `/profiles/${person.id}/reports`, complaint(-20, 'Rubbish dumped in her front garden.'));
  await Promise.all([police.dispose(), council.dispose()]);

  // At the second complaint the officer is prompted to tell her about the case review.
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${person.id}`);
  await expect(page.getByRole('alert').filter({ hasText: `Tell ${name} about the ASB case review` })).toBeVisible();
  await checkA11y(page);

  // The third, reported to the police today, meets the trigger.
  await page.getByRole('tab', { name: 'Work' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: 'Add report' }).click();
  await timeline.getByRole('combobox', { name: 'Type of report' }).click();
  await page.getByRole('option', { name: 'ASB complaint', exact: true }).click();
  await timeline.getByRole('textbox', { name: 'Report' }).click();
  await page.keyboard.type('Her car tyres slashed overnight; she thinks it was the neighbour.');
  await timeline.getByRole('button', { name: 'Save report' }).click();
  const flag = page.getByRole('alert').filter({ hasText: 'the community trigger is met' });
  await expect(flag).toContainText('3 ASB complaints in 6 months from 2 agencies — the community trigger is met');
  await expect(page.getByRole('alert').filter({ hasText: 'about the ASB case review' })).toHaveCount(0);
  await checkA11y(page);

  // The victim care tab counts them, one for each incident.
  await page.getByRole('tab', { name: 'Victim care' }).click();
  const trigger = page.getByRole('region', { name: 'Community trigger' });
  await expect(trigger).toContainText('Agencies that reported them');
  await expect(trigger).toContainText('2');
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('community-trigger-1366.png'), fullPage: true });

  // The list of community triggers names her, and a case review is opened from it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Community triggers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Community triggers' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row).toContainText('ASB complaints');
  for (const width of [1366, 390]) {
    await resizeTo(page, width, width === 390 ? 844 : 900);
    await expect(row).toBeAttached();
    await checkA11y(page);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await row.getByRole('button', { name: `Open an ASB case review for ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `ASB case review: ${name}` })).toBeVisible();
  const steps = page.getByRole('region', { name: 'Steps and their clocks' });
  await expect(steps.getByRole('row', { name: /Application received/ })).toContainText(/\d{4}/);
  await checkA11y(page);

  // The threshold is met: the review meeting is next, with its own clock.
  const next = page.getByRole('region', { name: 'Take the next step' });
  await expect(field(next, 'Next step')).toHaveValue('threshold-decision');
  await next.getByRole('radio', { name: 'Yes: a case review meeting is held' }).check();
  await next.getByRole('button', { name: 'Record this step' }).click();
  await expect(page.getByText('Threshold decision: recorded.')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Case review meeting, due');
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('case-review-1366.png'), fullPage: true });

  // Back on her profile, the banner leads to the review.
  await page.getByRole('link', { name }).click();
  await expect(flag.getByRole('link', { name: /The ASB case review: threshold decision/ })).toBeVisible();
});
