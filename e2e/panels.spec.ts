import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test, type ApiSession } from './fixtures.ts';

// A Community MARAC from referral to action. A police officer refers a victim (her second
// referral this year, so a repeat) from her profile and a neighbour dispute from its case; the
// sergeant who coordinates and chairs the panel arranges a meeting and builds its agenda from the
// two referrals; the police and the council add their research; the chair records attendance,
// minutes both cases and agrees actions; and the housing officer, whose agency may not open the
// records, sees only that the items exist and the task set for the housing association.

const stamp = Date.now().toString(36);
const victim = { firstName: 'Amara', lastName: `Okafor${stamp}` };
const victimName = `${victim.firstName} ${victim.lastName}`;
const caseTitle = `Neighbour dispute on Larch Road ${stamp}`;
const doorViewer = `Fit a door viewer ${stamp}`;

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

/** Picks from a select: open it, optionally type to narrow the list, then choose the option. */
async function choose(scope: Page | Locator, page: Page, label: string, option: string, search?: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  if (search) await box.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  return context.newPage();
}

function londonDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Named {
  id: string;
  name: string;
}

/** A matrix scored High (35): the referral form ticks "ASB risk matrix: High" by itself. */
const highMatrix = {
  'ram-frequency': '5', 'ram-worsening': 'yes', 'ram-knows-offender': '2', 'ram-lives-close': 'yes', 'ram-targeted': '3', 'ram-targeted-reason': 'yes',
  'ram-intimidated': '4', 'ram-affected': '6', 'ram-children': 'yes', 'ram-increasing-risk': 'yes', 'ram-support': '3', 'ram-other-agencies': 'no', 'ram-others-affected': 'no',
};

/**
 * The records the journey works on, made as their officers would have made them: the victim with
 * her son and a completed risk matrix, the dispute case, both shared with the council's community
 * safety team; and the victim's earlier referral, heard two months ago at a meeting whose action
 * for the police is still open.
 */
async function setUp(baseURL: string) {
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const lead = await apiAs(baseURL, DEMO_USERS.policeLead);
  const tom = (await police.get('/me')) as { id: string };
  const panels = (await lead.get('/panels?limit=200')) as { items: (Named & { kind: string })[] };
  const panel = panels.items.find((p) => p.kind === 'Community MARAC');
  expect(panel, 'the demo has a Community MARAC chaired by the police ASB sergeant').toBeTruthy();

  const person = (await police.send('POST', '/profiles', { ...victim, roles: ['victim'], reasonCreated: 'Repeat victim of ASB on Larch Road', confirmNoDuplicate: true })) as { id: string };
  const son = (await police.send('POST', '/profiles', { firstName: 'Tobi', lastName: victim.lastName, dateOfBirth: '2016-05-04', reasonCreated: 'Lives with his mother, a victim of ASB', confirmNoDuplicate: true })) as { id: string };
  await police.send('POST', `/profiles/${person.id}/relationships`, { otherProfileId: son.id, kind: 'parent' });
  const matrix = (await police.send('POST', '/assessments', { template: 'asb-risk-matrix', subject: { type: 'profile', id: person.id }, answers: highMatrix })) as { id: string };
  await police.send('POST', `/assessments/${matrix.id}/complete`, {});
  const kase = (await police.send('POST', '/cases', { caseType: 'ASB', title: caseTitle, leadOfficerId: tom.id })) as { id: string };

  const organisations = (await police.get('/organisations?limit=200')) as { items: Named[] };
  const council = organisations.items.find((o) => o.name === 'Demo District Council')!;
  await police.send('POST', `/profiles/${person.id}/access`, { organisationId: council.id, level: 'view' });
  await police.send('POST', `/cases/${kase.id}/access`, { organisationId: council.id, level: 'view' });

  const earlier = (await police.send('POST', `/panels/${panel!.id}/referrals`, {
    subject: { type: 'profile', id: person.id }, reason: 'Eggs thrown at her windows twice in a week', criteria: ['professional-judgement'],
  })) as { id: string };
  const heard = (await lead.send('POST', '/meetings', { panelId: panel!.id, startsAt: new Date(Date.now() - 60 * 86_400_000).toISOString(), place: 'Newark police station' })) as { id: string };
  const item = (await lead.send('POST', `/meetings/${heard.id}/agenda`, { referralId: earlier.id })) as { id: string };
  await lead.send('PUT', `/meetings/${heard.id}/agenda/${item.id}/minutes`, { text: 'Police to visit weekly.' });
  await lead.send('POST', `/meetings/${heard.id}/agenda/${item.id}/actions`, { title: `Visit weekly ${stamp}`, assignee: { userId: tom.id }, dueDate: londonDay(30) });
  await lead.send('POST', `/meetings/${heard.id}/close`);

  await police.dispose();
  await lead.dispose();
  return { panel: panel!, person, kase };
}

async function refer(page: Page, panelName: string) {
  await page.getByRole('button', { name: 'Refer to a panel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Refer to a panel' });
  await choose(dialog, page, 'Panel', `${panelName} (Community MARAC)`);
  await expect(dialog.getByRole('heading', { name: 'What Concord already holds' })).toBeVisible();
  return dialog;
}

/** Adds one agency's research to an agenda item, as that agency's officer. */
async function addResearch(page: Page, item: Locator, organisation: string, research: { known: string; opinion?: string; withheld?: string; reason?: string }) {
  await item.getByRole('button', { name: `Add the research of ${organisation}` }).click();
  await field(item, 'What we know \\(facts\\)').fill(research.known);
  if (research.opinion) await field(item, 'Our opinion').fill(research.opinion);
  if (research.withheld) await field(item, 'What we withheld').fill(research.withheld);
  if (research.reason) await field(item, 'Why it was withheld').fill(research.reason);
  await item.getByRole('button', { name: 'Save research' }).click();
  await expect(page.getByText(`Research of ${organisation} saved.`)).toBeVisible();
  await expect(item.getByRole('article', { name: `Research of ${organisation}` })).toContainText(research.known);
}

const agendaItems = (page: Page) => page.getByRole('region', { name: /^Agenda/ }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
const itemAbout = (page: Page, name: string) => agendaItems(page).filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(name) }) });

test('a coordinator builds a Community MARAC agenda from two referrals, agencies research, the chair minutes and agrees actions, and housing sees its task', async ({ page, browser, checkA11y }, testInfo) => {
  test.setTimeout(360_000);
  const baseURL = testInfo.project.use.baseURL!;
  const { panel, person, kase } = await setUp(baseURL);

  // The officer refers the victim from her profile: Concord already holds her matrix, her son and
  // her earlier hearing, and says this is a repeat.
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${person.id}`);
  let dialog = await refer(page, panel.name);
  await expect(dialog.getByText('This will be a repeat referral')).toBeVisible();
  await expect(dialog).toContainText('ASB Risk Assessment Matrix');
  await expect(dialog).toContainText('High');
  await expect(dialog).toContainText(`Tobi ${victim.lastName}`);
  await expect(dialog.getByRole('checkbox', { name: 'ASB risk matrix: High' })).toBeChecked();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Refer' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Reason for referral');
  await field(dialog, 'Reason for referral').fill('Windows smashed again; she is frightened to leave the house with her son.');
  await dialog.getByRole('button', { name: 'Refer' }).click();
  await expect(page.getByText(`Referred to ${panel.name} as a repeat referral.`)).toBeVisible();

  // And the dispute from its case, on professional judgement, which needs its reasons.
  await page.goto(`/cases/${kase.id}`);
  dialog = await refer(page, panel.name);
  await dialog.getByRole('checkbox', { name: 'Professional judgement' }).check();
  await expect(dialog.getByText(/Professional judgement: give your reasons/)).toBeVisible();
  await field(dialog, 'Reason for referral').fill('Threats between the households are escalating; two agencies are already involved.');
  await dialog.getByRole('button', { name: 'Refer' }).click();
  await expect(page.getByText(`Referred to ${panel.name}.`)).toBeVisible();

  // The sergeant, who coordinates and chairs the panel, finds both waiting, the victim marked as a repeat.
  const chair = await otherBrowser(browser, testInfo);
  await openAs(chair, DEMO_USERS.policeLead);
  await chair.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Panels' }).click();
  await expect(chair.getByRole('heading', { level: 1, name: 'Panels' })).toBeVisible();
  await checkA11y(chair);
  await chair.getByRole('link', { name: panel.name, exact: true }).click();
  await expect(chair.getByRole('heading', { level: 1, name: panel.name })).toBeVisible();
  const waiting = chair.getByRole('region', { name: /^Referrals waiting/ });
  const repeatRow = waiting.getByRole('row').filter({ hasText: victimName });
  await expect(repeatRow).toContainText('Repeat referral');
  await expect(waiting.getByRole('row').filter({ hasText: caseTitle })).toBeVisible();
  await checkA11y(chair);

  // She arranges the meeting and builds its agenda from the waiting referrals.
  await chair.getByRole('button', { name: 'Arrange a meeting' }).click();
  const arrange = chair.getByRole('dialog', { name: `Arrange a meeting of ${panel.name}` });
  await field(arrange, 'Date').fill(londonDay(7));
  await field(arrange, 'Time').fill('10:00');
  await field(arrange, 'Place').fill('Newark Town Hall, committee room 2');
  await arrange.getByRole('button', { name: 'Arrange meeting' }).click();
  await expect(chair.getByRole('heading', { level: 1, name: new RegExp(`^${panel.name}, `) })).toBeVisible();
  const meetingUrl = chair.url();
  await expect(chair.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute('href', /\/calendar\.ics$/);
  const openActions = chair.getByRole('region', { name: /^Open actions from earlier meetings/ });
  await expect(openActions).toContainText(`Visit weekly ${stamp}`);
  await chair.getByRole('button', { name: 'Add waiting referrals' }).click();
  await expect(chair.getByText('2 referrals added to the agenda.')).toBeVisible();
  await expect(agendaItems(chair)).toHaveCount(2);
  // SafeLives' order puts a case with an outstanding action first, and then cases with children: the victim has both.
  await expect(agendaItems(chair).first().getByRole('heading', { level: 3 })).toContainText(victimName);
  await expect(itemAbout(chair, victimName)).toContainText('Repeat referral');
  await checkA11y(chair);

  // She moves the dispute up with the keyboard, hears where it went, and keeps her place; then back with the mouse.
  const moveUp = chair.getByRole('button', { name: new RegExp(`^Move up: 2\\. .*${caseTitle}`) });
  await moveUp.focus();
  await chair.keyboard.press('Enter');
  await expect(chair.getByRole('status').filter({ hasText: /moved to number 1 of 2/ })).toBeAttached();
  await expect(agendaItems(chair).first().getByRole('heading', { level: 3 })).toContainText(caseTitle);
  await expect(chair.getByRole('button', { name: new RegExp(`^Move down: 1\\. .*${caseTitle}`) })).toBeFocused();
  await chair.getByRole('button', { name: new RegExp(`^Move down: 1\\. .*${caseTitle}`) }).click();
  await expect(agendaItems(chair).first().getByRole('heading', { level: 3 })).toContainText(victimName);

  // Before the meeting, the police and the council add what their records hold.
  await page.goto(meetingUrl);
  await addResearch(page, itemAbout(page, victimName), 'Demo County Police', {
    known: 'Six calls to 101 since March; two crime reports for criminal damage.',
    opinion: 'The damage is escalating and targeted at her.',
  });
  const council = await otherBrowser(browser, testInfo);
  await openAs(council, DEMO_USERS.council);
  await council.goto(meetingUrl);
  const councilItem = itemAbout(council, caseTitle);
  await councilItem.getByRole('button', { name: 'Add the research of Demo District Council' }).click();
  await field(councilItem, 'What we know \\(facts\\)').fill('Noise complaints from both addresses since January.');
  await field(councilItem, 'What we withheld').fill('A safeguarding referral about the children next door.');
  await councilItem.getByRole('button', { name: 'Save research' }).click();
  await expect(councilItem.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Say why it was withheld');
  await checkA11y(council);
  await field(councilItem, 'Why it was withheld').fill('Children\'s services have not agreed to share it.');
  await councilItem.getByRole('button', { name: 'Save research' }).click();
  await expect(councilItem.getByRole('article', { name: 'Research of Demo District Council' })).toContainText('Children\'s services have not agreed to share it.');
  // The council sees the police research on the victim too: it may open her record.
  await expect(itemAbout(council, victimName).getByRole('article', { name: 'Research of Demo County Police' })).toContainText('Six calls to 101');
  await council.context().close();

  // At the meeting the chair records who came.
  await chair.reload();
  const attendance = chair.getByRole('region', { name: 'Attendance' });
  for (const [organisation, status] of [['Demo County Police', 'Present'], ['Demo District Council', 'Present'], ['Demo Housing Association', 'Apologies']] as const) {
    await attendance.getByRole('combobox', { name: `Attendance, ${organisation}` }).selectOption({ label: status });
    if (status === 'Present') await attendance.getByRole('checkbox', { name: `Confidentiality statement agreed, ${organisation}` }).check();
    await attendance.getByRole('button', { name: `Save attendance of ${organisation}` }).click();
    await expect(chair.getByText(`Attendance of ${organisation} saved.`)).toBeVisible();
  }

  // She reads both agencies' research and minutes the victim's case; someone else's save crossing hers shows both wordings.
  const first = itemAbout(chair, victimName);
  await expect(first.getByRole('article', { name: 'Research of Demo County Police' })).toContainText('Six calls to 101');
  await first.getByRole('button', { name: 'Write the minutes' }).click();
  await field(first, 'Minutes').fill('Agreed target hardening and a joint visit.');
  await field(first, 'Risks identified').fill('Further damage; the child is frightened at home.');
  const meetingId = meetingUrl.split('/').pop()!;
  const lead: ApiSession = await apiAs(baseURL, DEMO_USERS.policeLead);
  const current = (await lead.get(`/meetings/${meetingId}`)) as { agenda: { id: string; title: string; version: number }[] };
  const victimItem = current.agenda.find((i) => i.title.includes(victim.lastName))!;
  await lead.send('PUT', `/meetings/${meetingId}/agenda/${victimItem.id}/minutes`, { text: 'Notes typed by the coordinator.', version: victimItem.version });
  await lead.dispose();
  await first.getByRole('button', { name: 'Save minutes' }).click();
  const conflict = first.getByRole('alert').filter({ hasText: 'Someone else changed this record since you opened it' });
  await expect(conflict).toContainText('Notes typed by the coordinator.');
  await checkA11y(chair);
  await conflict.getByRole('button', { name: 'Put my changes on top of theirs' }).click();
  await first.getByRole('button', { name: 'Save minutes' }).click();
  await expect(chair.getByText('Minutes saved; the earlier wording is kept.')).toBeVisible();
  await expect(first).toContainText('Agreed target hardening and a joint visit.');

  // An action for the housing association, as a task on her record.
  await first.getByRole('button', { name: 'Agree an action' }).click();
  await field(first, 'Action').fill(doorViewer);
  await first.getByRole('radio', { name: 'A whole organisation' }).check();
  await choose(first, chair, 'Organisation', 'Demo Housing Association');
  await field(first, 'Due by').fill(londonDay(14));
  await first.getByRole('button', { name: 'Agree action' }).click();
  await expect(chair.getByText('Action agreed; it is set as a task.')).toBeVisible();
  await expect(first.getByRole('link', { name: doorViewer })).toBeVisible();

  // And the dispute: minutes and an action for the council.
  const second = itemAbout(chair, caseTitle);
  await second.getByRole('button', { name: 'Write the minutes' }).click();
  await field(second, 'Minutes').fill('Mediation offered to both households.');
  await second.getByRole('button', { name: 'Save minutes' }).click();
  await expect(second).toContainText('Mediation offered to both households.');
  await second.getByRole('button', { name: 'Agree an action' }).click();
  await field(second, 'Action').fill(`Offer mediation ${stamp}`);
  await second.getByRole('radio', { name: 'A whole organisation' }).check();
  await choose(second, chair, 'Organisation', 'Demo District Council');
  await field(second, 'Due by').fill(londonDay(21));
  await second.getByRole('button', { name: 'Agree action' }).click();
  await expect(second.getByRole('link', { name: `Offer mediation ${stamp}` })).toBeVisible();
  await checkA11y(chair);

  await chair.getByRole('button', { name: 'Close meeting' }).click();
  await chair.getByRole('dialog', { name: 'Close this meeting' }).getByRole('button', { name: 'Close meeting' }).click();
  await expect(chair.getByText('This meeting is closed')).toBeVisible();
  await checkA11y(chair);

  // The panel's figures count both referrals, one of them a repeat.
  await chair.getByRole('link', { name: `Back to ${panel.name}` }).click();
  const statistics = chair.getByRole('region', { name: 'Statistics' });
  await expect(statistics.getByRole('row', { name: /^Repeat referrals/ })).toBeVisible();
  await expect(statistics.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /statistics\.csv/);
  await checkA11y(chair);
  await chair.context().close();

  // The housing officer finds the task set for the housing association, on a record housing cannot open.
  const housing = await otherBrowser(browser, testInfo);
  await openAs(housing, DEMO_USERS.housing);
  await housing.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await housing.getByRole('tab', { name: 'My team\'s tasks' }).click();
  const task = housing.getByRole('link', { name: doorViewer });
  await expect(task).toBeVisible();
  await checkA11y(housing);
  await task.click();
  await expect(housing.getByRole('heading', { level: 1, name: doorViewer })).toBeVisible();
  await checkA11y(housing);

  // On the meeting page the items are stubs to housing: no names, no minutes, only its own action.
  await housing.goto(meetingUrl);
  await expect(agendaItems(housing)).toHaveCount(2);
  await expect(agendaItems(housing).getByRole('heading', { level: 3, name: /Restricted: you cannot open this record/ })).toHaveCount(2);
  await expect(housing.getByRole('main')).not.toContainText(victimName);
  await expect(housing.getByRole('main')).not.toContainText('Agreed target hardening');
  await expect(housing.getByRole('link', { name: doorViewer })).toBeVisible();
  await expect(housing.getByRole('link', { name: `Offer mediation ${stamp}` })).toHaveCount(0);
  await checkA11y(housing);
  await housing.context().close();
});

test('a system administrator sets up a Channel panel, which the local authority must chair; another partnership sees none of it', async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  const name = `Demo County Channel ${stamp}`;
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/panels');
  await page.getByRole('button', { name: 'Set up a panel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set up a panel' });
  await choose(dialog, page, 'Kind of panel', 'Channel');
  await field(dialog, 'Name').fill(name);
  for (const organisation of ['Demo County Police', 'Demo District Council']) await choose(dialog, page, 'Member organisations', organisation);
  // The list stays open for more choices; Escape closes it (and not the dialog).
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await choose(dialog, page, 'Chair', 'Priya Shah (ASB team, Demo County Police)', 'Priya');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Set up panel' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(/local authority/i);

  await choose(dialog, page, 'Chair', 'Jo Evans (Community Safety team, Demo District Council)', 'Jo Evans');
  await dialog.getByRole('button', { name: 'Set up panel' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Members' })).toContainText('Jo Evans, Demo District Council');
  await checkA11y(page);

  await openAs(page, DEMO_USERS.otherPolice);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Panels' }).click();
  await expect(page.getByText('Your organisation is not on any panel.')).toBeVisible();
  await checkA11y(page);
});
