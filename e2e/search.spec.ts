import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// The one search box: a practitioner finds a person despite a misspelling, sees a person another
// agency holds only as a locked stub naming its owner, finds who lives at a postcode (only those
// they may open), and someone of another partnership finds nothing of this one.
test.describe.configure({ mode: 'serial' });

const ours = {
  firstName: 'Bartholomew', lastName: 'Quartermaine', dateOfBirth: '1979-04-23', roles: ['perpetrator'], riskLevel: 'high', warningMarkers: ['violence'],
  addresses: [{ addressLine1: '4 Quarry Lane', town: 'Newark', postcode: 'NG21 7QZ' }],
};
const theirs = {
  firstName: 'Beatrice', lastName: 'Quartermaine', dateOfBirth: '1983-11-02', warningMarkers: ['visit-in-pairs'],
  addresses: [{ addressLine1: '6 Quarry Lane', town: 'Newark', postcode: 'NG21 7QZ' }],
};
let ourId = '';

// eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
test.beforeAll(async ({}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  // The police ASB team's lead records one person; the council's practitioner another, unshared.
  const police = await apiAs(baseURL, DEMO_USERS.policeLead);
  const created = (await police.send('POST', '/profiles', { ...ours, reasonCreated: 'Reported for repeated ASB on the estate', confirmNoDuplicate: true })) as { id: string };
  ourId = created.id;
  await police.dispose();
  const council = await apiAs(baseURL, DEMO_USERS.council);
  await council.send('POST', '/profiles', { ...theirs, reasonCreated: 'Victim of noise nuisance', confirmNoDuplicate: true });
  await council.dispose();
});

test.beforeEach(() => test.setTimeout(120_000));

test('a practitioner finds a misspelt name from the top bar; a profile held by another agency is a locked stub', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  const searchBox = page.getByRole('search', { name: 'Records' }).getByRole('searchbox', { name: 'Search people, cases and locations' });
  // "/" jumps to the search box from anywhere on the page.
  await page.keyboard.press('/');
  await expect(searchBox).toBeFocused();
  await searchBox.fill('Bartolomew Quartermain');
  await searchBox.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Search results for “Bartolomew Quartermain”' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /results?:/ })).toContainText(/\d+ (person|people)/);
  const found = page.getByRole('region', { name: /^People/ }).getByRole('listitem').filter({ hasText: 'Bartholomew Quartermaine' });
  await expect(found.getByRole('link', { name: 'Bartholomew Quartermaine' })).toBeVisible();
  await expect(found).toContainText('Born 23 Apr 1979');
  // What anyone about to meet them must know, in the result itself.
  await expect(found.getByRole('list', { name: 'Warning markers' })).toHaveText('Violence');
  await expect(found).toContainText('High risk');
  await expect(found).toContainText('Perpetrator / offender');
  await checkA11y(page);

  // A surname alone, misspelt too, finds everyone of that name, including those others hold.
  await searchBox.fill('Quartermain');
  await searchBox.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Search results for “Quartermain”' })).toBeVisible();
  const people = page.getByRole('region', { name: /^People/ });
  await expect(people.getByRole('link', { name: 'Bartholomew Quartermaine' })).toBeVisible();

  // The council's person: the name and who holds it, never a link, and a way to ask for access.
  const locked = people.getByRole('listitem').filter({ hasText: 'Beatrice Quartermaine' });
  await expect(locked.getByRole('link')).toHaveCount(0);
  await expect(locked).toContainText('Locked');
  await expect(locked).toContainText('Held by: Community Safety team · Demo District Council');
  await expect(locked).not.toContainText('Visit in pairs');
  await expect(locked.getByRole('button', { name: 'Request access to Beatrice Quartermaine' })).toBeVisible();
  await checkA11y(page);

  await locked.getByRole('button', { name: 'Request access to Beatrice Quartermaine' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request access to Beatrice Quartermaine' });
  await expect(dialog).toContainText('Community Safety team · Demo District Council');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // One kind of record at a time; the search words stay in the box.
  await page.getByRole('navigation', { name: 'Kind of record' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page).toHaveURL(/kind=case/);
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found.' })).toBeVisible();
  await expect(searchBox).toHaveValue('Quartermain');
  await page.getByRole('navigation', { name: 'Kind of record' }).getByRole('link', { name: 'All' }).click();

  await people.getByRole('link', { name: 'Bartholomew Quartermaine' }).click();
  await expect(page).toHaveURL(new RegExp(`/profiles/${ourId}$`));
});

test('a practitioner finds the people living at a postcode, but not one another agency holds', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  const searchBox = page.getByRole('searchbox', { name: 'Search people, cases and locations' });
  await searchBox.fill('ng217qz');
  await searchBox.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Search results for “ng217qz”' })).toBeVisible();
  const people = page.getByRole('region', { name: /^People/ });
  const found = people.getByRole('listitem').filter({ hasText: 'Bartholomew Quartermaine' });
  await expect(found).toContainText('4 Quarry Lane, Newark, NG21 7QZ');
  await expect(found.getByRole('list', { name: 'Warning markers' })).toHaveText('Violence');
  // Where the council's person lives is not the police's to learn from a search.
  await expect(page.getByRole('main')).not.toContainText('Beatrice');
  await checkA11y(page);
});

test('on a phone the search box stays in the top bar and the results fit the screen', async ({ page, checkA11y }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAs(page, DEMO_USERS.policeLead);
  const searchBox = page.getByRole('searchbox', { name: 'Search people, cases and locations' });
  await expect(searchBox).toBeVisible();
  await searchBox.fill('quartermaine');
  await page.getByRole('search', { name: 'Records' }).getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search results for “quartermaine”' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^People/ }).getByRole('listitem').filter({ hasText: 'Quartermaine' })).toHaveCount(2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the results page scrolls sideways on a phone').toBeLessThanOrEqual(0);
  await checkA11y(page);
});

test('someone in the other partnership finds nothing of Demo County', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.otherPolice);
  const searchBox = page.getByRole('searchbox', { name: 'Search people, cases and locations' });
  await searchBox.fill('Quartermaine');
  await searchBox.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Search results for “Quartermaine”' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found.' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^People/ })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Quartermaine' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Request access/ })).toHaveCount(0);
  await checkA11y(page);
});
