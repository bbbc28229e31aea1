import sharp from 'sharp';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, fillDate, openAs, resizeTo, test } from './fixtures.ts';

// A team's caseload of people: the gallery, a profile page (markers, sharing, relationships,
// photo, history), merging a duplicate, and two people editing one profile at once.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const surname = `Ashdown${stamp}`;
const people = {
  kyle: { firstName: 'Kyle', lastName: surname, dateOfBirth: '2001-02-03', roles: ['perpetrator'], riskLevel: 'high', warningMarkers: ['violence', 'visit-in-pairs'] },
  mary: { firstName: 'Mary', lastName: surname, approximateAge: 67, roles: ['victim', 'vulnerable_person'], riskLevel: 'medium', warningMarkers: [] },
  dean: { firstName: 'Dean', lastName: surname, dateOfBirth: '1985-07-19', roles: ['witness'], riskLevel: null, warningMarkers: ['dangerous-dog'] },
};
const ids: Record<string, string> = {};

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

/** Whole years from a date of birth to today, as the server works them out. */
function ageOn(dateOfBirth: string): number {
  const born = new Date(`${dateOfBirth}T00:00:00Z`);
  const now = new Date();
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  if (now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate())) age -= 1;
  return age;
}

// eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
test.beforeAll(async ({}, testInfo) => {
  const lead = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  for (const [key, person] of Object.entries(people)) {
    const created = (await lead.send('POST', '/profiles', { ...person, reasonCreated: 'Named in the estate ASB operation', confirmNoDuplicate: true })) as { id: string };
    ids[key] = created.id;
  }
  await lead.dispose();
});

test.beforeEach(() => test.setTimeout(150_000));

test('the gallery shows each person’s face or initials, age, roles, risk and warning markers', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find by name' }).fill(surname);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
  await checkA11y(page);

  await page.getByText('Gallery', { exact: true }).click();
  await expect(page).toHaveURL(/view=gallery/);
  const card = (name: string) => page.getByRole('listitem', { name });
  const kyle = card(`Kyle ${surname}`);
  await expect(kyle.getByRole('heading', { level: 2 })).toHaveText(`Kyle ${surname}`);
  await expect(kyle).toContainText(`Age: ${ageOn(people.kyle.dateOfBirth)}`);
  await expect(kyle).toContainText('Perpetrator / offender');
  await expect(kyle).toContainText('High risk');
  await expect(kyle.getByRole('list', { name: 'Warning markers' })).toContainText('Violence');
  await expect(kyle.getByRole('list', { name: 'Warning markers' })).toContainText('Visit in pairs');
  await expect(kyle).toContainText('KA');

  const mary = card(`Mary ${surname}`);
  await expect(mary).toContainText('Age: about 67');
  await expect(mary.getByRole('list', { name: 'Roles' })).toContainText('Victim');
  await expect(mary.getByRole('list', { name: 'Roles' })).toContainText('Vulnerable person');
  await expect(mary).toContainText('Medium risk');
  await expect(mary.getByRole('list', { name: 'Warning markers' })).toHaveCount(0);

  const dean = card(`Dean ${surname}`);
  await expect(dean).toContainText('Witness');
  await expect(dean).toContainText('Risk not assessed');
  await expect(dean.getByRole('list', { name: 'Warning markers' })).toContainText('Dangerous dog at the address');
  await checkA11y(page);

  // Filters narrow the gallery, and stay in the address.
  await page.getByRole('combobox', { name: 'Risk' }).click();
  await page.getByRole('option', { name: 'High' }).click();
  await expect(page).toHaveURL(/risk=high/);
  await expect(card(`Kyle ${surname}`)).toBeVisible();
  await expect(card(`Mary ${surname}`)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1 profile' })).toBeVisible();
});

test('a profile page puts warning markers first, and its owners share it, link relatives and add a photo', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.policeLead);
  await page.goto(`/profiles/${ids.kyle}`);
  await expect(page.getByRole('heading', { level: 1, name: `Kyle ${surname}` })).toBeVisible();
  const markers = page.getByRole('alert').filter({ hasText: 'Warning markers' });
  await expect(markers).toContainText('Violence');
  await expect(markers).toContainText('Visit in pairs');
  await checkA11y(page);

  // Sharing with the council's team, then changing and removing it.
  await page.getByRole('tab', { name: 'Sharing' }).click();
  const sharing = page.getByRole('region', { name: 'Sharing' });
  await expect(sharing).toContainText('Only Demo County Police can see this record.');
  await sharing.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Community Safety team (Demo District Council)' }).click();
  await sharing.getByRole('button', { name: 'Share' }).click();
  const table = sharing.getByRole('table', { name: 'Who can see this profile' });
  const council = table.getByRole('row', { name: /Community Safety team \(Demo District Council\)/ });
  await expect(council).toContainText('Priya Shah');
  await expect(sharing).not.toContainText('Only Demo County Police can see this record.');
  await council.getByRole('combobox', { name: 'Access for Community Safety team (Demo District Council)' }).click();
  await page.getByRole('option', { name: 'Can view and edit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'now: can view and edit' })).toBeVisible();
  await checkA11y(page);
  await sharing.getByRole('radio', { name: 'A whole organisation' }).check();
  await sharing.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: 'Demo Housing Association' }).click();
  await sharing.getByRole('button', { name: 'Share' }).click();
  await expect(table.getByRole('row', { name: /Everyone in Demo Housing Association/ })).toBeVisible();
  await table.getByRole('button', { name: 'Stop sharing with Everyone in Demo Housing Association' }).click();
  await expect(table.getByRole('row', { name: /Everyone in Demo Housing Association/ })).toHaveCount(0);

  // A relationship, read from both sides.
  await page.getByRole('tab', { name: 'Details' }).click();
  const relationships = page.getByRole('region', { name: 'Relationships' });
  await relationships.getByRole('button', { name: 'Add a relationship' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a relationship' });
  await dialog.getByRole('combobox', { name: 'The other person' }).fill(`Mary ${surname}`);
  await page.getByRole('option', { name: new RegExp(`^Mary ${surname}`) }).click();
  await dialog.getByRole('combobox', { name: 'Relationship' }).click();
  await page.getByRole('option', { name: 'Child of' }).click();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Add relationship' }).click();
  await expect(dialog).toBeHidden();
  await expect(relationships).toContainText(`Child of Mary ${surname}`);
  await relationships.getByRole('link', { name: `Mary ${surname}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Mary ${surname}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Relationships' })).toContainText(`Parent of Kyle ${surname}`);
  await page.goBack();

  // A photo: uploaded from the computer, shown on the page and in the gallery.
  await expect(page.getByRole('img', { name: `No photo of Kyle ${surname}` })).toBeVisible();
  const png = await sharp({ create: { width: 120, height: 160, channels: 3, background: { r: 90, g: 120, b: 160 } } }).png().toBuffer();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add a photo' }).click();
  await (await chooser).setFiles({ name: 'kyle.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: `Photo of Kyle ${surname}` })).toBeVisible();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Community Safety team');
  await checkA11y(page);

  // On a phone the wide tables scroll sideways, and the keyboard can reach them to do so.
  await resizeTo(page, 390, 844);
  await expect(page.getByRole('alert').filter({ hasText: 'Warning markers' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('tab', { name: 'Sharing' }).click();
  await expect(page.getByRole('table', { name: 'Who can see this profile' })).toBeVisible();
  await checkA11y(page);
});

test('a team admin merges a duplicate into the profile', async ({ page, checkA11y }, testInfo) => {
  const lead = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  const duplicate = (await lead.send('POST', '/profiles', { firstName: 'Kyle', lastName: `${surname}e`, dateOfBirth: people.kyle.dateOfBirth, reasonCreated: 'Entered twice by mistake', confirmNoDuplicate: true })) as { id: string };
  await lead.dispose();

  await openAs(page, DEMO_USERS.policeLead);
  await page.goto(`/profiles/${ids.kyle}`);
  await page.getByRole('button', { name: 'Merge a duplicate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a duplicate into this profile' });
  await dialog.getByRole('combobox', { name: 'Duplicate profile' }).fill(`${surname}e`);
  await page.getByRole('option', { name: new RegExp(`^Kyle ${surname}e,`) }).click();
  await expect(dialog.getByRole('alert')).toContainText(`Kyle ${surname}e will be merged into Kyle ${surname}`);
  await dialog.getByRole('button', { name: 'Merge profiles' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Reason must not be blank');
  await checkA11y(page);
  await field(dialog, 'Reason').fill('Same person: same date of birth and address, surname misspelt');
  await dialog.getByRole('button', { name: 'Merge profiles' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'Merged from' })).toContainText(`Kyle ${surname}e`);

  // The duplicate's old address leads to the survivor.
  await page.goto(`/profiles/${duplicate.id}`);
  await expect(page).toHaveURL(new RegExp(`/profiles/${ids.kyle}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Kyle ${surname}` })).toBeVisible();
});

test('two people edit one profile at once: the second sees the first one’s change and keeps both', async ({ page, browser, checkA11y }, testInfo) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${ids.dean}`);
  await page.getByRole('link', { name: 'Edit profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit Dean ${surname}` })).toBeVisible();
  await checkA11y(page);

  const lead = await otherBrowser(browser, testInfo);
  await openAs(lead, DEMO_USERS.policeLead);
  await lead.goto(`/profiles/${ids.dean}/edit`);
  await expect(lead.getByRole('heading', { level: 1, name: `Edit Dean ${surname}` })).toBeVisible();

  // The first saves a new key fact.
  await field(lead, 'Key information').fill('Saw the assault on 3 March from his window');
  await lead.getByRole('button', { name: 'Save changes' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: `Dean ${surname}` })).toBeVisible();
  await lead.context().close();

  // The second, still on the form they opened before, changes the phone number and saves.
  await field(page, 'Phone').fill('07700 900123');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this record since you opened it' });
  await expect(notice).toBeVisible();
  const changed = notice.getByRole('row', { name: /Key information/ });
  await expect(changed).toContainText('Saw the assault on 3 March from his window');
  await expect(notice.getByRole('row', { name: /Phone/ })).toHaveCount(0);
  await checkA11y(page);

  await notice.getByRole('button', { name: 'Put my changes on top of theirs' }).click();
  await expect(notice).toBeHidden();
  await expect(field(page, 'Key information')).toHaveValue('Saw the assault on 3 March from his window');
  await expect(field(page, 'Phone')).toHaveValue('07700 900123');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dean ${surname}` })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText('Saw the assault on 3 March from his window');
  await expect(main).toContainText('07700 900123');
  await checkA11y(page);
});

test('Enter in a field of several values picks the option, and never submits the half-filled form', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto('/profiles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New profile' })).toBeVisible();
  await field(page, 'First name').fill('Enid');
  await field(page, 'Last name').fill(`Penhallow${stamp}`);

  const vulnerabilities = page.getByRole('combobox', { name: 'Vulnerabilities' });
  // Nothing to pick: this Enter used to create the profile with what was there so far.
  await vulnerabilities.press('Enter');
  await vulnerabilities.fill('Mental');
  // The keys act on the list as it is: wait for it to offer the option before choosing it.
  await expect(page.getByRole('option', { name: 'Mental health', exact: true })).toBeVisible();
  await vulnerabilities.press('ArrowDown');
  await vulnerabilities.press('Enter');
  await vulnerabilities.press('Escape');
  await vulnerabilities.press('Enter');
  await expect(page.getByRole('main').getByText('Mental health', { exact: true })).toBeVisible();

  // Time for a submission to have shown itself: the match check runs on the names typed.
  await expect(page.getByRole('region', { name: 'Possible matches' }).getByRole('status')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/profiles\/new$/);
  await checkA11y(page);

  await page.getByRole('checkbox', { name: 'Victim' }).check();
  await field(page, 'Reason for creating this profile').fill('Reported by a neighbour');
  // A date of birth keyed month first is caught, not turned into another date.
  const born = page.getByRole('group', { name: 'Date of birth', exact: true });
  await fillDate(page, 'Date of birth', '1958-25-04');
  await page.getByRole('button', { name: 'Create profile' }).click();
  const problem = 'Date of birth must be a real date: the month comes second (day, month, year)';
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(problem);
  await expect(born).toContainText(problem);
  await checkA11y(page);
  await fillDate(page, 'Date of birth', '1958-04-25');
  await expect(born).toContainText('Read back: 25 April 1958');

  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Enid Penhallow${stamp}` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Mental health');
  await expect(page.getByRole('main')).toContainText('25 Apr 1958');
});

test('leaving a form with unsaved changes asks first, and staying keeps what was typed', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto('/profiles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New profile' })).toBeVisible();
  await field(page, 'First name').fill('Una');
  await field(page, 'Last name').fill(`Unsaved${stamp}`);

  const people = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' });
  await people.click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(dialog).toBeHidden();
  await expect(field(page, 'Last name')).toHaveValue(`Unsaved${stamp}`);

  await people.click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  // Cancel is leaving on purpose: no question.
  await page.goto('/profiles/new');
  await field(page, 'First name').fill('Una');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
});
