import type { Locator, Page } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, resizeTo, test } from './fixtures.ts';

// A police officer puts a letter on a profile, previews and downloads it; the system administrator
// finds the starter letters in the partnership's template library, adds a consent form to it, and
// a practitioner copies it onto a case. Each step builds on the one before.
test.describe.configure({ mode: 'serial' });
test.beforeEach(() => test.setTimeout(150_000));

const stamp = Date.now().toString(36);

/** A minimal, valid one-page PDF, made here so the journey needs no fixture file. */
function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 18 Tf 30 100 Td (${text}) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
`, 'latin1');
}

/** What the screen looks like, wide and phone-sized: one part of the page, or the whole window. */
async function screenshots(page: Page, name: string, part?: Locator) {
  for (const width of [1280, 390]) {
    // The shell re-lays itself out for a phone (the menu folds away) after the resize.
    await resizeTo(page, width, 900);
    const path = `test-results/documents-${name}-${width}.png`;
    if (part) await part.screenshot({ path });
    else await page.screenshot({ path });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

let profileId = '';
let caseId = '';

test('a police officer uploads a letter to a profile, previews it and downloads it', async ({ page, baseURL, checkA11y }) => {
  const police = await apiAs(baseURL!, DEMO_USERS.police);
  const profile = (await police.send('POST', '/profiles', {
    firstName: 'Dana', lastName: `Docs${stamp}`, reasonCreated: 'Reported for anti-social behaviour', confirmNoDuplicate: true,
  })) as { id: string };
  profileId = profile.id;
  const created = (await police.send('POST', '/cases', { caseType: 'ASB', title: `Noise at the flats ${stamp}` })) as { id: string };
  caseId = created.id;
  await police.dispose();

  await openAs(page, DEMO_USERS.police);
  await page.goto(`/profiles/${profileId}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const documents = page.getByRole('region', { name: 'Documents' });
  await expect(documents.getByText('There are no documents on this profile yet.')).toBeVisible();
  await documents.getByRole('button', { name: 'Upload a document' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a document to this profile' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'warning-letter.pdf', mimeType: 'application/pdf', buffer: pdf('Warning letter') });
  await dialog.getByRole('combobox', { name: 'Folder' }).fill('Letters');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('ASB warning letter');
  await dialog.getByRole('radio', { name: 'My team only' }).check();
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '“ASB warning letter” uploaded.' })).toBeVisible();
  await expect(documents.getByRole('heading', { level: 3, name: 'Letters' })).toBeVisible();
  await expect(documents.getByText('ASB warning letter')).toBeVisible();
  await expect(documents.getByText('My team only')).toBeVisible();
  await checkA11y(page);
  await screenshots(page, 'profile', documents);

  const previewed = page.waitForResponse((r) => r.url().includes('/content?disposition=inline'));
  await documents.getByRole('button', { name: 'Preview ASB warning letter' }).click();
  const preview = page.getByRole('dialog', { name: 'Preview: ASB warning letter' });
  await expect(preview.locator('iframe[title="Preview of ASB warning letter"]')).toBeVisible();
  const response = await previewed;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toMatch(/^inline; filename="warning-letter.pdf"/);
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  await checkA11y(page);
  await screenshots(page, 'preview');
  await preview.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(preview).toBeHidden();

  const download = page.waitForEvent('download');
  await documents.getByRole('link', { name: 'Download ASB warning letter' }).click();
  expect((await download).suggestedFilename()).toBe('warning-letter.pdf');
});

test('an admin adds a template to the library and a practitioner adds a copy to a case', async ({ page, browser, baseURL, checkA11y }) => {
  await openAs(page, DEMO_USERS.admin);
  await page.goto('/admin/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  // The library starts with the ASB toolkit's first steps and a consent form, as Word documents.
  await expect(page.getByRole('heading', { level: 2, name: 'ASB toolkit' })).toBeVisible();
  for (const title of ['First warning letter', 'Acceptable Behaviour Contract (ABC)', 'Community Protection Warning (CPW)', 'Information sharing consent form']) {
    await expect(page.getByRole('rowheader').filter({ hasText: title })).toBeVisible();
  }
  const starter = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download Community Protection Warning (CPW)' }).click();
  expect((await starter).suggestedFilename()).toBe('community-protection-warning.docx');
  await page.getByRole('button', { name: 'Add a template' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a template' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'consent.pdf', mimeType: 'application/pdf', buffer: pdf('Consent to share') });
  await dialog.getByRole('combobox', { name: 'Folder' }).fill('Consent forms');
  await dialog.getByRole('textbox', { name: 'Title' }).fill(`Consent to share information ${stamp}`);
  await dialog.getByRole('button', { name: 'Add to the library' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Consent forms' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: new RegExp(`Consent to share information ${stamp}`) })).toBeVisible();
  await checkA11y(page);
  await screenshots(page, 'templates');

  const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  const practitioner = await context.newPage();
  await openAs(practitioner, DEMO_USERS.police);
  await practitioner.goto(`/cases/${caseId}`);
  const documents = practitioner.getByRole('region', { name: 'Documents' });
  await documents.getByRole('button', { name: 'Add from template library' }).click();
  const picker = practitioner.getByRole('dialog', { name: 'Add from the template library' });
  await picker.getByRole('combobox', { name: 'Template' }).click();
  await practitioner.getByRole('option', { name: `Consent to share information ${stamp}` }).click();
  await picker.getByRole('button', { name: 'Add a copy' }).click();
  await expect(picker).toBeHidden();
  await expect(documents.getByRole('heading', { level: 3, name: 'Consent forms' })).toBeVisible();
  await expect(documents.getByText(`Consent to share information ${stamp}`)).toBeVisible();
  await checkA11y(practitioner);
  await context.close();
});
