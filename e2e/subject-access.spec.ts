import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Subject access: the police's organisation administrator starts a request for everything held
// about a person from the profile's Data protection tab, reviews the police's items (redacting a
// phrase), and downloads the ZIP once it is built.
const stamp = Date.now().toString(36).replace(/\d/g, '');

test('an organisation administrator starts a subject access request, reviews its items and downloads it', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await police.send('POST', '/profiles', { firstName: 'Sadie', lastName: `Requester${stamp}`, reasonCreated: 'Reported noise nuisance', confirmNoDuplicate: true })) as { id: string };
  await police.send('POST', `/profiles/${profile.id}/reports`, {
    reportType: 'visit', occurredAt: new Date().toISOString(), visibility: 'shared', body: '<p>Journeyreport Sadie spoke to the informant Wisteria about the noise.</p>',
  });
  await police.dispose();

  await openAs(page, DEMO_USERS.policeAdmin);
  await page.goto(`/profiles/${profile.id}?section=data-protection`);
  const panel = page.getByRole('region', { name: 'Subject access requests' });
  await expect(panel).toContainText('No subject access requests.');
  await panel.getByRole('button', { name: 'Start a subject access request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a subject access request' });
  await dialog.getByLabel('Who made the request').fill('Sadie, by email');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Start the request' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Subject access request SAR-/ })).toBeVisible();
  await expect(page.getByText('Agencies reviewing')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/days left: due by/)).toBeVisible();
  await checkA11y(page);

  await page.getByRole('link', { name: 'Review Demo County Police\'s items' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review Demo County Police\'s items' })).toBeVisible();
  const report = page.getByRole('listitem').filter({ hasText: 'Journeyreport' });
  await report.getByLabel('Words to redact').fill('Wisteria');
  await report.getByRole('button', { name: 'Redact text' }).click();
  await expect(report.locator('mark', { hasText: 'Wisteria' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Complete the review' }).click();

  await expect(page.getByRole('link', { name: 'Download the ZIP' })).toBeVisible({ timeout: 20_000 });
  await checkA11y(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the ZIP' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^SAR-.*\.zip$/);

  // The person's profile lists the request.
  await page.goto(`/profiles/${profile.id}?section=data-protection`);
  await expect(page.getByRole('region', { name: 'Subject access requests' }).getByRole('table')).toContainText('Ready to download');
});
