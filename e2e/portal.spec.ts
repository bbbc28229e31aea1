import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { defaultExitUrl } from '../src/shared/portal.ts';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// The client portal from both sides, as the issue asks: a practitioner invites a victim and writes
// her safety plan on the profile's Portal tab; she signs in at /portal with the code from the
// outbox, reads the plan, and sends a message that appears on the practitioner's open profile
// without a reload; his reply reaches her the same way, and she leaves by "Exit this page".

const stamp = Date.now().toString(36);

/** A form field by its label, with or without a required-field asterisk. */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

/** The newest code sent to an email address, once there are at least `count` messages to it. */
async function codeFor(baseURL: string, email: string, count: number): Promise<string> {
  const admin = await apiAs(baseURL, DEMO_USERS.admin);
  try {
    let body = '';
    await expect.poll(async () => {
      const outbox = (await admin.get(`/outbox?recipient=${encodeURIComponent(email)}`)) as { items: { body: string }[] };
      body = outbox.items.length >= count ? outbox.items[0]!.body : '';
      return body;
    }, { message: `a code reaches ${email}` }).toMatch(/\b\d{6}\b/);
    return /\b(\d{6})\b/.exec(body)![1]!;
  } finally {
    await admin.dispose();
  }
}

/** A date some days from today in London, as the date fields take it. */
function londonDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The client's own browser: nothing of the practitioner's session in it. */
async function clientBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  return context.newPage();
}

test('a practitioner invites a victim, who reads her safety plan and messages him live, then leaves by Exit this page', async ({ page, browser, checkA11y }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL!;
  const email = `mair.${stamp}@example.test`;
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const person = (await police.send('POST', '/profiles', {
    firstName: 'Mair', lastName: `Portal${stamp}`, reasonCreated: 'Victim of stalking', roles: ['victim'], confirmNoDuplicate: true,
  })) as { id: string };
  await police.dispose();

  // Tom opens her profile's Portal tab: she has not been invited, and there is no plan yet.
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${person.id}`);
  await page.getByRole('tab', { name: 'Portal' }).click();
  await expect(page).toHaveURL(/\?section=portal$/);
  const access = page.getByRole('region', { name: 'Portal access' });
  await expect(access).toContainText('Mair has not been invited to the portal.');
  await checkA11y(page);

  // He writes her safety plan with her, ordering the steps with the buttons.
  const plan = page.getByRole('region', { name: 'Safety plan' });
  await expect(plan).toContainText('No safety plan yet.');
  await plan.getByRole('button', { name: 'Write a safety plan' }).click();
  await plan.getByRole('button', { name: 'Add a step' }).click();
  await expect(field(plan, 'Step 1')).toBeFocused();
  await field(plan, 'Step 1').fill('Pack a bag with spare keys and medicines');
  await plan.getByRole('button', { name: 'Add a step' }).click();
  await field(plan, 'Step 2').fill('Keep your phone charged and with you');
  await plan.getByRole('button', { name: 'Move up (step 2)' }).click();
  await expect(field(plan, 'Step 1')).toHaveValue('Keep your phone charged and with you');
  await expect(plan.getByRole('button', { name: 'Move down (step 1)' })).toBeFocused();
  await plan.getByRole('button', { name: 'Add an emergency contact' }).click();
  const contact = plan.getByRole('group', { name: 'Emergency contact 1' });
  await field(contact, 'Name').fill('Local helpline');
  await field(contact, 'Phone number').fill('0808 000 0000');
  await checkA11y(page);
  await plan.getByRole('button', { name: 'Save the safety plan' }).click();
  await expect(page.getByText('Safety plan saved.')).toBeVisible();
  await expect(plan.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveText(['Keep your phone charged and with you', 'Pack a bag with spare keys and medicines']);

  // He invites her by email: with no contact plan, either way may be used.
  await access.getByRole('button', { name: 'Invite to the portal' }).click();
  await expect(access).toContainText('There is no contact plan');
  await field(access, 'Email address').fill(email);
  await checkA11y(page);
  await access.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(access).toContainText('Mair can sign in to the portal.');
  await expect(access).toContainText(email);
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages).toContainText('No messages yet.');
  await checkA11y(page);

  // Mair signs in on her own phone with a code from the outbox.
  const client = await clientBrowser(browser, testInfo);
  await client.route(`${defaultExitUrl}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>BBC Weather</title><h1>Weather</h1></html>' }));
  await client.goto('/portal');
  await client.getByRole('group', { name: 'How do you want to get your code?' }).getByLabel('By email').check();
  await client.getByLabel('Email address').fill(email);
  await client.getByRole('button', { name: 'Continue' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  // The invitation's code, then the one just asked for: the newest is the one that works.
  await client.getByLabel('Code', { exact: true }).fill(await codeFor(baseURL, email, 2));
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Hello Mair' })).toBeVisible();

  // She reads the plan Tom wrote.
  await client.getByRole('main').getByRole('link', { name: 'Safety plan' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Your safety plan' })).toBeVisible();
  await expect(client.getByRole('main')).toContainText('Keep your phone charged and with you');
  await expect(client.getByRole('main')).toContainText('Local helpline');

  // Her message appears on Tom's open profile without a reload, and he reads it there.
  await client.getByRole('banner').getByRole('link', { name: 'Messages', exact: true }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  await field(client, 'Write a message').fill('Can we meet on Thursday instead?');
  await client.getByRole('button', { name: 'Send message' }).click();
  const conversation = messages.getByRole('region', { name: 'Conversation, oldest first' });
  await expect(conversation).toContainText('Can we meet on Thursday instead?');
  await expect(conversation).toContainText('Mair (the client)');
  await expect(conversation).toContainText('Read by your team at');
  await checkA11y(page);

  // His reply reaches her the same way, and she sees he read hers.
  await field(messages, 'Your message').fill('Thursday at 10 is fine. See you then.');
  await messages.getByRole('button', { name: 'Send' }).click();
  await expect(conversation).toContainText('Thursday at 10 is fine.');
  await expect(client.getByRole('main')).toContainText('Thursday at 10 is fine. See you then.');
  await expect(conversation).toContainText('Read by the client at');

  // She leaves at once: the neutral site, with no way Back to the portal.
  await client.getByRole('button', { name: 'Emergency Exit this page' }).click();
  await expect(client).toHaveURL(new RegExp(`^${defaultExitUrl}`));
  await expect(client.getByRole('heading', { name: 'Weather' })).toBeVisible();
  await client.context().close();

  // Tom books the meeting they agreed, then ends her access, which asks first.
  const appointments = page.getByRole('region', { name: 'Appointments' });
  await appointments.getByRole('button', { name: 'Book an appointment' }).click();
  await field(appointments, 'Date').fill(londonDay(3));
  await field(appointments, 'Start time').fill('10:00');
  await field(appointments, 'Place').fill('The library, Market Street');
  await field(appointments, 'With whom').fill('Tom');
  await checkA11y(page);
  await appointments.getByRole('button', { name: 'Book the appointment' }).click();
  await expect(appointments.getByRole('list', { name: 'Coming up' })).toContainText('The library, Market Street, with Tom');
  await access.getByRole('button', { name: 'End access' }).click();
  const confirm = page.getByRole('dialog', { name: 'End Mair\'s access to the portal?' });
  await expect(confirm).toContainText('They are signed out at once');
  await checkA11y(page);
  await confirm.getByRole('button', { name: 'End access' }).click();
  await expect(access).toContainText('Mair\'s access has ended.');
  await expect(access).toContainText('Ended by a practitioner');
  await expect(messages).toContainText('no more messages can be sent');
});

test('the portal settings are among the partnership\'s administration', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Portal', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portal settings' })).toBeVisible();
  await expect(field(page, 'Name of the portal')).toHaveValue(/.+/);
  await expect(field(page, 'Where “Exit this page” goes')).toHaveValue(/^https:\/\//);
  await checkA11y(page);
});
