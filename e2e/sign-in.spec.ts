import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, expect, freshTotp, openAs, signIn, test, totp } from './fixtures.ts';
import type { Page } from '@playwright/test';

// Signing in with a password and an authenticator code, what a wrong detail looks like, and the
// pages every signed-in person can reach.

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

test('a team admin signs in with their authenticator code and sees their home page', async ({ page, checkA11y }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveTitle('Sign in – Concord');
  await expect(page.getByText('Leave blank if you are signing in for the first time.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Forgot your password?' })).toBeVisible();
  await checkA11y(page);

  await signIn(page, DEMO_USERS.policeLead);

  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    name: string;
    team: { name: string };
    organisation: { name: string };
    partnership: { name: string };
  };
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${me.name}` })).toBeVisible();
  await expect(page).toHaveTitle('Home – Concord');
  const header = page.getByRole('banner');
  await expect(header).toContainText(me.name);
  await expect(header).toContainText(`${me.team.name}, ${me.organisation.name}`);
  const main = page.getByRole('main');
  await expect(main).toContainText('Team administrator');
  await expect(main).toContainText(me.partnership.name);

  // A team admin works on the shared record, supervises the team, administers users and reads the audit trail; nothing else is offered.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Home', 'People', 'Cases', 'Locations', 'Tasks', 'Reminders', 'Assessments', 'Access requests', 'Community triggers', 'Referrals', 'Panels', 'Insights', 'Scheme look-up', 'Data protection', 'My team', 'Administration', 'Audit trail', 'Suggestions', 'Help', 'Account']);
  await expect(main.getByRole('link', { name: 'Users', exact: true })).toBeVisible();
  await expect(main.getByText(new RegExp(`\\d+ users in ${me.team.name}`))).toBeVisible();
  await expect(main.getByRole('link', { name: 'Partnerships' })).toHaveCount(0);
  await checkA11y(page);

  // The skip link is the first thing the keyboard reaches, and it leads to the page itself.
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
});

test('a practitioner sees only their own things, and focus moves to each new page heading', async ({ page, checkA11y }) => {
  await signIn(page, DEMO_USERS.council);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Home', 'People', 'Cases', 'Locations', 'Tasks', 'Reminders', 'Assessments', 'Access requests', 'Community triggers', 'Referrals', 'Panels', 'Insights', 'Data protection', 'Suggestions', 'Help', 'Account']);
  await expect(page.getByRole('heading', { name: 'Administration' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Account' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Your account' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle('Your account – Concord');
  await expect(page.getByRole('main')).toContainText(DEMO_USERS.council);
  await checkA11y(page);

  // Pages for other roles say so instead of failing.
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot open this page' })).toBeVisible();

  // Their name at the top of every page opens their account and the way out.
  await page.getByRole('banner').getByRole('button', { name: /Jo Evans/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Your account' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('You have signed out.')).toBeVisible();
});

test('a wrong code, or a wrong password, gets the same one message that does not say which', async ({ page }) => {
  await page.goto('/sign-in');
  const right = totp(DEMO_TOTP_SECRET);
  const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
  await field(page, 'Email').fill(DEMO_USERS.police);
  await field(page, 'Password').fill(DEMO_PASSWORD);
  await field(page, 'Authentication code').fill(wrong);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is a problem');
  const wrongCodeMessage = (await alert.textContent()) ?? '';
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await field(page, 'Password').fill('not-the-password');
  await field(page, 'Authentication code').fill(await freshTotp(DEMO_TOTP_SECRET, DEMO_USERS.police));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(alert).toHaveText(wrongCodeMessage);
  await expect(alert).not.toContainText(/password is wrong|code is wrong|no account/i);
  // The fields are not marked, so nothing tells which detail was wrong.
  await expect(field(page, 'Authentication code')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Password')).not.toHaveAttribute('aria-invalid', 'true');
});

test('after signing in, people return to the page they asked for', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await field(page, 'Email').fill(DEMO_USERS.housing);
  await field(page, 'Password').fill(DEMO_PASSWORD);
  await field(page, 'Authentication code').fill(await freshTotp(DEMO_TOTP_SECRET, DEMO_USERS.housing));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
});

test('an unknown address shows "Page not found" with a way home', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.police);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found – Concord');
  await checkA11y(page);
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible();
});
