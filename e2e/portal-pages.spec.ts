import { request as playwrightRequest, type Page } from '@playwright/test';
import { defaultExitUrl } from '../src/shared/portal.ts';
import { apiAs, DEMO_USERS, expect, test } from './fixtures.ts';

// The client portal's own pages, as a client sees them on a phone: signing in with a code from the
// outbox, every page checked with axe, and "Exit this page" by its button and by three presses of
// Shift, leaving nothing to come back to with Back. (The practitioner's side, live, is e2e/portal.spec.ts.)

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const stamp = Date.now().toString(36);

test.use(phone);

/** A stand-in for the neutral site, so that no test needs the network. */
async function stubExitSite(page: Page) {
  await page.route(`${defaultExitUrl}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>BBC Weather</title><h1>Weather</h1></html>' }));
}

const sixDigits = /\b(\d{6})\b/;

/** The newest code sent to an email address, once `count` codes have been sent to it. */
async function codeFor(baseURL: string, email: string, count: number): Promise<string> {
  const admin = await apiAs(baseURL, DEMO_USERS.admin);
  try {
    let codes: string[] = [];
    await expect.poll(async () => {
      const outbox = (await admin.get(`/outbox?recipient=${encodeURIComponent(email)}`)) as { items: { body: string }[] };
      codes = outbox.items.map((m) => sixDigits.exec(m.body)?.[1]).filter((c) => c !== undefined);
      return codes.length;
    }, { message: `${count} codes reach ${email}` }).toBeGreaterThanOrEqual(count);
    return codes[0]!;
  } finally {
    await admin.dispose();
  }
}

/**
 * A victim on a new profile, invited to the portal by her practitioner, with something on each
 * of its pages: a safety plan, an appointment, a message, a document and a task of her own.
 */
async function invitedClient(baseURL: string, name: string) {
  const email = `${name.toLowerCase()}.${stamp}@example.test`;
  const police = await apiAs(baseURL, DEMO_USERS.police);
  try {
    const person = (await police.send('POST', '/profiles', {
      firstName: name, lastName: `Portal${stamp}`, reasonCreated: 'Victim of harassment', roles: ['victim'], confirmNoDuplicate: true,
    })) as { id: string };
    await police.send('POST', `/profiles/${person.id}/portal-access`, { email });
    await police.send('PUT', `/profiles/${person.id}/safety-plan`, {
      version: 0,
      steps: ['Keep your phone charged and with you', 'Pack a bag with spare keys and medicines'],
      safeContacts: [{ name: 'My sister', phone: '07700 900123', note: 'Any time' }],
      emergencyContacts: [{ name: 'Local helpline', phone: '0808 000 0000' }],
    });
    await police.send('POST', `/profiles/${person.id}/appointments`, {
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), place: 'The library, Market Street', withWhom: 'Tom from the team',
    });
    await police.send('POST', `/profiles/${person.id}/portal/messages`, { body: 'Hello, this is Tom. Message me here any time.' });
    const document = (await police.send('POST', `/profiles/${person.id}/documents?fileName=leaflet.txt&title=${encodeURIComponent('Useful numbers')}`, Buffer.from('Useful numbers'))) as { id: string };
    await police.send('PUT', `/profiles/${person.id}/portal/documents/${document.id}`);
    const me = (await police.get('/me')) as { id: string };
    const task = (await police.send('POST', '/tasks', { title: 'Book a doctor’s appointment', dueOn: '2030-01-15', assignee: { userId: me.id }, record: { kind: 'profile', id: person.id } })) as { id: string };
    await police.send('PUT', `/profiles/${person.id}/portal/tasks/${task.id}`);
    return { name, email, profileId: person.id };
  } finally {
    await police.dispose();
  }
}

/** Signs in through the API with the invitation's code, and gives the browser that session. */
async function signInQuietly(page: Page, baseURL: string, email: string) {
  const code = await codeFor(baseURL, email, 1);
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    const verified = await context.post('/api/v1/portal/sign-in/verify', { data: { email, code } });
    expect(verified.status(), await verified.text()).toBe(200);
    await page.context().addCookies((await context.storageState()).cookies);
  } finally {
    await context.dispose();
  }
}

test('a client signs in with a code and every page of the portal passes axe on a phone', async ({ page, checkA11y }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const client = await invitedClient(baseURL, 'Nerys');

  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveTitle('My account');
  await expect(page.getByText('Exiting this page does not clear your browsing history')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Emergency Exit this page' })).toBeVisible();
  await checkA11y(page);

  // Nothing chosen: the error summary, and the title says so.
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Select how you want to get your code' })).toBeVisible();
  await expect(page).toHaveTitle('Error: My account');
  await checkA11y(page);

  await page.getByRole('group', { name: 'How do you want to get your code?' }).getByLabel('By email').check();
  await page.getByLabel('Email address').fill(client.email);
  await page.getByRole('button', { name: 'Continue' }).click();

  const codePage = page.getByRole('heading', { level: 1, name: 'Enter your code' });
  await expect(codePage).toBeVisible();
  await expect(codePage).toBeFocused();
  const code = page.getByLabel('Code', { exact: true });
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByRole('link', { name: 'Get a new code' })).toBeVisible();
  await checkA11y(page);
  await code.fill('12345');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'The code must be 6 numbers' })).toBeVisible();
  await checkA11y(page);
  // The invitation's code, then the one just asked for: the newest is the one that works.
  await code.fill(await codeFor(baseURL, client.email, 2));
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Hello ${client.name}` })).toBeVisible();
  await expect(page).toHaveTitle('My account');
  await expect(page.getByText('Your keyworker is')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Messages 1 new' })).toBeVisible();
  await checkA11y(page);

  // On a phone the menu folds away behind its button.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Safety plan' }).click();
  const plan = page.getByRole('heading', { level: 1, name: 'Your safety plan' });
  await expect(plan).toBeFocused();
  await expect(page).toHaveTitle('My account');
  const emergency = page.getByRole('list').filter({ hasText: 'Police, fire or ambulance' });
  await expect(emergency.getByRole('link').first()).toHaveAttribute('href', 'tel:999');
  await expect(page.getByRole('link', { name: 'Call Local helpline on 0808 000 0000' })).toHaveAttribute('href', 'tel:08080000000');
  await expect(page.getByText('Pack a bag with spare keys and medicines')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print your safety plan' })).toBeVisible();
  await checkA11y(page);
  // Printed, the plan stands alone: no navigation, no buttons, no "Exit this page".
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Emergency Exit this page' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print your safety plan' })).toBeHidden();
  await expect(page.getByText('Pack a bag with spare keys and medicines')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Appointments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appointments' })).toBeFocused();
  await expect(page.getByText('The library, Market Street')).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: /^Ask to rearrange/ }).click();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('link', { name: 'Enter why you need to rearrange' })).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('Why do you need to rearrange?').fill('I am working that morning');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText(/You asked to rearrange this on .*I am working that morning/)).toBeVisible();

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Useful numbers' })).toHaveAttribute('href', /\/api\/v1\/portal\/documents\/.+\/file$/);
  await checkA11y(page);

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Things to do' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Things to do' })).toBeFocused();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Mark as done Book a doctor’s appointment' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Done' })).toBeVisible();
  await expect(page.getByText('You have nothing to do at the moment.')).toBeVisible();

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeFocused();
  const conversation = page.getByRole('list', { name: 'Conversation' });
  await expect(conversation).toContainText('Hello, this is Tom.');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('link', { name: 'Enter your message' })).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('Write a message').fill('Thank you. Is Thursday all right?');
  await page.getByLabel('Attach files (optional)').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('A note for Tom.') });
  await page.getByRole('button', { name: 'Send message' }).click();
  // Newest at the bottom.
  await expect(conversation.locator(':scope > li').last()).toContainText('Thank you. Is Thursday all right?');
  await expect(conversation.getByRole('link', { name: 'note.txt' })).toBeVisible();
  await expect(page.getByLabel('Write a message')).toHaveValue('');
  // Tom's message has been read now that it was shown: the home page counts nothing new.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('link', { name: 'Messages', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('You have been signed out')).toBeVisible();
  await expect(page).toHaveTitle('My account');
  await checkA11y(page);
});

test('"Exit this page" leaves a signed-in page for the neutral site, and Back does not return to it', async ({ page }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const client = await invitedClient(baseURL, 'Olwen');
  await stubExitSite(page);
  await signInQuietly(page, baseURL, client.email);
  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1, name: `Hello ${client.name}` })).toBeVisible();
  await page.getByRole('link', { name: /^Messages/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();

  await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
  await expect(page).toHaveURL(defaultExitUrl);
  await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/\/portal/);
});

test('three presses of Shift leave the sign-in page for the neutral site, and Back does not return to it', async ({ page }) => {
  await stubExitSite(page);
  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // The skip link to leave comes first of all.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Exit this page' })).toBeFocused();

  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(defaultExitUrl);
  await page.goBack();
  await expect(page).not.toHaveURL(/\/portal/);
});

test('when the practitioner ends her access, the open page goes back to sign-in at once and says why', async ({ page, checkA11y }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const client = await invitedClient(baseURL, 'Ffion');
  await signInQuietly(page, baseURL, client.email);
  await page.goto('/portal');
  await page.getByRole('link', { name: 'Safety plan' }).click();
  await expect(page.getByText('Pack a bag with spare keys and medicines')).toBeVisible();

  const police = await apiAs(baseURL, DEMO_USERS.police);
  await police.send('DELETE', `/profiles/${client.profileId}/portal-access`);
  await police.dispose();

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'You have been signed out' })).toBeVisible();
  await expect(page.getByText('Pack a bag with spare keys and medicines')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await checkA11y(page);
});
