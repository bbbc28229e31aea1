import type { Page } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../src/server/modules/auth/sso/provider.fixtures.ts';
import { DEMO_USERS, expect, freshTotp, newUser, openAs, test } from './fixtures.ts';

// An organisation's administrator connects its identity provider; its staff then sign in with
// their work account, with or without the Concord code as the organisation decides. The provider
// is a real OpenID Connect provider in this test's process, which signs in whoever the test names.

const stamp = Date.now().toString(36);
const organisation = 'Demo Fire and Rescue Service';
let idp: TestProvider;

// eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures object pattern
test.beforeAll(async ({}, testInfo) => {
  idp = await startTestProvider([{ clientId: 'concord-fire', clientSecret: `fire-secret-${stamp}` }], `${testInfo.project.use.baseURL}/api/v1/auth/sso/callback`);
});
test.afterAll(async () => {
  await idp.close();
});

/** A form field by its exact label (Mantine adds a hidden asterisk to required fields). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

test('an organisation connects its provider and a firefighter signs in with their work account', async ({ page, browser, checkA11y }, testInfo) => {
  const firefighter = await newUser(testInfo.project.use.baseURL!, {
    name: 'Rhys Ember', email: `rhys.ember.${stamp}@fire.e2e.test`, team: 'Community Safety team', organisation, role: 'practitioner',
  });

  await openAs(page, DEMO_USERS.admin);
  await page.goto('/admin/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: organisation }).click();
  await field(page, 'Issuer URL').fill(idp.issuer);
  await field(page, 'Client ID').fill('concord-fire');
  await field(page, 'Client secret').fill(`fire-secret-${stamp}`);
  await page.getByRole('checkbox', { name: 'Staff may sign in with the organisation’s account' }).check();
  await page.getByRole('checkbox', { name: 'Accept the provider’s second factor instead of the Concord code' }).check();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Sign-in settings saved.')).toBeVisible();
  await expect(page.getByText('A secret is saved; it is never shown.')).toBeVisible();
  await page.getByRole('button', { name: 'Test the connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Connected to ${idp.issuer}` })).toBeVisible();
  await checkA11y(page);

  // The provider says it asked for a second factor, and the organisation trusts it: no Concord code.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  const visitor = await context.newPage();
  idp.signInAs({ email: firefighter.email, email_verified: true, amr: ['pwd', 'mfa'] });
  await visitor.goto('/sign-in');
  await field(visitor, 'Email').fill(firefighter.email);
  await visitor.getByRole('button', { name: 'Sign in with your organisation\'s account' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Hello, Rhys Ember' })).toBeVisible();

  // Without the provider's second factor, the Concord code is still asked for, by keyboard alone.
  await context.clearCookies();
  idp.signInAs({ email: firefighter.email, email_verified: true, amr: ['pwd'] });
  await visitor.goto('/sign-in');
  await field(visitor, 'Email').fill(firefighter.email);
  await visitor.getByRole('button', { name: 'Sign in with your organisation\'s account' }).focus();
  await visitor.keyboard.press('Enter');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  await checkA11y(visitor);
  await field(visitor, 'Authentication code').fill(await freshTotp(firefighter.secret, firefighter.email));
  await visitor.keyboard.press('Enter');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Hello, Rhys Ember' })).toBeVisible();

  // A colleague of another organisation is not signed in by the fire service's provider.
  await context.clearCookies();
  idp.signInAs({ email: DEMO_USERS.council, email_verified: true, amr: ['mfa'] });
  await visitor.goto('/sign-in');
  await field(visitor, 'Email').fill(firefighter.email);
  await visitor.getByRole('button', { name: 'Sign in with your organisation\'s account' }).click();
  await expect(visitor.getByRole('alert')).toContainText('not linked to a Concord account of that organisation');
  await checkA11y(visitor);
  await context.close();

  // Leave the demo as it was: the fire service back on passwords alone.
  await page.getByRole('checkbox', { name: 'Staff may sign in with the organisation’s account' }).uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Sign-in settings saved.').last()).toBeVisible();
});
