import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Retention: the partnership keeps ASB cases six years after they close. A case closed on paper
// seven years ago, with two people on it, comes into the police organisation administrator's
// retention queue; they anonymise it, and its people are anonymised with it.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36).replace(/\d/g, '');
const year = new Date().getFullYear();
const title = `Wren Close noise ${stamp}`;
let reference = '';
let people: { id: string; lastName: string }[] = [];

test('a retention review anonymises a closed case\'s people', async ({ page, checkA11y }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await apiAs(baseURL, DEMO_USERS.admin);
  const rules = (await admin.get('/retention-rules')) as { items: { caseType: { name: string } | null; active: boolean }[] };
  if (!rules.items.some((r) => r.active && r.caseType?.name === 'ASB')) {
    await admin.send('POST', '/retention-rules', { recordKind: 'case', caseType: 'ASB', startsFrom: 'case_closed', keepMonths: 72 });
  }
  const police = await apiAs(baseURL, DEMO_USERS.police);
  people = [];
  for (const firstName of ['Darren', 'Leanne']) {
    const lastName = `Ashcombe${stamp}`;
    const person = (await police.send('POST', '/profiles', { firstName, lastName, reasonCreated: 'Named in noise complaints', confirmNoDuplicate: true })) as { id: string };
    people.push({ id: person.id, lastName });
  }
  const kase = (await police.send('POST', '/cases', { caseType: 'ASB', title, startDate: `${year - 8}-03-01`, endDate: `${year - 7}-01-15` })) as { id: string; version: number; reference: string };
  reference = kase.reference;
  for (const person of people) await police.send('POST', `/cases/${kase.id}/profiles`, { profileId: person.id, role: 'perpetrator' });
  await police.send('POST', `/cases/${kase.id}/close`, { version: kase.version, outcome: 'Resolved', reason: 'Closed on paper' });
  await police.dispose();

  // The system administrator has the queue checked now rather than at the next hourly sweep.
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/data-protection/retention/rules');
  await expect(page.getByRole('heading', { level: 1, name: 'Retention rules' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'ASB cases: 6 years after the case closes' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Check for records past their time now' }).click();
  await expect(page.getByText(/put in the retention queue|No more records are past their time/)).toBeVisible();
  await admin.dispose();

  await openAs(page, DEMO_USERS.policeAdmin);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data protection' }).click();
  await page.getByRole('link', { name: 'Retention', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('ASB cases: 6 years after the case closes');
  await checkA11y(page);

  await row.getByRole('button', { name: `Anonymise ${reference}` }).click();
  const dialog = page.getByRole('dialog', { name: `Anonymise ${reference}` });
  await dialog.getByLabel('Reason').fill('Six years have passed since the case closed');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Anonymise' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Decided' }).click();
  const decided = page.getByRole('row', { name: new RegExp(`Anonymised case ${reference.replace(/\//g, '\\/')}`) });
  await expect(decided).toContainText('Anonymised');
  await checkA11y(page);

  // Each person is anonymised: the banner on their Data protection tab, and no trace of the name.
  await page.goto(`/profiles/${people[0]!.id}?section=data-protection`);
  await expect(page.getByText(/^Anonymised on /)).toBeVisible();
  await expect(page.getByText(people[0]!.lastName)).toHaveCount(0);
  await checkA11y(page);
});
