import type { Page } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// History and the audit trail in the users' words: a case's history names its case type, lead
// officer and the person linked to it (a person the reader may not open is only said to be one);
// a new place lists only what was given; the timeline says who was linked; an administrator finds
// the case's events by its reference, sees a page visit's reads as one entry, and the reminders
// the app checks on every page only when they ask.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const person = { firstName: 'Nell', lastName: `Namesake${stamp.replace(/\d/g, '')}` };
const personName = `${person.firstName} ${person.lastName}`;
let caseId = '';
let reference = '';
let locationId = '';
let officerName = '';

const region = (page: Page, name: string) => page.getByRole('region', { name });

test('a case\'s history and timeline name its type, its lead officer and the person linked to it', async ({ page, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const lead = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  const officer = (await lead.get('/me')) as { id: string; name: string };
  officerName = officer.name;
  const profile = (await police.send('POST', '/profiles', { ...person, reasonCreated: 'Named in the complaints', confirmNoDuplicate: true })) as { id: string };
  const kase = (await police.send('POST', '/cases', { caseType: 'asb', title: `Names ${stamp}`, leadOfficerId: officer.id })) as { id: string; reference: string };
  ({ id: caseId, reference } = kase);
  await police.send('POST', `/cases/${caseId}/profiles`, { profileId: profile.id, role: 'victim' });
  const council = ((await police.get('/teams?limit=200')) as { items: { id: string; name: string; organisation: { name: string } }[] }).items
    .find((t) => t.name === 'Community Safety team' && t.organisation.name === 'Demo District Council')!;
  await police.send('POST', `/cases/${caseId}/access`, { teamId: council.id, level: 'view' });
  const place = (await police.send('POST', '/locations', { kind: 'home', addressLine1: `4 Label Lane ${stamp}`, postcode: 'NG1 1AA', confirmNoDuplicate: true })) as { id: string };
  locationId = place.id;
  await Promise.all([police.dispose(), lead.dispose()]);

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/cases/${caseId}`);
  const history = region(page, 'History');
  const created = history.getByRole('listitem').filter({ hasText: 'Created' });
  await expect(created.getByRole('row', { name: 'Case type ASB' })).toBeVisible();
  await expect(created.getByRole('row', { name: `Lead officer ${officerName}` })).toBeVisible();
  await expect(history).not.toContainText('Case type id');
  await expect(history).not.toContainText('Another record');
  const linked = history.getByRole('listitem').filter({ hasText: 'Linked a person' });
  await expect(linked).toContainText(`Linked a person: ${personName} (Victim)`);
  await expect(linked.getByRole('link', { name: personName })).toHaveAttribute('href', `/profiles/${profile.id}`);

  const timeline = region(page, 'Timeline');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Person linked to the case' })).toContainText(`${personName} (Victim)`);
  const opened = timeline.getByRole('listitem').filter({ hasText: 'Case opened' });
  await expect(opened).toContainText(/Recorded: .*Case type, Lead officer/);
  await expect(opened).not.toContainText('Case type id');
  await checkA11y(page);

  // A new place lists what was given, not a row for every blank field.
  await page.goto(`/locations/${locationId}`);
  const placeHistory = region(page, 'History');
  await expect(placeHistory.getByRole('row', { name: /^Address line 1/ })).toBeVisible();
  await expect(placeHistory.getByRole('row', { name: /^Postcode/ })).toBeVisible();
  await expect(placeHistory).not.toContainText('Address line 2');
  await expect(placeHistory).not.toContainText('(blank)');
});

test('an agency the case is shared with, but not the person, is told only that someone was linked', async ({ page }) => {
  await openAs(page, DEMO_USERS.council);
  await page.goto(`/cases/${caseId}`);
  const history = region(page, 'History');
  await expect(history.getByRole('listitem').filter({ hasText: 'Linked a person' })).toContainText('Linked a person: a person you cannot open (Victim)');
  await expect(history).not.toContainText(person.lastName);
  await expect(region(page, 'Timeline').getByRole('listitem').filter({ hasText: 'Person linked to the case' })).toContainText('a person you cannot open (Victim)');
});

test('an administrator finds the case\'s events by its reference, with a page visit\'s reads as one entry', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.policeLead);
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Person, case or place' }).fill(reference);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=/);
  // Until the filtered events arrive the unfiltered ones stay, grouped into visits differently.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const rows = page.getByRole('table').first().getByRole('row');
  const caseName = `${reference}: Names ${stamp}`;
  await expect(rows.filter({ has: page.getByRole('cell', { name: 'Created case', exact: true }) })).toContainText(caseName);
  // The police officer's look at the case page: its record, timeline and history read as one visit.
  const visit = rows.filter({ hasText: 'One page visit' }).filter({ hasText: 'Tom Wright' }).first();
  await expect(visit).toContainText('Opened case');
  await expect(visit).toContainText(caseName);
  // A page's reads arrive over a moment, so one look may span two visits: open each of the officer's.
  const visits = rows.filter({ hasText: 'One page visit' }).filter({ hasText: 'Tom Wright' });
  // Each opened visit's button becomes "Hide the reads", so the first still closed is always `first()`.
  // A late read can regroup the list and merge two visits, so open what is still closed until none is.
  const closed = visits.getByRole('button', { name: /^Show the \d+ reads$/ });
  await expect(async () => {
    while ((await closed.count()) > 0) await closed.first().click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(rows.filter({ has: page.getByRole('cell', { name: 'Viewed case history', exact: true }) }).first()).toBeVisible();
  const created = rows.filter({ has: page.getByRole('cell', { name: 'Created case', exact: true }) });
  await created.getByRole('button', { name: 'Show details' }).click();
  const changes = page.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row', { name: 'Case type ASB' })).toBeVisible();
  await expect(changes.getByRole('row', { name: `Lead officer ${officerName}` })).toBeVisible();
  await checkA11y(page);

  // The reminders the app checks on every page are left out until asked for.
  await page.goto('/audit');
  await page.getByRole('combobox', { name: 'Action' }).fill('Listed reminders');
  await page.getByRole('option', { name: 'Listed reminders', exact: true }).click();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No events match these filters.')).toBeVisible();
  await page.getByRole('checkbox', { name: /Show the checks the app makes by itself/ }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/polling=shown/);
  await expect(rows.filter({ hasText: 'Listed reminders' }).first()).toBeVisible();
  await checkA11y(page);
});
