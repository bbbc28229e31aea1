import type { Page } from '@playwright/test';
import { apiAs, DEMO_USERS, expect, openAs, test, type DemoUser } from './fixtures.ts';

// axe on every page of the app, on a laptop (1366 px) and a phone (390 px), as the people who use
// each page see it: the journeys check pages mid-task; this sweep makes sure none is left out.

const stamp = Date.now().toString(36);
const widths = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
];

test.beforeEach(async ({ page }) => {
  test.setTimeout(240_000);
  // No internet in the journeys: map tiles fail, the pages must still pass.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

/** Opens each page at each width, waits for its heading and for loading to end, and runs axe. */
async function sweep(page: Page, checkA11y: (page: Page) => Promise<void>, who: DemoUser, paths: string[]) {
  await openAs(page, who);
  for (const size of widths) {
    await page.setViewportSize(size);
    for (const path of paths) {
      await test.step(`${path} at ${size.width} px`, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByText(/^Loading/)).toHaveCount(0);
        await checkA11y(page);
      });
    }
  }
}

test('every page a practitioner uses passes axe at 1366 and 390 px', async ({ page, checkA11y }, testInfo) => {
  const police = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.police);
  const me = (await police.get('/me')) as { id: string };
  const person = (await police.send('POST', '/profiles', {
    firstName: 'Elowen', lastName: `Sweep${stamp}`, reasonCreated: 'Repeat victim of ASB', confirmNoDuplicate: true, warningMarkers: ['violence'],
  })) as { id: string };
  const kase = (await police.send('POST', '/cases', { caseType: 'ASB', title: `Noise on the estate ${stamp}`, leadOfficerId: me.id })) as { id: string };
  await police.send('POST', `/cases/${kase.id}/profiles`, { profileId: person.id, role: 'victim' });
  const location = (await police.send('POST', '/locations', { addressLine1: `${stamp} Sweep Street`, town: 'Newark', postcode: 'NG24 1AB', confirmNoDuplicate: true })) as { id: string };
  const task = (await police.send('POST', '/tasks', { title: `Visit Elowen ${stamp}`, dueOn: '2030-01-15', assignee: { userId: me.id }, record: { kind: 'profile', id: person.id } })) as { id: string };
  const reminder = (await police.send('POST', '/actions', { title: `Ring the caretaker ${stamp}`, dueAt: new Date(Date.now() + 86_400_000).toISOString() })) as { id: string };
  const draft = (await police.send('POST', '/assessments', { template: 'asb-risk-matrix', subject: { type: 'profile', id: person.id }, answers: {} })) as { id: string };
  // Added to the case as its victim, Elowen has a contact plan; a visit and a case review fill in victim care.
  await police.send('POST', `/profiles/${person.id}/contacts`, { channel: 'visit', reached: true, note: 'Checked the new door lock' });
  const review = (await police.send('POST', '/case-reviews', { profileId: person.id })) as { id: string };
  await police.dispose();

  await sweep(page, checkA11y, DEMO_USERS.police, [
    '/',
    '/search?q=Sweep',
    '/profiles',
    '/profiles?view=gallery',
    '/profiles/new',
    `/profiles/${person.id}`,
    `/profiles/${person.id}?section=work`,
    `/profiles/${person.id}?section=victim-care`,
    `/profiles/${person.id}/contacts`,
    `/profiles/${person.id}?section=documents`,
    `/profiles/${person.id}?section=sharing`,
    `/profiles/${person.id}?section=history`,
    `/profiles/${person.id}/edit`,
    '/cases',
    '/cases/new',
    `/cases/${kase.id}`,
    `/cases/${kase.id}/edit`,
    '/locations',
    '/locations/new',
    `/locations/${location.id}`,
    `/locations/${location.id}/edit`,
    '/tasks',
    '/tasks/new',
    `/tasks/${task.id}`,
    '/actions',
    `/actions/${reminder.id}`,
    '/assessments',
    `/assessments/${draft.id}`,
    '/assessments/templates',
    '/access-requests',
    '/community-triggers',
    `/case-reviews/${review.id}`,
    '/panels',
    '/notifications',
    '/account',
    '/no-such-page',
  ]);
});

test('every page a supervisor and an administrator use passes axe at 1366 and 390 px', async ({ page, checkA11y }, testInfo) => {
  // The sergeant coordinates the demo MARAC: a meeting with one referral on its agenda.
  const lead = await apiAs(testInfo.project.use.baseURL!, DEMO_USERS.policeLead);
  const panels = (await lead.get('/panels?limit=200')) as { items: { id: string; kind: string }[] };
  const marac = panels.items.find((p) => p.kind === 'MARAC')!;
  const person = (await lead.send('POST', '/profiles', { firstName: 'Morwenna', lastName: `Sweep${stamp}`, reasonCreated: 'Victim of domestic abuse', confirmNoDuplicate: true })) as { id: string };
  const referral = (await lead.send('POST', `/panels/${marac.id}/referrals`, { subject: { type: 'profile', id: person.id }, reason: 'Threats to kill', criteria: ['professional-judgement'] })) as { id: string };
  const meeting = (await lead.send('POST', '/meetings', { panelId: marac.id, startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), place: 'Newark police station' })) as { id: string };
  await lead.send('POST', `/meetings/${meeting.id}/agenda`, { referralId: referral.id });
  await lead.dispose();

  await sweep(page, checkA11y, DEMO_USERS.policeLead, ['/supervision', '/insights', '/insights/hotspots', '/insights/compliance', '/insights/compliance/no-risk-assessment', '/assessments/templates/new', '/assessments/question-bank', '/audit', '/panels', `/panels/${marac.id}`, `/meetings/${meeting.id}`,
    '/data-protection', '/data-protection/agreements', '/data-protection/emergency-access', '/scheme-lookup']);
  await sweep(page, checkA11y, DEMO_USERS.admin, [
    '/admin/partnerships',
    '/admin/organisations',
    '/admin/teams',
    '/admin/users',
    '/admin/api-tokens',
    '/admin/outbox',
    '/admin/lookups',
    '/admin/imports',
    '/admin/templates',
    '/admin/victim-care',
    '/admin/insights',
    '/admin/portal',
    '/admin/data-protection',
    '/data-protection/agreements/new',
    '/schemes/keep-safe',
    '/schemes/keep-safe/lookups',
    '/audit',
  ]);
});

test('every data protection and Keep Safe page their administrators use passes axe at 1366 and 390 px', async ({ page, checkA11y }, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  const police = await apiAs(base, DEMO_USERS.police);
  const person = (await police.send('POST', '/profiles', { firstName: 'Ottoline', lastName: `Sweep${stamp}`, reasonCreated: 'Asked for everything held about her', confirmNoDuplicate: true })) as { id: string };
  await police.dispose();
  const policeAdmin = await apiAs(base, DEMO_USERS.policeAdmin);
  const me = (await policeAdmin.get('/me')) as { organisation: { id: string } };
  const request = (await policeAdmin.send('POST', `/profiles/${person.id}/subject-access-exports`, {})) as { id: string };
  await policeAdmin.dispose();
  const admin = await apiAs(base, DEMO_USERS.admin);
  const applications = (await admin.get('/schemes/keep-safe/applications')) as { items: { id: string }[] };
  await admin.dispose();

  await sweep(page, checkA11y, DEMO_USERS.policeAdmin, [
    '/data-protection/subject-access',
    `/data-protection/subject-access/${request.id}`,
    `/data-protection/subject-access/${request.id}/review/${me.organisation.id}`,
    `/profiles/${person.id}?section=data-protection`,
    '/data-protection/retention',
    '/data-protection/retention/holds',
    '/data-protection/disclosure-log',
  ]);
  await sweep(page, checkA11y, DEMO_USERS.admin, [
    '/data-protection/retention/rules',
    '/schemes/keep-safe/applications',
    `/schemes/keep-safe/applications/${applications.items[0]!.id}`,
    '/admin/schemes',
  ]);
});

test('every integration, set-up and help page passes axe at 1366 and 390 px', async ({ page, checkA11y }, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  const policeAdmin = await apiAs(base, DEMO_USERS.policeAdmin);
  const hook = (await policeAdmin.send('POST', '/webhooks', { url: 'http://127.0.0.1:9/every-page', events: ['profile.created'], secret: 'every-page-secret-long' })) as { id: string };
  await policeAdmin.send('POST', `/webhooks/${hook.id}/ping`, {});
  await policeAdmin.dispose();
  const police = await apiAs(base, DEMO_USERS.police);
  await police.send('POST', '/suggestions', { title: `Show the risk level on the task list ${stamp}`, body: 'So that a visit to a high-risk victim is not missed.' });
  await police.dispose();
  const admin = await apiAs(base, DEMO_USERS.admin);
  const setup = (await admin.send('POST', '/partnership-setups', { name: `Sweep County ${stamp} Community Safety Partnership` })) as { partnership: { id: string } };
  await admin.dispose();

  await sweep(page, checkA11y, DEMO_USERS.police, ['/help', '/help?q=share', '/help/sharing-a-record', '/suggestions']);
  await sweep(page, checkA11y, DEMO_USERS.policeAdmin, ['/admin/webhooks', `/admin/webhooks/${hook.id}`, '/admin/sign-in', '/admin/imports/users']);
  await sweep(page, checkA11y, DEMO_USERS.admin, [
    '/admin/imports/users',
    '/admin/imports/cases',
    '/admin/imports/locations',
    '/admin/setup',
    `/admin/setup/${setup.partnership.id}`,
    ...['organisations', 'teams', 'admins', 'lookups', 'case-types', 'agreement'].map((step) => `/admin/setup/${setup.partnership.id}/${step}`),
    '/admin/sign-in',
    '/help/new',
    '/help/tasks/edit',
    '/suggestions',
  ]);
});

test('the pages before sign-in pass axe at 1366 and 390 px', async ({ browser, checkA11y }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  for (const size of widths) {
    await page.setViewportSize(size);
    for (const path of ['/sign-in', '/sign-in?sso=code', '/sign-in?sso=not_linked', '/forgot-password']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkA11y(page);
    }
  }
  await context.close();
});
