import type { Locator, Page } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// Cases from a police practitioner's desk: an ASB case with its victim, perpetrator and the place
// on a map; an operation with one sub-case per premises; and a case closed, then archived for good.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const victim = { firstName: 'Rosalind', lastName: `Featherstone${stamp}` };
const perpetrator = { firstName: 'Desmond', lastName: `Blackwood${stamp}`, riskLevel: 'high', warningMarkers: ['violence'] };
const place = { addressLine1: `14 Juniper Walk ${stamp}`, town: 'Nottingham', postcode: 'ng1 5ab', latitude: '52.9548', longitude: '-1.1581' };
const placeName = `${place.addressLine1}, ${place.town}, NG1 5AB`;
/** A case lists its places by address and postcode. */
const casePlaceName = `${place.addressLine1}, NG1 5AB`;

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

/** Picks from a select: open it, optionally type to narrow the list, then choose the option. */
async function choose(scope: Page | Locator, page: Page, label: string, option: string, search?: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  if (search) await box.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The map tiles come from the internet, which the journeys do not have: fail them at once. */
async function withoutTiles(page: Page) {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
}

// eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
test.beforeAll(async ({}, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  for (const person of [
    { ...victim, roles: ['victim'] },
    { ...perpetrator, roles: ['perpetrator'] },
  ]) {
    await police.send('POST', '/profiles', { ...person, reasonCreated: 'Named in reports of ASB on Juniper Walk', confirmNoDuplicate: true });
  }
  // Nobody leads it: the case list's "Led by me" leaves it out.
  await police.send('POST', '/cases', { caseType: 'ASB', title: `Bins set alight on Juniper Walk ${stamp}` });
  await police.dispose();
});

test.beforeEach(async ({ page }) => {
  test.setTimeout(150_000);
  await withoutTiles(page);
});

async function addPerson(page: Page, person: { firstName: string; lastName: string }, role: string) {
  const name = `${person.firstName} ${person.lastName}`;
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person to this case' });
  await dialog.getByRole('searchbox', { name: 'Search people' }).fill(name);
  await dialog.getByRole('radio', { name: new RegExp(name) }).check();
  await choose(dialog, page, 'Role in this case', role);
  await dialog.getByRole('button', { name: 'Add to case' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${name} added to this case` })).toBeVisible();
}

test('a police practitioner opens an ASB case with its victim, perpetrator and location on a map', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);

  // The place first, with its position.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locations' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: 'Add location' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a location' })).toBeVisible();
  await field(page, 'Address line 1').fill(place.addressLine1);
  await field(page, 'Town or city').fill(place.town);
  await field(page, 'Postcode').fill(place.postcode);
  await field(page, 'Latitude').fill(place.latitude);
  await field(page, 'Longitude').fill(place.longitude);
  await expect(page.getByRole('region', { name: 'Map for choosing the position' }).locator('.leaflet-marker-icon')).toHaveCount(1);
  await checkA11y(page);
  await page.getByRole('button', { name: 'Add location' }).click();
  await expect(page.getByRole('heading', { level: 1, name: placeName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Map of this location' }).getByRole('button', { name: placeName })).toBeVisible();
  await checkA11y(page);

  // The case.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: 'Add case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a case' })).toBeVisible();
  await choose(page, page, 'Case type', 'ASB', 'ASB');
  await field(page, 'Title').fill(`Noise and intimidation on Juniper Walk ${stamp}`);
  await field(page, 'Summary').fill('Loud music at night and threats to a neighbour.');
  await field(page, 'Start date').fill('2026-01-05');
  await field(page, 'End date').fill('2026-05-04');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Add case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^ASB.*Noise and intimidation on Juniper Walk ${stamp}$`) })).toBeVisible();
  await checkA11y(page);

  // The people, each in their part.
  await addPerson(page, victim, 'Victim');
  await addPerson(page, perpetrator, 'Perpetrator / offender');
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('row', { name: new RegExp(`${victim.firstName} ${victim.lastName}`) })).toContainText('Victim');
  const desmond = people.getByRole('row', { name: new RegExp(`${perpetrator.firstName} ${perpetrator.lastName}`) });
  await expect(desmond).toContainText('Perpetrator / offender');
  // Anyone about to meet him sees it here, not only on his profile.
  await expect(desmond.getByRole('list', { name: 'Warning markers' })).toHaveText('Violence');
  await expect(desmond).toContainText('High risk');
  await expect(people.getByRole('link', { name: `${victim.firstName} ${victim.lastName}` })).toBeVisible();

  // The place, found by its address and shown on the case's map.
  await page.getByRole('button', { name: 'Add a location' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a location to this case' });
  await checkA11y(page);
  await dialog.getByRole('searchbox', { name: 'Search locations' }).fill(place.addressLine1);
  await dialog.getByRole('radio', { name: new RegExp(place.addressLine1) }).check();
  await dialog.getByRole('button', { name: 'Add to case' }).click();
  await expect(dialog).toBeHidden();
  const locations = page.getByRole('region', { name: 'Locations' });
  await expect(locations.getByRole('link', { name: casePlaceName })).toBeVisible();
  const marker = locations.getByRole('region', { name: "Map of the case's locations" }).getByRole('button', { name: casePlaceName, exact: true });
  await expect(marker).toBeVisible();
  await checkA11y(page);

  // The marker is a keyboard stop whose popup leads to the location.
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.leaflet-popup').getByRole('link', { name: casePlaceName })).toBeVisible();
  await checkA11y(page);

  // The first step of the ASB toolkit, and the practitioner naming themselves lead officer.
  await page.getByRole('button', { name: 'Add intervention' }).click();
  const step = page.getByRole('dialog', { name: 'Add an intervention' });
  await choose(step, page, 'Intervention', 'Warning letter', 'Warning');
  await choose(step, page, 'Status', 'Issued');
  await field(step, 'Start date').fill('2026-01-12');
  await checkA11y(page);
  await step.getByRole('button', { name: 'Add intervention' }).click();
  await expect(step).toBeHidden();
  await expect(page.getByRole('region', { name: 'Interventions' }).getByRole('row', { name: /Warning letter/ })).toContainText('Issued');

  await page.getByRole('link', { name: 'Edit case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit ASB/ })).toBeVisible();
  await choose(page, page, 'Lead officer', 'Tom Wright (you)');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^ASB.*Juniper Walk ${stamp}$`) })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Lead officerTom Wright');

  // The case list shows who leads each case and when it runs, and finds the cases one leads.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search cases' }).fill(`Juniper Walk ${stamp}`);
  const led = page.getByRole('row', { name: new RegExp(`Noise and intimidation on Juniper Walk ${stamp}`) });
  const unled = page.getByRole('row', { name: new RegExp(`Bins set alight on Juniper Walk ${stamp}`) });
  await expect(unled).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Lead officer' })).toBeVisible();
  await expect(led.getByRole('cell', { name: 'Tom Wright' })).toBeVisible();
  await expect(led.getByRole('cell', { name: '5 Jan 2026' })).toBeVisible();
  await expect(led.getByRole('cell', { name: '4 May 2026' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Led by me' }).check();
  await expect(page).toHaveURL(/[?&]leadOfficer=me(&|$)/);
  await expect(unled).toHaveCount(0);
  await expect(led).toBeVisible();
  // "Ending before" a case's end date leaves it out; the day after keeps it.
  await field(page, 'Ending before').fill('2026-05-04');
  await expect(page.getByText('No cases match these filters.')).toBeVisible();
  await field(page, 'Ending before').fill('2026-05-05');
  await expect(led).toBeVisible();
  await checkA11y(page);

  // On a phone the people and interventions tables scroll sideways, reachable by keyboard.
  await page.goBack();
  await resizeTo(page, 390, 844);
  await expect(page.getByRole('region', { name: 'People' })).toBeVisible();
  await checkA11y(page);

  // So does the case list, its filters kept in the address.
  await page.goto('/cases?leadOfficer=me');
  await expect(page.getByRole('checkbox', { name: 'Led by me' })).toBeChecked();
  await expect(page.getByRole('columnheader', { name: 'Lead officer' })).toBeVisible();
  await checkA11y(page);
});

test('an operation gets one sub-case per premises, each linked back to it', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  const operation = `Operation Lantern ${stamp}`;
  await page.goto('/cases/new');
  await choose(page, page, 'Case type', 'Modern Slavery operation', 'Modern');
  await field(page, 'Title').fill(operation);
  await page.getByRole('button', { name: 'Add case' }).click();
  const parentHeading = page.getByRole('heading', { level: 1, name: new RegExp(`${operation}$`) });
  await expect(parentHeading).toBeVisible();
  const parentUrl = page.url();
  const parentName = (await parentHeading.textContent()) ?? '';

  for (const premises of ['Car wash, 3 Mill Lane', 'Nail bar, 21 Station Road']) {
    await page.goto(parentUrl);
    await page.getByRole('link', { name: 'Add sub-case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a sub-case' })).toBeVisible();
    await expect(page.getByText('This sub-case will be part of')).toContainText(operation);
    // The operation's type comes with it.
    await expect(page.getByRole('combobox', { name: 'Case type' })).toHaveValue('Modern Slavery operation');
    await checkA11y(page);
    await field(page, 'Title').fill(`${premises} ${stamp}`);
    await page.getByRole('button', { name: 'Add sub-case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${premises} ${stamp}$`) })).toBeVisible();
    const family = page.getByRole('region', { name: 'Parent case and sub-cases' });
    await expect(family.getByRole('link', { name: parentName })).toBeVisible();
  }
  await checkA11y(page);

  // Back on the operation, both premises are listed, and each leads back to it.
  await page.getByRole('region', { name: 'Parent case and sub-cases' }).getByRole('link', { name: parentName }).click();
  await expect(parentHeading).toBeVisible();
  const subCases = page.getByRole('list', { name: /^Sub-cases of / });
  await expect(subCases.getByRole('listitem')).toHaveCount(2);
  await expect(subCases).toContainText(`Car wash, 3 Mill Lane ${stamp}`);
  await expect(subCases).toContainText(`Nail bar, 21 Station Road ${stamp}`);
  await checkA11y(page);
  await subCases.getByRole('link', { name: new RegExp(`Nail bar, 21 Station Road ${stamp}`) }).click();
  await expect(page.getByRole('region', { name: 'Parent case and sub-cases' }).getByRole('link', { name: parentName })).toBeVisible();
});

test('a case closed with its outcome and reason, then archived, can only be read', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const created = (await police.send('POST', '/cases', { caseType: 'ASB', title: `Graffiti at the underpass ${stamp}` })) as { id: string };
  await police.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Graffiti at the underpass ${stamp}$`) })).toBeVisible();

  await page.getByRole('button', { name: 'Close case' }).click();
  const closing = page.getByRole('dialog', { name: 'Close this case' });
  await closing.getByRole('button', { name: 'Close case' }).click();
  await expect(closing.getByRole('alert')).toContainText('Outcome must not be blank');
  await field(closing, 'Outcome').fill('Graffiti removed; no repeat in six weeks');
  await field(closing, 'Reason').fill('Council cleansing team removed it and CCTV shows no return.');
  await checkA11y(page);
  await closing.getByRole('button', { name: 'Close case' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByRole('main')).toContainText('Outcome: Graffiti removed; no repeat in six weeks');
  await expect(page.getByRole('main')).toContainText('Reason: Council cleansing team removed it and CCTV shows no return.');
  await expect(page.getByRole('link', { name: 'Edit case' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reopen case' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive case' }).click();
  const archiving = page.getByRole('dialog', { name: 'Archive this case' });
  await checkA11y(page);
  await archiving.getByRole('button', { name: 'Archive case' }).click();
  await expect(archiving).toBeHidden();

  await expect(page.getByRole('main').getByText('This case is archived')).toBeVisible();
  for (const control of ['Close case', 'Reopen case', 'Archive case', 'Add a person', 'Add a location', 'Add sub-case', 'Add intervention']) {
    await expect(page.getByRole('main').getByRole('button', { name: control })).toHaveCount(0);
  }
  await expect(page.getByRole('link', { name: 'Edit case' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Add sub-case' })).toHaveCount(0);
  await checkA11y(page);

  // Typing the edit address is no way round it.
  await page.goto(`/cases/${created.id}/edit`);
  await expect(page.getByRole('main')).toContainText('It is archived: it can be read but no longer changed.');
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
});
