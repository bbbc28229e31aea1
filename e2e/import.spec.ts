import type { Locator, Page } from '@playwright/test';
import { DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Administration of the shared record: importing people from a spreadsheet (checked first, then
// all or nothing) and the partnership's lists that profiles and cases choose from.

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

const header = 'First name,Last name,Date of birth,Gender,Roles,Reason created';
const rows = [
  'Imogen,Ashcroft,14/07/1991,Female,Victim,Repeat victim of ASB on Carlton Road',
  'Percival,Thornbury,1986-02-09,Male,Perpetrator,Named in three noise complaints',
];
const badRow = 'Winifred,Castleton,31/02/1990,Female,Witness,Witness to criminal damage';
const goodRow = 'Winifred,Castleton,28/02/1990,Female,Witness,Witness to criminal damage';
const csvFile = (lines: string[]) => ({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`) });

const vulnerability = `Hoarding ${Date.now().toString(36)}`;

test.beforeEach(() => test.setTimeout(120_000));

test('an import with one bad row shows its problem and imports nothing; the corrected file imports everyone', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.policeLead);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import profiles' })).toBeFocused();
  await expect(page.getByRole('row', { name: /Reason created Required/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Download a template/ })).toHaveAttribute('download', 'concord-profile-import-template.csv');
  await checkA11y(page);

  // Nothing chosen yet.
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('Choose a CSV file to check.')).toBeVisible();

  await page.locator('input[type=file]').setInputFiles(csvFile([...rows, badRow]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  const result = page.getByRole('heading', { level: 2, name: 'What importing people.csv would do' });
  await expect(result).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: '3 rows' })).toContainText('2 new profiles, 0 people already on Concord or earlier in the file, 1 row with problems.');
  const problemRow = page.getByRole('row', { name: /^4 Winifred Castleton/ });
  await expect(problemRow).toContainText('Problem');
  await expect(problemRow).toContainText('Date of birth: "31/02/1990" is not a real date');
  // Problems come first, as they stop the import.
  const report = page.getByRole('region', { name: 'What importing people.csv would do' });
  await expect(report.getByRole('table').getByRole('row').nth(1)).toContainText('Winifred Castleton');
  await expect(page.getByRole('button', { name: /^Import \d+ profiles?$/ })).toHaveCount(0);
  await checkA11y(page);
  const found = (await (await page.request.get('/api/v1/search?q=Imogen%20Ashcroft')).json()) as { items: { title: string }[] };
  expect(found.items.map((i) => i.title)).not.toContain('Imogen Ashcroft');

  // Choosing the corrected file starts the check again.
  await page.locator('input[type=file]').setInputFiles(csvFile([...rows, goodRow]));
  await expect(result).toHaveCount(0);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 rows' })).toContainText('3 new profiles');
  await expect(page.getByRole('row', { name: /^2 Imogen Ashcroft/ })).toContainText('New profile');
  await page.getByRole('button', { name: 'Import 3 profiles' }).click();

  const done = page.getByRole('heading', { level: 2, name: '3 profiles imported' });
  await expect(done).toBeFocused();
  for (const name of ['Imogen Ashcroft', 'Percival Thornbury', 'Winifred Castleton']) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await checkA11y(page);
  await page.getByRole('link', { name: 'Imogen Ashcroft' }).click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
});

test('a system administrator adds a vulnerability, moves it up and retires it', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Lists' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lists' })).toBeFocused();
  await checkA11y(page);

  await page.getByLabel('List', { exact: true }).selectOption({ label: 'Vulnerabilities' });
  await expect(page.getByRole('row', { name: /Intimidated/ })).toBeVisible();
  const rowsOfTable = page.getByRole('table').getByRole('row');
  const before = await rowsOfTable.count();

  await page.getByRole('button', { name: 'Add value' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to vulnerabilities' });
  await dialog.getByRole('button', { name: 'Add value' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Name must not be blank');
  await field(dialog, 'Name').fill(vulnerability);
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Add value' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `“${vulnerability}” added to vulnerabilities.` })).toBeVisible();

  // New values go to the end of the list; one move takes it a place up.
  await expect(rowsOfTable).toHaveCount(before + 1);
  await expect(rowsOfTable.last()).toContainText(vulnerability);
  await expect(rowsOfTable.last()).toContainText('In use');
  await page.getByRole('button', { name: `Move “${vulnerability}” up` }).click();
  await expect(page.getByRole('status').filter({ hasText: `“${vulnerability}” moved to position ${before - 1} of ${before}.` })).toBeAttached();
  await expect(rowsOfTable.nth(before - 1)).toContainText(vulnerability);

  await page.getByRole('button', { name: `Retire “${vulnerability}”` }).click();
  const row = page.getByRole('row', { name: new RegExp(vulnerability) });
  await expect(row).toContainText('Retired');
  await expect(row.getByRole('button', { name: `Restore “${vulnerability}”` })).toBeVisible();
  await checkA11y(page);

  // A retired value is no longer offered to anyone choosing a vulnerability.
  const offered = (await (await page.request.get('/api/v1/lookups?list=vulnerability')).json()) as { items: { name: string }[] };
  expect(offered.items.map((v) => v.name)).not.toContain(vulnerability);
});

test('a case type gets a code and default sharing; a crossed edit shows both versions', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/admin/lookups?list=case_type');
  await expect(page.getByRole('heading', { level: 1, name: 'Lists' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit “Hate crime”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change “Hate crime”' });
  await field(dialog, 'Reference code').fill('HATE');
  const shareWith = dialog.getByRole('combobox', { name: 'Share with' });
  await shareWith.click();
  await shareWith.fill('Tenancy');
  await page.getByRole('option', { name: 'Tenancy team (Demo Housing Association)' }).click();
  await dialog.getByLabel('Access', { exact: true }).selectOption({ label: 'Can edit' });
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Tenancy team (Demo Housing Association)' })).toBeVisible();
  await checkA11y(page);

  // Meanwhile another administrator renames the same case type.
  const types = (await (await page.request.get('/api/v1/lookups?list=case_type')).json()) as { items: { id: string; name: string; version: number }[] };
  const hate = types.items.find((t) => t.name === 'Hate crime')!;
  const csrf = (await page.context().cookies()).find((c) => c.name === 'concord_csrf')!.value;
  const theirs = await page.request.patch(`/api/v1/lookups/${hate.id}`, { data: { version: hate.version, name: 'Hate crime and incidents' }, headers: { 'x-csrf-token': csrf } });
  expect(theirs.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save' }).click();
  const notice = dialog.getByRole('alert').filter({ hasText: 'Someone else changed this record since you opened it' });
  await expect(notice).toContainText('Hate crime and incidents');
  await checkA11y(page);
  await notice.getByRole('button', { name: 'Put my changes on top of theirs' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Hate crime and incidents/ });
  await expect(row).toContainText('HATE');
  await expect(row).toContainText('Tenancy team (Demo Housing Association): can edit');
});

test('an organisation administrator invites users from a file: a team outside their organisation is refused, then everyone is invited', async ({ page, checkA11y }) => {
  const stamp = Date.now().toString(36);
  const usersFile = (lines: string[]) => ({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(`${['Name,Email,Team,Role,Supervisor', ...lines].join('\r\n')}\r\n`) });
  const good = [`Rhian Price ${stamp},rhian.${stamp}@concord.test,Demo County Police / IOM team,Practitioner,no`, `Owen Hale ${stamp},owen.${stamp}@concord.test,Neighbourhood policing,Team administrator,yes`];
  await openAs(page, DEMO_USERS.policeAdmin);
  await page.goto('/admin/imports');
  await page.getByRole('navigation', { name: 'What to import' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import users' })).toBeFocused();
  await expect(page.getByRole('link', { name: /Download a template/ })).toHaveAttribute('download', 'concord-users-import-template.csv');
  await checkA11y(page);

  await page.locator('input[type=file]').setInputFiles(usersFile([...good, `Cerys Bad ${stamp},cerys.${stamp}@concord.test,Demo District Council / Community Safety team,Practitioner,`]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What importing users.csv would do' })).toBeFocused();
  await expect(page.getByRole('row', { name: /^4 Problem/ })).toContainText('Team: "Demo District Council / Community Safety team" is not a team you administer');
  await expect(page.getByRole('button', { name: /^Import \d+ users?$/ })).toHaveCount(0);
  await checkA11y(page);

  await page.locator('input[type=file]').setInputFiles(usersFile(good));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import 2 users' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '2 users imported' })).toBeFocused();
  await checkA11y(page);
  const invited = (await (await page.request.get(`/api/v1/users?q=${stamp}`)).json()) as { items: { name: string; status: string }[] };
  expect(invited.items.map((u) => [u.name, u.status]).sort()).toEqual([[`Owen Hale ${stamp}`, 'invited'], [`Rhian Price ${stamp}`, 'invited']]);
});
