import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// A council officer follows a profile the police share with them. A police officer, at another
// desk, changes it; the council officer's bell counts it at once, without a reload, and the
// notification leads to the profile. Screenshots are kept for a look at both widths.

const surname = `Ashdown${Date.now().toString(36)}`;
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

test.beforeEach(() => test.setTimeout(150_000));

test('a watcher is told when someone else changes a profile they follow', async ({ page, browser, checkA11y }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const council = await apiAs(baseURL, DEMO_USERS.council);
  const councilTeam = ((await council.get('/me')) as { team: { id: string } }).team.id;
  const profile = (await police.send('POST', '/profiles', { firstName: 'Rowan', lastName: surname, reasonCreated: 'Reported for noise', confirmNoDuplicate: true })) as { id: string };
  await police.send('POST', `/profiles/${profile.id}/access`, { teamId: councilTeam, level: 'view' });
  await council.send('POST', '/notifications/read-all', {});
  // The journey ends by choosing the digest; start from the default so it can run again.
  await council.send('PUT', '/notification-preferences', { email: 'immediate' });
  await Promise.all([police.dispose(), council.dispose()]);

  // The council officer follows the profile.
  await openAs(page, DEMO_USERS.council);
  await page.goto(`/profiles/${profile.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Rowan ${surname}` })).toBeVisible();
  await page.getByRole('button', { name: 'Register an interest' }).click();
  const drop = page.getByRole('button', { name: 'Drop interest' });
  await expect(drop).toBeVisible();
  await expect(page.getByText('You are told when someone else changes or adds to this profile.')).toBeVisible();
  const bell = page.getByRole('button', { name: /^Notifications/ });
  // Other journeys share this database and may have left the council officer notices already.
  const unreadBefore = ((await (await page.request.get('/api/v1/notifications/unread-count')).json()) as { count: number }).count;
  const bellSays = (unread: number) => (unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`);
  await expect(bell).toHaveAccessibleName(bellSays(unreadBefore));

  // A police officer, in another browser, changes it.
  const officer = await otherBrowser(browser, testInfo);
  await openAs(officer, DEMO_USERS.police);
  await officer.goto(`/profiles/${profile.id}/edit`);
  await field(officer, 'Key information').fill('Moved to a flat on the first floor');
  await officer.getByRole('button', { name: 'Save changes' }).click();
  await expect(officer.getByRole('heading', { level: 1, name: `Rowan ${surname}` })).toBeVisible();
  // Other journeys may have left the officer notices of their own; their own change adds none.
  await expect(officer.getByRole('button', { name: /^Notifications/ })).toBeVisible();
  await officer.context().close();

  // The council officer's bell counts it without a reload.
  await expect(bell).toHaveAccessibleName(bellSays(unreadBefore + 1), { timeout: 5000 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await bell.click();
  const dropdown = page.getByRole('dialog', { name: 'Notifications' });
  const notice = dropdown.getByRole('link', { name: 'Unread: A change was made on a profile you follow.' });
  await expect(notice).toBeVisible();
  await expect(dropdown).not.toContainText(surname);
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('bell-1280.png') });

  // Following it opens the profile and marks it read.
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/profiles/${profile.id}$`));
  await expect(bell).toHaveAccessibleName(bellSays(unreadBefore));

  // The notifications page lists it as read.
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const item = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first();
  await expect(item).toContainText('A change was made on a profile you follow.');
  await expect(item).not.toContainText('Unread');
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('notifications-1280.png'), fullPage: true });

  // On a phone: the list, then the profile through the notification, then the open bell.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(item).toContainText('A change was made on a profile you follow.');
  await page.screenshot({ path: testInfo.outputPath('notifications-390.png'), fullPage: true });
  await item.getByRole('link').click();
  await expect(drop).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('profile-390.png') });
  await bell.click();
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bell-390.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeHidden();
  await expect(bell).toBeFocused();

  // The account page offers the daily digest.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/account');
  const digest = page.getByRole('radio', { name: 'A daily digest' });
  await expect(page.getByRole('radio', { name: 'Straight away' })).toBeChecked();
  await digest.check();
  await expect(page.getByRole('status').filter({ hasText: 'You will get a daily digest.' })).toBeVisible();
  await page.reload();
  await expect(digest).toBeChecked();
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('account-1280.png'), fullPage: true });
});
