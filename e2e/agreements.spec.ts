import { apiAs, DEMO_USERS, expect, openAs, test } from './fixtures.ts';

// Information sharing and consent: the system administrator records the partnership's sharing
// agreement from the data protection page; an officer records a person's consent under it on the
// profile's Data protection tab, and ends it when the person withdraws.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const title = `Protocol ${stamp}`;
const today = new Date().toISOString().slice(0, 10);
const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
/** A minimal one-page PDF, made here so the journey needs no fixture file. */
const signedPdf = Buffer.from(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`, 'latin1');

test('a system administrator records a sharing agreement with its parties and review date', async ({ page, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data protection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data protection' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: 'Information sharing agreements' }).click();
  await page.getByRole('link', { name: 'Record an agreement' }).click();

  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Purpose').fill('Sharing information about people involved in anti-social behaviour to reduce harm.');
  await page.getByLabel('Starts on').fill('2026-01-01');
  await page.getByLabel('Review by').fill(inAYear);
  await page.getByRole('combobox', { name: 'Organisation 1' }).click();
  await page.getByRole('option', { name: 'Demo County Police' }).click();
  await page.getByLabel('Signed by').fill('Chief Superintendent');
  await checkA11y(page);
  await page.getByRole('button', { name: 'Record agreement' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Demo County Police: not signed yet')).toBeVisible();
  await checkA11y(page);

  // The signed copy, uploaded and offered for download.
  await page.locator('input[type=file]').setInputFiles({ name: 'signed-protocol.pdf', mimeType: 'application/pdf', buffer: signedPdf });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('link', { name: 'signed-protocol.pdf' })).toHaveAttribute('href', /\/document$/);

  await page.getByRole('link', { name: 'All sharing agreements' }).click();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Public task (Article 6(1)(e))');
  await checkA11y(page);
  // When its keepers are told of a review coming, under Administration.
  await page.goto('/admin/data-protection');
  await expect(page.getByLabel('Days of notice before a review')).toHaveValue('30');
  await checkA11y(page);
});

test('an officer records a person\'s consent under the agreement, and ends it when it is withdrawn', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const profile = (await police.send('POST', '/profiles', { firstName: 'Ceri', lastName: `Consent${stamp.replace(/\d/g, '')}`, reasonCreated: 'Reported noise nuisance', confirmNoDuplicate: true })) as { id: string };
  await police.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${profile.id}?section=data-protection`);
  const panel = page.getByRole('region', { name: 'Lawful basis' });
  await expect(panel).toContainText('No organisation has recorded a lawful basis');
  await panel.getByRole('button', { name: 'Record a lawful basis' }).click();

  const dialog = page.getByRole('dialog', { name: 'Record your organisation\'s lawful basis' });
  await dialog.getByRole('combobox', { name: 'Lawful basis (Article 6)' }).click();
  await page.getByRole('option', { name: 'Consent (Article 6(1)(a))' }).click();
  await dialog.getByLabel('Consent given on').fill(today);
  await dialog.getByRole('combobox', { name: 'How consent was given' }).click();
  await page.getByRole('option', { name: 'In writing' }).click();
  await dialog.getByRole('combobox', { name: 'Sharing agreement' }).click();
  await page.getByRole('option', { name: title }).click();
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Record lawful basis' }).click();

  const current = panel.getByRole('listitem').filter({ hasText: 'Demo County Police' });
  await expect(current).toContainText('Consent (Article 6(1)(a))');
  await expect(current).toContainText('Consent given in writing');
  await expect(current.getByRole('link', { name: title })).toBeVisible();
  await checkA11y(page);

  await current.getByRole('button', { name: 'End this basis' }).click();
  const ending = page.getByRole('dialog', { name: 'End this lawful basis?' });
  await ending.getByRole('radio', { name: 'Consent withdrawn' }).check();
  await ending.getByRole('button', { name: 'End this basis' }).click();
  await expect(panel).toContainText('No organisation has recorded a lawful basis');
  await expect(panel.getByRole('table', { name: 'Earlier lawful bases' })).toContainText('Consent withdrawn');
  await checkA11y(page);
});
