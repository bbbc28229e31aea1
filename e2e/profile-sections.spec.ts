import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// A person's page opens on who they are and how safe a visit is, all on a laptop's first screen;
// their work, documents, sharing and history are one tab away, and the address keeps the tab, so
// a link opens it and Back returns to the one before.

const stamp = Date.now().toString(36);

test('a profile’s essentials fit the first screen and the rest of the record is one tab away', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await police.send('POST', '/profiles', {
    firstName: 'Morgan',
    lastName: `Sections${stamp}`,
    dateOfBirth: '1988-02-14',
    gender: 'male',
    roles: ['perpetrator', 'vulnerable_person'],
    vulnerabilities: ['mental-health', 'isolated'],
    warningMarkers: ['violence', 'weapons'],
    riskLevel: 'high',
    aliases: [{ firstName: 'Mo', lastName: `Sections${stamp}` }],
    phone: '07700 900456',
    keyInformation: 'Lives with his mother on the second floor. Large dog at the address: call before visiting.',
    reasonCreated: 'Named in repeated reports of intimidation on the estate',
    confirmNoDuplicate: true,
  })) as { id: string };
  await police.dispose();
  const name = `Morgan Sections${stamp}`;

  await page.setViewportSize({ width: 1366, height: 768 });
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${profile.id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const tab = (label: string) => page.getByRole('tab', { name: label });
  await expect(tab('Details')).toHaveAttribute('aria-selected', 'true');
  // The safety line, the key information and the last of the details, without scrolling.
  for (const part of [page.getByRole('alert').filter({ hasText: 'Warning markers' }), page.getByText('Large dog at the address'), page.getByText('Last updated')]) {
    await expect(part).toBeInViewport();
    const box = (await part.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
  }
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('profile-details-1366.png') });

  // The arrow keys move along the tabs, and the address follows.
  await tab('Details').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Work')).toBeFocused();
  await expect(tab('Work')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(new RegExp(`/profiles/${profile.id}\\?section=work$`));
  for (const region of ['Cases', 'Assessments', 'Timeline', 'Tasks']) await expect(page.getByRole('region', { name: region })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Documents' })).toHaveCount(0);
  await checkA11y(page);

  await tab('Documents').click();
  await expect(page).toHaveURL(/\?section=documents$/);
  await expect(page.getByRole('region', { name: 'Documents' })).toBeVisible();
  await tab('Sharing').click();
  await expect(page.getByRole('region', { name: 'Sharing' })).toBeVisible();
  await checkA11y(page);

  // Back returns to the tab seen before, and then to the details.
  await page.goBack();
  await expect(tab('Documents')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(tab('Work')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(tab('Details')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(new RegExp(`/profiles/${profile.id}$`));

  // A link to a tab opens it.
  await page.goto(`/profiles/${profile.id}?section=history`);
  await expect(tab('History')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'History' })).toContainText(/created/i);
  await checkA11y(page);

  // On a phone: the markers still come first, and every tab can be reached.
  await resizeTo(page, 390, 844);
  await page.goto(`/profiles/${profile.id}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Warning markers' })).toBeInViewport();
  await checkA11y(page);
  await page.screenshot({ path: testInfo.outputPath('profile-details-390.png'), fullPage: true });
  for (const label of ['Work', 'Documents', 'Sharing', 'History']) {
    await tab(label).click();
    await expect(tab(label)).toHaveAttribute('aria-selected', 'true');
    await checkA11y(page);
  }
});
