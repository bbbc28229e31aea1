import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Breaking the glass and who looked: a council officer who may not open a police profile opens it
// in an emergency, after the warning and with a reason; the police ASB team's administrator sees
// who looked at the person, the emergency access among them, and signs it off in the review queue.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const lastName = `Lookwell${stamp}`;
const reason = `Called to a fire alarm at the address; need the risks before going in (${stamp})`;
let profileId = '';

test.beforeEach(() => test.setTimeout(120_000));

test.beforeAll(async ({ baseURL }) => {
  const police = await apiAs(baseURL!, DEMO_USERS.police);
  const created = (await police.send('POST', '/profiles', { firstName: 'Wren', lastName, reasonCreated: 'Reported for anti-social behaviour', confirmNoDuplicate: true })) as { id: string };
  profileId = created.id;
  await police.get(`/profiles/${profileId}`);
  await police.dispose();
});

test('a council officer locked out of a profile breaks the glass, with a reason, and it opens for an hour', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.council);
  await page.goto(`/profiles/${profileId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this profile' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Emergency access' })).toBeVisible();
  await page.getByRole('button', { name: 'Use emergency access' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Only for a risk to someone\'s safety that cannot wait' })).toContainText('opens the profile to you alone for 60 minutes');
  await checkA11y(page);

  const open = page.getByRole('button', { name: 'Open for 60 minutes' });
  await expect(open).toBeDisabled();
  await page.getByLabel(/Why you need to open this profile now/).fill(reason);
  await page.getByRole('checkbox', { name: /my reason and everything I look at are recorded/ }).check();
  await open.click();

  await expect(page.getByRole('heading', { level: 1, name: `Wren ${lastName}` })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'You are using emergency access until' })).toContainText('Everything you open is recorded');
  await checkA11y(page);
});

test('the owning team\'s administrator sees who looked, with the emergency access and its reason, and reviews it', async ({ page, checkA11y }) => {
  test.skip(!profileId, 'needs the profile from the setup');
  await openAs(page, DEMO_USERS.policeLead);
  await page.goto(`/profiles/${profileId}?section=data-protection`);
  const viewers = page.getByRole('region', { name: 'Who looked at this person' });
  await expect(viewers).toBeVisible();
  const emergency = viewers.getByRole('row').filter({ hasText: 'Used emergency access' });
  await expect(emergency).toContainText('Jo Evans');
  await expect(emergency).toContainText('Demo District Council');
  await expect(emergency).toContainText(reason);
  await expect(viewers.getByRole('row').filter({ hasText: 'Opened profile' }).filter({ hasText: 'Jo Evans' })).toContainText('Emergency access');
  await expect(viewers.getByRole('row').filter({ hasText: 'Tom Wright' }).first()).toContainText('Demo County Police');
  await viewers.locator('label').filter({ hasText: /^Changes$/ }).click();
  await expect(viewers.getByRole('row').filter({ hasText: 'Created profile' })).toContainText('Tom Wright');
  await checkA11y(page);

  await page.goto('/data-protection');
  await page.getByRole('link', { name: 'Emergency access' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency access' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: lastName });
  await expect(card).toContainText('Jo Evans (Community Safety team, Demo District Council)');
  await expect(card).toContainText(reason);
  await checkA11y(page);
  await card.getByRole('button', { name: 'Review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review emergency access by Jo Evans' });
  await dialog.getByRole('radio', { name: 'Justified', exact: true }).check();
  await dialog.getByLabel('Note').fill('A fire alarm call-out: justified.');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Save review' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: lastName })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Reviewed' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: lastName })).toContainText('Reviewed by Priya Shah');
  await checkA11y(page);
});

test('a practitioner of the owning team sees who of their team recently viewed the person', async ({ page, checkA11y }) => {
  test.skip(!profileId, 'needs the profile from the setup');
  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${profileId}?section=data-protection`);
  await expect(page.getByText(/Recently viewed by your team: .*Priya Shah/)).toBeVisible();
  await expect(page.getByText('Who looked at this person is shown to the administrators of the team that holds them.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Who looked at this person' })).toHaveCount(0);
  await checkA11y(page);
});
