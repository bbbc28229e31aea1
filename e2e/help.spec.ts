import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// A police officer on a person's page wonders how to share it: "How do I…" beside the heading
// lists the articles written for that screen, and one leads to the right article. Then they
// search help for a word from another article's body and follow the result.

const surname = `Halloran${Date.now().toString(36)}`;

test.beforeEach(() => test.setTimeout(120_000));

test('a practitioner follows "How do I…" from a profile to the right article, then searches help', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await police.send('POST', '/profiles', { firstName: 'Niamh', lastName: surname, reasonCreated: 'Reported for noise', confirmNoDuplicate: true })) as { id: string };
  await police.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${profile.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Niamh ${surname}` })).toBeVisible();

  // Several articles are written for a person's page, so "How do I…" is a menu, used here by keyboard.
  const howDoI = page.getByRole('button', { name: 'How do I…' });
  // It sits where the page before had its main button, so the pointer often rests on it.
  await howDoI.hover();
  await checkA11y(page);
  await howDoI.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'How do I ask for access to a record I cannot open?' })).toBeVisible();
  await checkA11y(page);
  await menu.getByRole('menuitem', { name: 'How do I share a profile or case with another team?' }).click();

  await expect(page).toHaveURL(/\/help\/sharing-a-record$/);
  const title = page.getByRole('heading', { level: 1, name: 'How do I share a profile or case with another team?' });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Share it' })).toBeVisible();
  await expect(page.getByText('Under Access, choose Can view or Can view and edit.')).toBeVisible();
  // A practitioner reads help but does not edit it.
  await expect(page.getByRole('link', { name: 'Edit article' })).toHaveCount(0);
  await checkA11y(page);

  // A page with one article links straight to it.
  await page.goto('/search');
  await page.getByRole('link', { name: /^How do I…/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How do I find out whether someone is already on Concord?' })).toBeVisible();

  // Search help for a word of an article's body.
  await page.getByRole('link', { name: 'All help' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search help' }).fill('voicemail');
  await page.getByRole('button', { name: 'Search help' }).click();
  const results = page.getByRole('region', { name: 'Articles matching “voicemail”' });
  const hit = results.getByRole('link', { name: 'How do I keep in touch with a victim?' });
  await expect(hit).toBeVisible();
  await expect(results.locator('mark').filter({ hasText: /voicemail/i }).first()).toBeVisible();
  await checkA11y(page);
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: 'How do I keep in touch with a victim?' })).toBeVisible();
});

test('a system administrator edits an article, previewing it first', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/help/reminders');
  await page.getByRole('link', { name: 'Edit article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit: How do I set myself a reminder?' })).toBeVisible();
  const body = page.getByRole('textbox', { name: 'Article' });
  await body.fill(`${await body.inputValue()}\n\n## In our partnership\n\nAsk your **team administrator** <script>alert(1)</script>about shared reminders.`);
  await page.getByRole('button', { name: 'Show preview' }).click();
  const preview = page.getByRole('heading', { level: 2, name: 'In our partnership' });
  await expect(preview).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Save article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How do I set myself a reminder?' })).toBeVisible();
  await expect(page.getByText('Ask your team administrator about shared reminders.')).toBeVisible();
  await expect(page.getByText(/^Last changed .* by /)).toBeVisible();
});

test('a system administrator writes a new article for a screen, and it appears under "How do I…" there', async ({ page, checkA11y }) => {
  const slug = `school-contacts-${Date.now().toString(36)}`;
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/help');
  await page.getByRole('link', { name: 'Write an article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write a help article' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Address' }).fill(slug);
  await page.getByRole('textbox', { name: 'Title' }).fill('How do I find a school’s safeguarding lead?');
  await page.getByRole('textbox', { name: 'Screens it helps with' }).fill('/notifications');
  await page.getByRole('textbox', { name: 'Article' }).fill('Ask the **education** team: see [search](/search).');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Save article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How do I find a school’s safeguarding lead?' })).toBeVisible();
  await page.goto('/notifications');
  await page.getByRole('link', { name: /^How do I…/ }).click();
  await expect(page).toHaveURL(new RegExp(`/help/${slug}$`));
});
