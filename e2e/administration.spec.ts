import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { DEMO_USERS, expect, freshTotp, openAs, signIn, test, totp } from './fixtures.ts';

// One new colleague from start to finish: a team admin adds them, they accept the invitation from
// the development outbox, set a password and an authenticator, and work until they leave; a team
// admin disables them, which throws them out of the session they have open; the audit trail
// shows it all. Each step needs the one before, so the steps run in order.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const newUser = {
  name: `Erin Newcombe ${stamp}`,
  email: `erin.newcombe.${stamp}@concord.test`,
  password: 'violet kettle harbour lantern',
  /** Read from the enrolment page. */
  secret: '',
};
const disableReason = `Left the organisation (${stamp})`;

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

/** Another browser, as another person at another desk; the test's own page is the administrator. */
async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return context.newPage();
}

/** Picks from a searchable select: type to narrow the list, then choose the option. */
async function chooseOption(page: Page, label: string, search: string, option: string | RegExp = search) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

// Codes cannot be reused within their 30-second step, so signing the new user in again waits for
// the next one.
test.beforeEach(() => test.setTimeout(150_000));

test('a team admin adds a user to their team', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.policeLead);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('link')).toHaveText(['Users', 'Import', 'Referral forms']);
  await checkA11y(page);

  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  // Nothing typed yet: the form says what is missing, at the fields.
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Full name must not be blank');
  await expect(field(dialog, 'Full name')).toHaveAttribute('aria-invalid', 'true');

  await field(dialog, 'Full name').fill(newUser.name);
  await field(dialog, 'Email').fill(newUser.email);
  await field(dialog, 'Job title').fill('Anti-social behaviour officer');
  await expect(field(dialog, 'Role')).toHaveValue('Practitioner');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'emailed them an invitation' })).toBeVisible();

  await page.getByRole('link', { name: newUser.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: newUser.name })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Invited');
  await expect(page.getByRole('button', { name: 'Resend invitation' })).toBeVisible();
  await checkA11y(page);
});

test('the new user follows the invitation from the outbox, chooses a password and sets up an authenticator', async ({ page, browser, checkA11y }, testInfo) => {
  await openAs(page, DEMO_USERS.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox (development)' })).toBeVisible();
  await field(page, 'Recipient').fill(newUser.email);
  const invitation = page.getByRole('article').filter({ hasText: newUser.email }).first();
  await expect(invitation).toBeVisible();
  await checkA11y(page);
  const link = invitation.getByRole('link', { name: /\/set-password\?token=/ });
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();

  const erin = await otherBrowser(browser, testInfo);
  await erin.goto(href!);
  await expect(erin.getByRole('heading', { level: 1, name: 'Choose a password' })).toBeVisible();
  await expect(erin.getByText('At least 12 characters.')).toBeVisible();
  await checkA11y(erin);
  await field(erin, 'New password').fill('too short');
  await erin.getByRole('button', { name: 'Save password' }).click();
  await expect(erin.getByRole('alert')).toContainText('at least 12 characters');
  await field(erin, 'New password').fill(newUser.password);
  await erin.getByRole('button', { name: 'Save password' }).click();
  await expect(erin.getByRole('status').filter({ hasText: 'Your password has been saved' })).toBeVisible();

  // A new password never signs anyone in by itself.
  await erin.getByRole('link', { name: 'Go to sign in' }).click();
  await expect(erin.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await field(erin, 'Email').fill(newUser.email);
  await field(erin, 'Password').fill(newUser.password);
  await erin.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(erin.getByRole('heading', { level: 1, name: 'Set up your authenticator app' })).toBeVisible();
  await expect(erin.getByRole('img', { name: /QR code/ })).toBeVisible();
  const setupKey = await erin.getByRole('group', { name: 'Setup key' }).innerText();
  const grouped = /[A-Z2-7]{4}(?: [A-Z2-7]{1,4})+/.exec(setupKey)?.[0];
  expect(grouped, `no setup key in "${setupKey}"`).toBeTruthy();
  newUser.secret = grouped!.replace(/ /g, '');
  await checkA11y(erin);

  await field(erin, 'Authentication code').fill(await freshTotp(newUser.secret, newUser.email));
  await erin.getByRole('button', { name: 'Confirm' }).click();
  await expect(erin.getByRole('heading', { level: 1, name: `Hello, ${newUser.name}` })).toBeVisible();
  await expect(erin.getByRole('main')).toContainText('Practitioner');
  await erin.context().close();
});

test('a disabled user is signed out of the session they have open, at once', async ({ page, browser }, testInfo) => {
  test.skip(!newUser.secret, 'needs the user set up by the previous journey');
  const erin = await otherBrowser(browser, testInfo);
  // A wrong password first, so the audit trail has a failed sign-in to show.
  await erin.goto('/sign-in');
  await field(erin, 'Email').fill(newUser.email);
  await field(erin, 'Password').fill('not my password at all');
  // The server stops at the wrong password, so this code is not used up.
  await field(erin, 'Authentication code').fill(totp(newUser.secret));
  await erin.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(erin.getByRole('alert')).toContainText('There is a problem');

  await signIn(erin, newUser.email, newUser.password, newUser.secret);
  await expect(erin.getByRole('heading', { level: 1, name: `Hello, ${newUser.name}` })).toBeVisible();

  await openAs(page, DEMO_USERS.policeLead);
  await page.goto('/admin/users');
  await field(page.getByRole('main'), 'Search').fill(newUser.name);
  await page.getByRole('link', { name: newUser.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: newUser.name })).toBeVisible();
  await page.getByRole('button', { name: 'Disable user' }).click();
  const dialog = page.getByRole('dialog', { name: `Disable user: ${newUser.name}` });
  await dialog.getByRole('button', { name: 'Disable user' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Reason must not be blank');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(disableReason);
  await dialog.getByRole('button', { name: 'Disable user' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main')).toContainText('Disabled');
  await expect(page.getByRole('button', { name: 'Enable user' })).toBeVisible();

  // Erin's browser is left alone: the live update stream takes it to the sign-in page by itself.
  await expect(erin.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 5_000 });
  await expect(erin.getByText('Your session has ended. Please sign in again.')).toBeVisible();

  await field(erin, 'Email').fill(newUser.email);
  await field(erin, 'Password').fill(newUser.password);
  await field(erin, 'Authentication code').fill(await freshTotp(newUser.secret, newUser.email));
  await erin.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(erin.getByRole('alert')).toContainText('There is a problem');
  await expect(erin.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await erin.context().close();
});

test('the audit trail shows what happened, by person, by record and by action', async ({ page, checkA11y }) => {
  test.skip(!newUser.secret, 'needs the user set up by the previous journeys');
  await openAs(page, DEMO_USERS.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const rows = page.getByRole('table').first().getByRole('row');
  /** Rows whose action is exactly this (not, say, "Signed in" inside "Someone not signed in"). */
  const withAction = (action: string) => rows.filter({ has: page.getByRole('cell', { name: action, exact: true }) });
  await expect(rows.nth(1)).toBeVisible();
  await checkA11y(page);

  // By person: what the team admin did to the new user, with the reason they gave.
  await chooseOption(page, 'Person', 'police.asb.lead', new RegExp(DEMO_USERS.policeLead.replace(/\./g, '\\.')));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/actorId=/);
  // The last results stay on screen until the filtered ones arrive: wait for those, every one the
  // team admin's (the header row is the only other).
  await expect(rows.filter({ hasNot: page.getByRole('cell', { name: 'Priya Shah', exact: true }) })).toHaveCount(1);
  await expect(withAction('Added user').first()).toBeVisible();
  await expect(rows.filter({ hasText: disableReason })).toHaveCount(1);
  await expect(rows.filter({ hasText: disableReason })).toContainText('Disabled user');
  const added = withAction('Added user').first();
  await added.getByRole('button', { name: 'Show details' }).click();
  await expect(page.getByRole('table', { name: 'Changes' }).first()).toBeVisible();
  await checkA11y(page);

  // By action, across everyone.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await chooseOption(page, 'Action', 'Failed to sign in');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=auth\.sign_in_failed/);
  await expect(rows.nth(1)).toContainText('Failed to sign in');
  await expect(withAction('Signed in')).toHaveCount(0);

  // By record, from the user's own page: everything that happened to their account.
  await page.goto('/admin/users');
  await field(page.getByRole('main'), 'Search').fill(newUser.name);
  await page.getByRole('link', { name: newUser.name }).click();
  await page.getByRole('link', { name: 'View audit trail for this user' }).click();
  await expect(page).toHaveURL(/entityId=/);
  for (const action of ['Added user', 'Set up authenticator app', 'Signed in', 'Failed to sign in', 'Disabled user']) {
    await expect(withAction(action).first(), `${action} is in the user's audit trail`).toBeVisible();
  }
  await chooseOption(page, 'Action', 'Signed in');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(withAction('Signed in').first()).toBeVisible();
  await expect(withAction('Disabled user')).toHaveCount(0);

  // The system administrator can check that no event has been altered.
  await page.getByRole('button', { name: 'Check the audit trail is intact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The audit trail is intact' })).toBeVisible();
});
