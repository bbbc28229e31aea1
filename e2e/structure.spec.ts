import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { DEMO_USERS, expect, freshTotp, newUser, openAs, test } from './fixtures.ts';

// The system administrator sets up a new partnership's structure, handles an edit that crossed
// with someone else's, and issues and revokes an API token; a practitioner who forgot their
// password resets it from the emailed link.

const stamp = Date.now().toString(36);
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

/** Picks from a select, typing to narrow it first where the select is searchable. */
async function chooseOption(scope: Page | Locator, page: Page, label: string, option: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  if (await box.isEditable()) await box.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  return context.newPage();
}

async function openAdmin(page: Page, section: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

test.beforeEach(() => test.setTimeout(150_000));

test('a system administrator sets up a partnership, an organisation and a team', async ({ page, checkA11y }) => {
  const partnership = `Shire Community Safety Partnership ${stamp}`;
  const organisation = `Shire Fire and Rescue ${stamp}`;
  await openAs(page, DEMO_USERS.admin);

  await openAdmin(page, 'Partnerships');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Add partnership' }).click();
  const addPartnership = page.getByRole('dialog', { name: 'Add a partnership' });
  await field(addPartnership, 'Name').fill(partnership);
  await checkA11y(page);
  await addPartnership.getByRole('button', { name: 'Add partnership' }).click();
  await expect(page.getByRole('row', { name: new RegExp(partnership) })).toBeVisible();

  await openAdmin(page, 'Organisations');
  await page.getByRole('button', { name: 'Add organisation' }).click();
  const addOrganisation = page.getByRole('dialog', { name: 'Add an organisation' });
  await chooseOption(addOrganisation, page, 'Partnership', partnership);
  await field(addOrganisation, 'Name').fill(organisation);
  await addOrganisation.getByRole('combobox', { name: 'Kind of organisation' }).click();
  await page.getByRole('option', { name: 'Fire and rescue' }).click();
  await checkA11y(page);
  await addOrganisation.getByRole('button', { name: 'Add organisation' }).click();
  await expect(page.getByRole('row', { name: new RegExp(organisation) })).toContainText('Fire and rescue');
  await checkA11y(page);

  await openAdmin(page, 'Teams');
  await page.getByRole('button', { name: 'Add team' }).click();
  const addTeam = page.getByRole('dialog', { name: 'Add a team' });
  await chooseOption(addTeam, page, 'Organisation', organisation);
  await field(addTeam, 'Team name').fill('Prevention team');
  await addTeam.getByRole('button', { name: 'Add team' }).click();
  await expect(page.getByRole('row', { name: /Prevention team/ }).filter({ hasText: organisation })).toBeVisible();
  await checkA11y(page);
});

test('an edit that crosses with someone else\'s shows what they changed, and nothing is overwritten', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await openAdmin(page, 'Teams');
  const row = page.getByRole('row', { name: /Offender Management team/ });
  await row.getByRole('button', { name: /^Edit/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Change team' });
  await field(dialog, 'Team name').fill('Offender Management (mine)');

  // Meanwhile a colleague renames the same team.
  const teams = (await (await page.request.get('/api/v1/teams?limit=200')).json()) as { items: { id: string; name: string; version: number }[] };
  const team = teams.items.find((t) => t.name === 'Offender Management team')!;
  const csrf = (await page.context().cookies()).find((c) => c.name === 'concord_csrf')!.value;
  const theirs = await page.request.patch(`/api/v1/teams/${team.id}`, { data: { version: team.version, name: 'Offender Management (theirs)' }, headers: { 'x-csrf-token': csrf } });
  expect(theirs.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save' }).click();
  const notice = dialog.getByRole('alert').filter({ hasText: 'Someone else changed this record since you opened it' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Offender Management (theirs)');
  await expect(notice).toContainText('Offender Management (mine)');
  await checkA11y(page);

  await notice.getByRole('button', { name: 'Put my changes on top of theirs' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Offender Management \(mine\)/ })).toBeVisible();
});

test('a system administrator issues an API token, sees it once, and revokes it', async ({ page, checkA11y }) => {
  const name = `Police records feed ${stamp}`;
  await openAs(page, DEMO_USERS.admin);
  await openAdmin(page, 'API tokens');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Create API token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await field(dialog, 'Name').fill(name);
  await chooseOption(dialog, page, 'Organisation', 'Demo County Police');
  await chooseOption(dialog, page, 'Team', 'ASB team');
  await dialog.getByRole('radio', { name: 'Read only' }).check();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Create token' }).click();

  await expect(dialog.getByRole('alert')).toContainText('Copy this token now. You will not see it again.');
  const token = (await dialog.locator('pre').innerText()).trim();
  expect(token).toMatch(/^concord_/);
  await checkA11y(page);
  const used = await page.request.get('/api/v1/organisations', { headers: { authorization: `Bearer ${token}` } });
  expect(used.status()).toBe(200);
  await dialog.getByRole('button', { name: 'I have copied the token' }).click();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: /^Revoke/ }).click();
  const revoke = page.getByRole('dialog', { name: `Revoke API token: ${name}` });
  await checkA11y(page);
  await revoke.getByRole('button', { name: 'Revoke token' }).click();
  await expect(revoke).toBeHidden();
  await page.getByRole('checkbox', { name: 'Show revoked tokens' }).check();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
  const refused = await page.request.get('/api/v1/organisations', { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});

test('a practitioner who forgot their password resets it from the emailed link', async ({ page, browser, checkA11y }, testInfo) => {
  // A housing officer of their own: a new password ends every session the account has open, and
  // other journeys run meanwhile as the demo accounts.
  const officer = await newUser(testInfo.project.use.baseURL!, {
    name: `Marcus Bellamy ${stamp}`, email: `marcus.bellamy.${stamp}@concord.test`, team: 'Tenancy team', organisation: 'Demo Housing Association', role: 'practitioner',
  });
  const newPassword = 'lighthouse saffron quarry mitten';
  const practitioner = await otherBrowser(browser, testInfo);
  await practitioner.goto('/');
  await practitioner.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(practitioner.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await checkA11y(practitioner);
  await field(practitioner, 'Email').fill(officer.email);
  await practitioner.getByRole('button', { name: 'Send reset link' }).click();
  await expect(practitioner.getByRole('status').filter({ hasText: 'Check your email' })).toBeVisible();
  await checkA11y(practitioner);

  // The email lands in the development outbox, which the system administrator can read.
  await openAs(page, DEMO_USERS.admin);
  await openAdmin(page, 'Outbox');
  const message = page.getByRole('article').filter({ hasText: officer.email }).filter({ hasText: 'Reset your Concord password' }).first();
  const href = await message.getByRole('link', { name: /\/reset-password\?token=/ }).getAttribute('href');

  await practitioner.goto(href!);
  await expect(practitioner.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await field(practitioner, 'New password').fill(newPassword);
  await practitioner.getByRole('button', { name: 'Save password' }).click();
  await expect(practitioner.getByRole('status').filter({ hasText: 'Password saved' })).toBeVisible();
  await checkA11y(practitioner);

  // The link never signs anyone in: the authenticator code is still needed.
  await practitioner.goto('/');
  await field(practitioner, 'Email').fill(officer.email);
  await field(practitioner, 'Password').fill(newPassword);
  await field(practitioner, 'Authentication code').fill(await freshTotp(officer.secret, officer.email));
  await practitioner.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(practitioner.getByRole('heading', { level: 1 })).toContainText(officer.name);
});
