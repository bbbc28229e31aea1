import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// An officer sets a reminder shared with their sergeant; when it falls due it pops up on both
// their screens without a reload, stays until dealt with, and marking it done on one screen shows
// on the other.

const stamp = Date.now().toString(36);
const title = `Ring the victim back about the noise diary ${stamp}`;

const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`));

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

/** London's date and clock time (to the minute) of a moment, as the form's inputs take them. */
function londonInputs(at: Date): { day: string; time: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 390]) {
    // The navigation settles into its narrow or wide layout after a resize.
    await resizeTo(page, width, width === 390 ? 844 : 900);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: width === 1280 });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// The pop-up opens on every screen the two have open, those of other journeys too, where it could
// cover what they click: this journey runs with no other beside it (the `turn` fixture).
test('a shared reminder pops up for both people and is marked done', { tag: '@alone' }, async ({ page, browser, checkA11y }, testInfo) => {
  test.setTimeout(150_000);
  const lead = await otherBrowser(browser, testInfo);
  await openAs(lead, DEMO_USERS.policeLead);
  // The officer's page keeps its own clock, so that the pop-up can be seen to stay without waiting.
  await page.clock.install();
  await openAs(page, DEMO_USERS.police);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reminders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeFocused();
  await checkA11y(page);

  // Nothing typed: the form says so at the field.
  await field(page, 'What to do').fill('');
  await page.getByRole('button', { name: 'Set reminder' }).click();
  await expect(field(page, 'What to do')).toHaveAttribute('aria-invalid', 'true');

  await field(page, 'What to do').fill(title);
  await field(page, 'Notes').fill('She asked for a call after 2pm');
  // The form takes minutes: the minute of fifteen seconds from now falls due within seconds.
  const { day, time } = londonInputs(new Date(Date.now() + 15_000));
  await field(page, 'Date').fill(day);
  await field(page, 'Time').fill(time);
  const share = page.getByRole('combobox', { name: 'Share with' });
  await share.click();
  await page.getByRole('option', { name: 'Priya Shah' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Set reminder' }).click();
  await expect(page.getByText(/Reminder set for/)).toBeVisible();

  // Both screens, neither reloaded.
  const mine = page.getByRole('group', { name: `Reminder: ${title}` });
  const theirs = lead.getByRole('group', { name: `Reminder: ${title}` });
  await expect(mine).toBeVisible({ timeout: 30_000 });
  await expect(theirs).toBeVisible({ timeout: 30_000 });
  await expect(theirs).toContainText('Set by Tom Wright');
  await expect(page.getByRole('alert').filter({ hasText: `Reminder due: ${title}` })).toBeAttached();
  await expect(lead.getByRole('alert').filter({ hasText: `Reminder due: ${title}` })).toBeAttached();
  await checkA11y(page);
  await checkA11y(lead);
  await shoot(page, testInfo, 'reminder-popup');

  // It stays until dealt with, even over a reload.
  await page.clock.fastForward(6_000);
  await expect(mine).toBeVisible();
  await lead.reload();
  await expect(theirs).toBeVisible();

  await theirs.getByRole('button', { name: 'Mark done' }).click();
  await expect(theirs).toBeHidden();
  await expect(mine).toContainText('This reminder has been marked done.');
  await expect(mine.getByRole('button', { name: 'Mark done' })).toBeHidden();

  const done = page.getByRole('region', { name: 'Done' });
  await expect(done.getByRole('link', { name: title })).toBeVisible();
  await mine.getByRole('button', { name: 'Dismiss' }).click();
  await expect(mine).toBeHidden();
  await checkA11y(page);
  await shoot(page, testInfo, 'reminders-page');

  await done.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await expect(page.getByText('She asked for a call after 2pm')).toBeVisible();
  await checkA11y(page);
  await lead.context().close();
});

test('a reminder on a profile is changed, and others cannot open it', async ({ page, browser, checkA11y }, testInfo) => {
  test.setTimeout(150_000);
  const api = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await api.send('POST', '/profiles', {
    firstName: 'Dana', lastName: `Reminder${stamp}`, reasonCreated: 'Reported noise nuisance', confirmNoDuplicate: true,
  })) as { id: string };
  await api.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/actions?on=profile/${profile.id}`);
  await expect(page.getByText('On the profile you came from.')).toBeVisible();
  const later = `Chase the CCTV request ${stamp}`;
  await field(page, 'What to do').fill(later);
  const { day } = londonInputs(new Date(Date.now() + 2 * 86_400_000));
  await field(page, 'Date').fill(day);
  await field(page, 'Time').fill('09:30');
  await page.getByRole('button', { name: 'Set reminder' }).click();

  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  const item = upcoming.getByRole('article', { name: later });
  await expect(item.getByRole('link', { name: `Dana Reminder${stamp}` })).toBeVisible();
  await expect(page.getByText('On the profile you came from.')).toBeVisible();
  await item.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Change the reminder' })).toBeVisible();
  await checkA11y(page);
  await field(page, 'Time').fill('10:45');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/10:45/)).toBeVisible();
  const url = page.url();

  const council = await otherBrowser(browser, testInfo);
  await openAs(council, DEMO_USERS.council);
  await council.goto(url);
  await expect(council.getByText('This reminder belongs to someone else.')).toBeVisible();
  await council.context().close();
});
