import type { Locator, Page } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Places: a practitioner records a business by clicking the map for its position; a person added
// with its address is listed on it; typing the same address again shows it first and asks before
// adding a second record; another agency sees it as a match it can ask for; the list shows the
// places on a map; an edit made meanwhile by someone else is shown field by field before anything
// is overwritten.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const pub = { name: `The Crown ${stamp}`, addressLine1: `7 Market Street ${stamp}`, town: 'Newark', postcode: 'ng24 1aa' };
const pubName = `${pub.name}, ${pub.addressLine1}, ${pub.town}, NG24 1AA`;
let pubUrl = '';

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function fillAddress(page: Page) {
  await field(page, 'Address line 1').fill(pub.addressLine1);
  await field(page, 'Town or city').fill(pub.town);
  await field(page, 'Postcode').fill(pub.postcode);
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(150_000);
  // No internet in the journeys: the tiles fail, the markers must still show.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

test('a practitioner records a business, placing it by clicking the map', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto('/locations/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Add a location' })).toBeVisible();
  await choose(page, 'Type of place', 'Business');
  await field(page, 'Name').fill(pub.name);
  await fillAddress(page);
  // The postcode is tidied as the person leaves the field.
  await field(page, 'Latitude').focus();
  await expect(field(page, 'Postcode')).toHaveValue('NG24 1AA');

  const picker = page.getByRole('region', { name: 'Map for choosing the position' });
  await picker.click();
  await expect(field(page, 'Latitude')).toHaveValue(/^5\d\.\d+$/);
  await expect(field(page, 'Longitude')).toHaveValue(/^-?\d\.\d+$/);
  await expect(picker.locator('.leaflet-marker-icon')).toHaveCount(1);
  await checkA11y(page);

  await page.getByRole('button', { name: 'Add location' }).click();
  await expect(page.getByRole('heading', { level: 1, name: pubName })).toBeVisible();
  pubUrl = page.url();
  const details = page.getByRole('main');
  await expect(details).toContainText('Business');
  await expect(details).not.toContainText('Not recorded');
  await expect(page.getByRole('region', { name: 'Map of this location' }).getByRole('button', { name: pubName, exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cases at this location' })).toContainText('No cases are linked to this location.');
  await expect(page.getByRole('region', { name: 'Sharing' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
  await checkA11y(page);
});

test('a person added with the place\'s address, typed their own way, is listed on it with their markers and risk', async ({ page, checkA11y }) => {
  const person = `Nell Landlord${stamp}`;
  await openAs(page, DEMO_USERS.police);
  await page.goto('/profiles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New profile' })).toBeVisible();
  await field(page, 'First name').fill('Nell');
  await field(page, 'Last name').fill(`Landlord${stamp}`);
  await field(page, 'Reason for creating this profile').fill('Runs the pub named in the complaints');
  const markers = page.getByRole('combobox', { name: 'Warning markers' });
  await markers.fill('Violence');
  // Picked from the list, and seen picked, before going on: a key pressed before the list has
  // filtered picks nothing.
  await page.getByRole('option', { name: 'Violence', exact: true }).click();
  await markers.press('Escape');
  await expect(page.getByRole('main').getByText('Violence', { exact: true })).toBeVisible();
  await choose(page, 'Risk level', 'High');
  await page.getByRole('button', { name: 'Add an address' }).click();
  const address = page.getByRole('group', { name: 'Address 1' });
  await field(address, 'Address line 1').fill(`${pub.addressLine1.toUpperCase()},`);
  await field(address, 'Town').fill(pub.town);
  await field(address, 'Postcode').fill('NG241AA');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: person })).toBeVisible();

  // The address on the person's page is the way to the place.
  await page.getByRole('region', { name: 'Addresses' }).getByRole('link', { name: new RegExp(pub.addressLine1, 'i') }).click();
  await expect(page.getByRole('heading', { level: 1, name: pubName })).toBeVisible();
  const now = page.getByRole('region', { name: 'People at this address' }).getByRole('region', { name: /^Living here now/ });
  await expect(now.getByRole('link', { name: person })).toBeVisible();
  await expect(now.getByRole('list', { name: 'Warning markers' })).toContainText('Violence');
  await expect(now).toContainText('High');
  await checkA11y(page);
});

test('the same address typed again shows the existing place first, and asks before adding another', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto('/locations/new');
  await fillAddress(page);
  const matches = page.getByRole('region', { name: /^Is it one of these\?/ });
  await expect(matches.getByRole('link', { name: pubName })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'existing location' })).toHaveText(/1 existing location looks like this place/);
  await expect(matches).toContainText('ASB team · Demo County Police');
  await checkA11y(page);

  await page.getByRole('button', { name: 'Add location' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'This place may already be recorded' });
  await expect(warning).toBeVisible();
  await expect(page).toHaveURL(/\/locations\/new$/);
  await checkA11y(page);
  await warning.getByRole('button', { name: 'It is a different place: add it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${pub.addressLine1}, ${pub.town}, NG24 1AA` })).toBeVisible();
  await expect(page).not.toHaveURL(pubUrl);
});

test('another agency sees the place as a match it can ask for, not open', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.council);
  await page.goto('/locations/new');
  await fillAddress(page);
  await expect(page.getByText(pubName, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: pubName })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Request access to ${pubName}` })).toBeVisible();
  await checkA11y(page);

  await page.goto(pubUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this location' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('ASB team, Demo County Police');
  await checkA11y(page);
});

test('the list shows the places on a map beside the table, and filters by type', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locations' })).toBeVisible();
  await choose(page, 'Type of place', 'Business');
  await page.getByRole('searchbox', { name: 'Search locations' }).fill(stamp);
  const row = page.getByRole('row', { name: new RegExp(pub.name) });
  await expect(row).toContainText('Business');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Map of the locations listed' }).getByRole('button', { name: pubName, exact: true })).toBeVisible();
  await checkA11y(page);
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: pubName })).toBeVisible();
});

test('an edit saved meanwhile by someone else is shown field by field before saving over it', async ({ page, checkA11y }, testInfo) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto(`${pubUrl}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${pubName}` })).toBeVisible();
  await checkA11y(page);

  // The team lead renames the pub while this form is open.
  const lead = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  const id = pubUrl.split('/').pop()!;
  const current = (await lead.get(`/locations/${id}`)) as { version: number };
  await lead.send('PATCH', `/locations/${id}`, { version: current.version, name: `The Crown and Anchor ${stamp}` });
  await lead.dispose();

  await field(page, 'Address line 2').fill('Corner of Castle Gate');
  await page.getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this record since you opened it' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /^Name/ })).toContainText(`The Crown and Anchor ${stamp}`);
  await checkA11y(page);
  await conflict.getByRole('button', { name: 'Put my changes on top of theirs' }).click();
  await expect(field(page, 'Name')).toHaveValue(`The Crown and Anchor ${stamp}`);
  await expect(field(page, 'Address line 2')).toHaveValue('Corner of Castle Gate');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^The Crown and Anchor ${stamp}`) })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Corner of Castle Gate');
});
