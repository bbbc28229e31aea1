import type { Browser, Page, TestInfo } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Reports on a shared profile, seen from two agencies at once: what the police save appears on
// the council officer's open page without a reload, and what the police keep to their team shows
// the council only that it exists.

const stamp = Date.now().toString(36);

async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  return context.newPage();
}

/** A police ASB team profile shared with the council's Community Safety team, made through the API. */
async function sharedProfile(baseURL: string, firstName: string) {
  const police = await apiAs(baseURL, DEMO_USERS.police);
  const teams = (await police.get('/teams?limit=200')) as { items: { id: string; name: string; organisation: { name: string } }[] };
  const council = teams.items.find((t) => t.organisation.name === 'Demo District Council' && t.name === 'Community Safety team')!;
  const profile = (await police.send('POST', '/profiles', {
    firstName, lastName: `Reportson ${stamp}`, reasonCreated: 'Reported for anti-social behaviour', confirmNoDuplicate: true,
  })) as { id: string };
  await police.send('POST', `/profiles/${profile.id}/access`, { teamId: council.id, level: 'view' });
  return { police, profileId: profile.id };
}

test.beforeEach(() => test.setTimeout(150_000));

test('a report the police save appears on the council officer\'s open profile page', async ({ page, browser, baseURL, checkA11y }, testInfo) => {
  const { police: api, profileId } = await sharedProfile(baseURL!, 'Casey');
  await api.dispose();

  await openAs(page, DEMO_USERS.council);
  await page.goto(`/profiles/${profileId}?section=work`);
  const councilTimeline = page.getByRole('region', { name: 'Timeline' });
  await expect(councilTimeline).toContainText('Profile created');

  const police = await otherBrowser(browser, testInfo);
  await openAs(police, DEMO_USERS.police);
  await police.goto(`/profiles/${profileId}?section=work`);
  const timeline = police.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: 'Add report' }).click();
  await timeline.getByRole('combobox', { name: 'Type of report' }).click();
  await police.getByRole('option', { name: 'Visit', exact: true }).click();
  const editor = timeline.getByRole('textbox', { name: 'Report' });
  await editor.click();
  await police.keyboard.type(`Spoke to Casey at the door ${stamp}. `);
  await police.keyboard.press('Control+b');
  await police.keyboard.type('Agreed to keep the music down.');
  await expect(timeline.getByRole('radio', { name: 'Everyone who can see the record' })).toBeChecked();
  await timeline.locator('input[type="file"]').setInputFiles({ name: 'visit-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Doorstep visit notes.') });
  await checkA11y(police);
  await timeline.screenshot({ path: 'test-results/reports-add-1280.png' });
  await timeline.getByRole('button', { name: 'Save report' }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: `Spoke to Casey at the door ${stamp}` })).toBeVisible();

  // No reload on the council's page: the live update brings it.
  const entry = councilTimeline.getByRole('listitem').filter({ hasText: `Spoke to Casey at the door ${stamp}` });
  await expect(entry).toBeVisible({ timeout: 5000 });
  await expect(entry.locator('strong')).toHaveText('Agreed to keep the music down.');
  await expect(entry).toContainText('Tom Wright (ASB team, Demo County Police)');
  await expect(entry.getByRole('link', { name: /visit-notes/ })).toBeVisible({ timeout: 5000 });

  // The author corrects it; the council officer sees the new wording and can read the earlier one.
  const mine = timeline.getByRole('listitem').filter({ hasText: `Spoke to Casey at the door ${stamp}` });
  await mine.getByRole('button', { name: 'Edit report' }).click();
  const edited = timeline.getByRole('textbox', { name: 'Report' });
  await edited.click();
  await police.keyboard.press('Control+a');
  await police.keyboard.type(`Spoke to Casey and her mother at the door ${stamp}.`);
  await timeline.getByRole('button', { name: 'Save changes' }).click();
  const corrected = councilTimeline.getByRole('listitem').filter({ hasText: `Casey and her mother at the door ${stamp}` });
  await expect(corrected).toBeVisible({ timeout: 5000 });
  await corrected.getByRole('button', { name: 'Edited — see earlier versions' }).click();
  await expect(corrected).toContainText('Version 1: Visit');
  await expect(corrected).toContainText('Agreed to keep the music down.');
  await checkA11y(page);
  await police.context().close();
});

test('a report the police keep to their team shows the council officer only a stub', async ({ page, baseURL, checkA11y }) => {
  const { police, profileId } = await sharedProfile(baseURL!, 'Robin');
  const occurredAt = '2026-12-03T10:30:00.000Z';
  await police.send('POST', `/profiles/${profileId}/reports`, {
    reportType: 'visit', occurredAt, visibility: 'team', body: `<p>Informant says ${stamp}</p>`,
  });
  await police.dispose();

  await openAs(page, DEMO_USERS.council);
  await page.goto(`/profiles/${profileId}?section=work`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Restricted report — Visit by ASB team, Demo County Police, 3 Dec 2026');
  await expect(timeline).not.toContainText(`Informant says ${stamp}`);
  await checkA11y(page);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await timeline.screenshot({ path: `test-results/reports-stub-${width}.png` });
  }
});
