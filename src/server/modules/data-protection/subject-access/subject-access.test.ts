import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectAccessExport, SubjectAccessItem } from '../../../../shared/api/subject-access.ts';
import { exemptionLabels } from '../../../../shared/subject-access.ts';
import { londonToday } from '../../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { complete, matrixAllMax, start } from '../../assessments/assessments.fixtures.ts';
import { pdfBytes, query, upload } from '../../documents/documents.fixtures.ts';
import { keyIn, uniqueReferral } from '../../referrals/referrals.fixtures.ts';
import { auditOf, emails, enrolledUser, expectError, loadStructure } from '../../sharing/records.fixtures.ts';
import { future } from '../../tasks/tasks.fixtures.ts';
import { dueOn } from './clock.ts';
import { sweepSubjectAccess } from './sweep.ts';

let t: TestApp;
let admin: Agent;
let police: Agent;
let policeAdmin: Agent;
let council: Agent;
let councilAdmin: Agent;
let housingAdmin: Agent;
let otherAdmin: Agent;
let councilOrg: string;
let policeOrg: string;
const person = { id: '' };

async function ok<T = { id: string; version: number }>(response: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<T> {
  const r = await response;
  if (![200, 201, 202].includes(r.statusCode)) throw new Error(`could not ${what}: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

const exportOf = async (agent: Agent, id: string) => (await agent.get(`/api/v1/subject-access-exports/${id}`)).json() as SubjectAccessExport;

async function waitFor(agent: Agent, id: string, status: string): Promise<SubjectAccessExport> {
  await expect.poll(async () => (await exportOf(agent, id)).status, { timeout: 30_000, interval: 100 }).toBe(status);
  return exportOf(agent, id);
}

async function itemsOf(agent: Agent, id: string, organisationId: string): Promise<SubjectAccessItem[]> {
  return (await ok<{ items: SubjectAccessItem[] }>(agent.get(`/api/v1/subject-access-exports/${id}/items?organisationId=${organisationId}&limit=200`), 'list items')).items;
}

const textOf = (item: SubjectAccessItem) => item.fields.map((f) => f.text).join('\n');

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join(' ').replace(/\s+/g, ' ');
}

async function download(agent: Agent, id: string) {
  const response = await agent.get(`/api/v1/subject-access-exports/${id}/download`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/zip');
  const entries = unzipSync(new Uint8Array(response.rawPayload));
  const texts = Object.fromEntries(Object.entries(entries).filter(([name]) => !name.endsWith('.pdf')).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
  const index = await pdfText(entries['index.pdf']!);
  return { entries, texts, index, all: [...Object.values(texts), index].join('\n') };
}

/** Every review done on its organisation's behalf by the system administrator, then the ZIP built. */
async function releaseAsAdmin(id: string): Promise<SubjectAccessExport> {
  const started = await waitFor(admin, id, 'in_review');
  for (const review of started.reviews) {
    await ok(admin.post(`/api/v1/subject-access-exports/${id}/reviews/${review.organisation.id}/complete`, {}), 'complete a review');
  }
  return waitFor(admin, id, 'ready');
}

beforeAll(async () => {
  t = await startTestApp();
  // The other partnership's administrator, for its 404s.
  await t.database.db.execute(sql`update users set role = 'organisation_admin' where email = ${emails.other}`);
  const place = await loadStructure(t);
  councilOrg = place.organisation('Demo District Council');
  policeOrg = place.organisation('Demo County Police');
  admin = await t.as(emails.admin);
  police = await t.as(emails.police);
  policeAdmin = await t.as(emails.policeAdmin);
  council = await t.as(emails.council);
  otherAdmin = await t.as(emails.other);
  councilAdmin = (await enrolledUser(t, emails.admin, { name: 'Cora Councilhead', role: 'organisation_admin', teamId: place.team('Demo District Council/Community Safety team').teamId })).agent;
  housingAdmin = (await enrolledUser(t, emails.admin, { name: 'Hal Housinghead', role: 'organisation_admin', teamId: place.team('Demo Housing Association/Tenancy team').teamId })).agent;

  // Orla, a victim held by the police ASB team; Quennell, her ex-partner, a third party.
  const orla = await ok(police.post('/api/v1/profiles', {
    firstName: 'Orla', lastName: 'Brindlecombe', dateOfBirth: '1990-05-06', reasonCreated: 'Reasoncreated Harassed by an ex-partner', roles: ['victim'], confirmNoDuplicate: true,
  }), 'create the person');
  person.id = orla.id;
  // A change to her details: her history.
  await ok(police.patch(`/api/v1/profiles/${orla.id}`, { version: orla.version, phone: '07700 900777' }), 'change her phone');
  const quennell = await ok(police.post('/api/v1/profiles', { firstName: 'Quennell', lastName: 'Ashgrove', reasonCreated: 'Ex-partner of a victim', confirmNoDuplicate: true }), 'create the third party');
  await ok(police.post(`/api/v1/profiles/${orla.id}/relationships`, { otherProfileId: quennell.id, kind: 'ex_partner', notes: 'Relnotes Quennell Ashgrove moved out in May' }), 'relate them');
  await ok(police.post(`/api/v1/profiles/${orla.id}/reports`, {
    reportType: 'visit', occurredAt: new Date().toISOString(), visibility: 'shared',
    body: '<p>Policereport Marigold: Orla said Ashgrove shouted at her. Jo Evans from the council was there.</p>',
  }), 'write a police report');
  await ok(police.post(`/api/v1/profiles/${orla.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), visibility: 'team', body: '<p>Intelreport Nightjar</p>' }), 'write an intelligence report');
  const kase = await ok(police.post('/api/v1/cases', { caseType: 'ASB', title: 'Casetitle Harassment at Wrenfield' }), 'open a case');
  await ok(police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: orla.id, role: 'victim' }), 'link the person');
  await ok(police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: quennell.id, role: 'perpetrator' }), 'link the third party');
  await ok(police.post(`/api/v1/cases/${kase.id}/reports`, {
    reportType: 'visit', occurredAt: new Date().toISOString(), visibility: 'shared', body: '<p>Casereport Orla Brindlecombe and Quennell Ashgrove argued on the stairs.</p>',
  }), 'write a case report naming both');
  await ok(police.post(`/api/v1/cases/${kase.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), visibility: 'shared', body: '<p>Otherreport about Quennell alone</p>' }), 'write a case report about the third party');
  const leadId = (await ok<{ id: string }>((await t.as(emails.lead)).get('/api/v1/me'), 'read me')).id;
  await ok(police.post('/api/v1/tasks', { title: 'Tasktitle Visit Orla at home', dueOn: future, assignee: { userId: leadId }, record: { kind: 'profile', id: orla.id } }), 'set a task');
  await complete(police, (await start(police, 'asb-risk-matrix', { type: 'profile', id: orla.id }, matrixAllMax)).id);
  await ok(police.request('PUT', `/api/v1/profiles/${orla.id}/contact-plan`, { safeToEmail: true }), 'record that email is safe');
  await ok(police.post(`/api/v1/profiles/${orla.id}/portal-access`, { email: 'orla.portal@example.org' }), 'invite the client');
  const attachment = await ok(upload(police, `/api/v1/profiles/${orla.id}/portal/attachments?${query({ fileName: 'bus-times.pdf' })}`, pdfBytes('Attachment Buttercup'), 'application/pdf'), 'attach a file');
  await ok(police.post(`/api/v1/profiles/${orla.id}/portal/messages`, { body: 'Messagebody Lavender', attachmentIds: [attachment.id] }), 'message the client');

  // The council works with her too: two reports and a letter.
  await ok(police.post(`/api/v1/profiles/${orla.id}/access`, { teamId: place.team('Demo District Council/Community Safety team').teamId, level: 'view' }), 'share with the council');
  await ok(council.post(`/api/v1/profiles/${orla.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), visibility: 'shared', body: '<p>Councilreport visit; the neighbour at Bramblewood complained.</p>' }), 'write a council report');
  await ok(council.post(`/api/v1/profiles/${orla.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), visibility: 'shared', body: '<p>Councilsecret Foxglove told us in confidence</p>' }), 'write a second council report');
  await ok(upload(council, `/api/v1/profiles/${orla.id}/documents?${query({ fileName: 'tenancy-letter.pdf', title: 'Councildoc tenancy letter', folder: 'Letters' })}`, pdfBytes('Councildoc Honeysuckle'), 'application/pdf'), 'upload a council letter');
  // A referral about her, taken in onto her profile (the desk's decision is tested with referrals); its referrer is a third party.
  const referral = await keyIn(police, uniqueReferral({ referrer: { name: 'Wilhelmina Thistlethorpe', relationship: 'neighbour' }, concern: 'Referralconcern Periwinkle: Wilhelmina Thistlethorpe heard shouting' }));
  await t.database.pool.query('update referrals set profile_id = $1 where id = $2', [orla.id, referral.id]);
  // Who looked: the police officer and the council's coordinator opened her record.
  await ok(police.get(`/api/v1/profiles/${orla.id}`), 'open the profile');
  await ok(council.get(`/api/v1/profiles/${orla.id}`), 'open the profile as the council');
}, 120_000);
afterAll(() => t?.close());

describe('a subject access request', () => {
  let id = '';

  it('is started by an organisation admin: 202, with the statutory due date', async () => {
    const response = await policeAdmin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, { requester: 'Orla herself, by letter' });
    expect(response.statusCode, response.body).toBe(202);
    const started = response.json();
    id = started.id;
    expect(started).toMatchObject({ reference: expect.stringMatching(/^SAR-/), status: 'queued', dueOn: dueOn({ receivedOn: londonToday(), extended: false, pausedDays: 0 }) });
    expect((await auditOf(t, id)).map((e) => e.action)).toContain('subject_access.started');
  });

  it('is refused to practitioners, other organisations and other partnerships', async () => {
    expectError(await police.post(`/api/v1/profiles/${person.id}/subject-access-exports`, {}), 403, 'forbidden');
    expectError(await police.get(`/api/v1/subject-access-exports/${id}`), 403, 'forbidden');
    expectError(await otherAdmin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, {}), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/v1/subject-access-exports/${id}`), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/v1/subject-access-exports/${id}/items?organisationId=${councilOrg}`), 404, 'not_found');
    expectError(await otherAdmin.post(`/api/v1/subject-access-exports/${id}/pause`, { reason: 'x' }), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/v1/subject-access-exports/${id}/download`), 404, 'not_found');
    expect((await otherAdmin.get('/api/v1/subject-access-exports')).json().items).toEqual([]);
  });

  it('is collected in the background, each agency reviewing its own items', async () => {
    const collected = await waitFor(policeAdmin, id, 'in_review');
    expect(collected.reviews.map((r) => r.organisation.name).sort()).toEqual(['Demo County Police', 'Demo District Council']);
    expect(collected.downloadUrl).toBeUndefined();

    // The council's admin sees the request with its own review only, and only its own items.
    const seen = await exportOf(councilAdmin, id);
    expect(seen.reviews.map((r) => r.organisation.id)).toEqual([councilOrg]);
    expect(seen.permissions.canHandle).toBe(false);
    const items = await itemsOf(councilAdmin, id, councilOrg);
    expect(items.map((i) => i.kind).sort()).toEqual(['document', 'report', 'report']);
    expect(items.every((i) => i.organisation.id === councilOrg)).toBe(true);
    expectError(await councilAdmin.get(`/api/v1/subject-access-exports/${id}/items?organisationId=${policeOrg}`), 403, 'forbidden');
    expectError(await housingAdmin.get(`/api/v1/subject-access-exports/${id}`), 403, 'forbidden');
    expectError(await housingAdmin.get(`/api/v1/subject-access-exports/${id}/items?organisationId=${councilOrg}`), 403, 'forbidden');
    expectError(await councilAdmin.post(`/api/v1/subject-access-exports/${id}/pause`, { reason: 'x' }), 403, 'forbidden');

    // The council's administrators were told there is something to review.
    const notices = (await councilAdmin.get('/api/v1/notifications?limit=50')).json().items as { kind: string; link: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'subject_access_review', link: `/data-protection/subject-access/${id}/review/${councilOrg}` }));

    // Third parties' names are redacted from the start.
    const police = await itemsOf(policeAdmin, id, policeOrg);
    const caseReport = police.find((i) => textOf(i).includes('Casereport'))!;
    expect(caseReport.redactions.filter((r) => r.automatic && r.exemption === 'third-party').length).toBeGreaterThanOrEqual(1);
    expect(police.some((i) => textOf(i).includes('Otherreport'))).toBe(false);
  });

  it('lets the council redact a phrase and withhold an item, under exemptions', async () => {
    const items = await itemsOf(councilAdmin, id, councilOrg);
    const visit = items.find((i) => textOf(i).includes('Bramblewood'))!;
    const secret = items.find((i) => textOf(i).includes('Councilsecret'))!;
    expectError(await councilAdmin.post(`/api/v1/subject-access-exports/${id}/items/${visit.id}/redactions`, { text: 'Nowhereword', exemption: 'third-party' }), 422, 'validation_failed');
    const redacted = await ok<SubjectAccessItem>(councilAdmin.post(`/api/v1/subject-access-exports/${id}/items/${visit.id}/redactions`, { text: 'bramblewood', exemption: 'third-party' }), 'redact');
    expect(redacted.redactions.filter((r) => !r.automatic)).toHaveLength(1);
    expectError(await councilAdmin.request('PUT', `/api/v1/subject-access-exports/${id}/items/${secret.id}`, { decision: 'withhold', version: secret.version }), 422, 'validation_failed');
    const withheld = await ok<SubjectAccessItem>(councilAdmin.request('PUT', `/api/v1/subject-access-exports/${id}/items/${secret.id}`, { decision: 'withhold', exemption: 'third-party', version: secret.version }), 'withhold');
    expect(withheld).toMatchObject({ decision: 'withhold', exemption: 'third-party' });
    expectError(await councilAdmin.request('PUT', `/api/v1/subject-access-exports/${id}/items/${secret.id}`, { decision: 'include', version: secret.version }), 409, 'conflict');

    const done = await ok<SubjectAccessExport>(councilAdmin.post(`/api/v1/subject-access-exports/${id}/reviews/${councilOrg}/complete`, { note: 'Council checked' }), 'complete');
    expect(done.status).toBe('in_review');
    expectError(await councilAdmin.post(`/api/v1/subject-access-exports/${id}/reviews/${councilOrg}/complete`, {}), 409, 'review_complete');
    expectError(await councilAdmin.post(`/api/v1/subject-access-exports/${id}/items/${visit.id}/redactions`, { text: 'visit', exemption: 'third-party' }), 409, 'review_complete');
  });

  it('is ready once the last agency completes, and downloads as a ZIP with a readable index', async () => {
    const items = await itemsOf(policeAdmin, id, policeOrg);
    const intel = items.find((i) => textOf(i).includes('Intelreport'))!;
    await ok(policeAdmin.request('PUT', `/api/v1/subject-access-exports/${id}/items/${intel.id}`, { decision: 'withhold', exemption: 'law-enforcement-s45', version: intel.version }), 'withhold under s45');
    // The attachment goes as a redacted copy the police upload.
    const sentFile = items.find((i) => i.file?.name === 'bus-times.pdf')!;
    const replaced = await ok<SubjectAccessItem>(policeAdmin.request('PUT', `/api/v1/subject-access-exports/${id}/items/${sentFile.id}/replacement?fileName=bus-times-redacted.pdf`, pdfBytes('Redacted Buttercup'), { 'content-type': 'application/pdf' }), 'replace a file');
    expect(replaced.file).toMatchObject({ replaced: true });
    const report = items.find((i) => i.kind === 'report')!;
    expectError(await policeAdmin.request('PUT', `/api/v1/subject-access-exports/${id}/items/${report.id}/replacement?fileName=x.pdf`, pdfBytes('x'), { 'content-type': 'application/pdf' }), 422, 'validation_failed');
    expectError(await councilAdmin.request('PUT', `/api/v1/subject-access-exports/${id}/items/${sentFile.id}/replacement?fileName=x.pdf`, pdfBytes('x'), { 'content-type': 'application/pdf' }), 403, 'forbidden');
    await ok(policeAdmin.post(`/api/v1/subject-access-exports/${id}/reviews/${policeOrg}/complete`, {}), 'complete');
    const ready = await waitFor(policeAdmin, id, 'ready');
    expect(ready.downloadUrl).toBe(`/api/v1/subject-access-exports/${id}/download`);
    expect((await exportOf(councilAdmin, id)).downloadUrl).toBeUndefined();
    expectError(await councilAdmin.get(`/api/v1/subject-access-exports/${id}/download`), 403, 'forbidden');
    expectError(await housingAdmin.get(`/api/v1/subject-access-exports/${id}/download`), 403, 'forbidden');
    expectError(await police.get(`/api/v1/subject-access-exports/${id}/download`), 403, 'forbidden');

    const zip = await download(policeAdmin, id);
    const names = Object.keys(zip.entries);
    expect(names).toEqual(expect.arrayContaining(['index.pdf', 'who-viewed.csv', 'data/profile.json']));
    // Each record's text, third parties and other agencies' staff redacted.
    expect(zip.all).toMatch(/Phone: \(none\) → 07700 900777/);
    expect(zip.all).toContain('Referralconcern Periwinkle');
    for (const words of ['Policereport Marigold', 'Casereport Orla Brindlecombe', 'Councilreport visit', 'Tasktitle Visit Orla', 'Messagebody Lavender', 'Harassed by an ex-partner', 'Casetitle Harassment']) {
      expect(zip.all).toContain(words);
    }
    expect(zip.all).toContain('[REDACTED: third party]');
    expect(names.some((n) => /^records\/\d{3}-assessment-/.test(n))).toBe(true);
    expect(zip.all).toContain('Do you know the offender(s)?: Know each other well');
    for (const gone of ['Thistlethorpe', 'Wilhelmina', 'Quennell', 'Ashgrove', 'Bramblewood', 'Councilsecret', 'Foxglove', 'Intelreport', 'Nightjar', 'Otherreport', 'Jo Evans']) {
      expect(zip.all).not.toContain(gone);
    }
    expect(zip.all).toContain('A member of staff of Demo District Council');
    // The council's letter, byte for byte.
    const letter = names.find((n) => n.startsWith('documents/') && n.endsWith('tenancy-letter.pdf'))!;
    expect(Buffer.from(zip.entries[letter]!).equals(pdfBytes('Councildoc Honeysuckle'))).toBe(true);
    const sent = names.find((n) => n.startsWith('documents/') && n.endsWith('bus-times-redacted.pdf'))!;
    expect(Buffer.from(zip.entries[sent]!).equals(pdfBytes('Redacted Buttercup'))).toBe(true);
    expect(names.some((n) => n.endsWith('bus-times.pdf'))).toBe(false);
    // The index lists what is included and what was withheld and why, but not what neither confirms nor denies.
    expect(zip.index).toContain('What is included');
    expect(zip.index).toContain(exemptionLabels['third-party']);
    expect(zip.index).not.toContain(exemptionLabels['law-enforcement-s45']);
    expect(zip.texts['who-viewed.csv']).toContain('Tom Wright');
    expect(zip.texts['who-viewed.csv']).toContain('A member of staff of Demo District Council');

    const downloaded = await auditOf(t, id, 'subject_access.downloaded');
    expect(downloaded).toHaveLength(1);
    expect((await exportOf(policeAdmin, id)).downloads).toBe(1);
  });

  it('closes the download window: 410 once it has passed, then the sweep deletes the ZIP', async () => {
    await t.database.db.execute(sql`update subject_access_requests set download_expires_at = now() - interval '1 second' where id = ${id}`);
    expectError(await policeAdmin.get(`/api/v1/subject-access-exports/${id}/download`), 410, 'download_expired');
    expect((await exportOf(policeAdmin, id)).downloadUrl).toBeUndefined();
    const { runner, files, jobs } = t.app.platform;
    expect((await sweepSubjectAccess({ runner, files, jobs })).expired).toBeGreaterThanOrEqual(1);
    expect((await exportOf(policeAdmin, id)).status).toBe('expired');
    expectError(await policeAdmin.get(`/api/v1/subject-access-exports/${id}/download`), 410, 'download_expired');
  });

  it('names other agencies\' staff when the partnership turns redaction of them off', async () => {
    const settings = (await admin.get('/api/v1/data-protection/settings')).json();
    await ok(admin.request('PUT', '/api/v1/data-protection/settings', {
      reviewReminderDays: settings.reviewReminderDays, lawfulBasisReviewMonths: settings.lawfulBasisReviewMonths, redactOtherAgencyStaff: false, downloadDays: 14, version: settings.version,
    }), 'turn staff redaction off');
    const started = await ok<{ id: string }>(policeAdmin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, {}), 'start another');
    await releaseAsAdmin(started.id);
    const zip = await download(policeAdmin, started.id);
    expect(zip.all).toContain('Jo Evans');
    expect(zip.all).not.toContain('Quennell');
  });

  it('keeps the clock: pause and resume, one extension within the first month, cancel', async () => {
    const started = await ok<{ id: string; dueOn: string }>(policeAdmin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, {}), 'start a third');
    const paused = await ok<SubjectAccessExport>(policeAdmin.post(`/api/v1/subject-access-exports/${started.id}/pause`, { reason: 'Asked which years she means' }), 'pause');
    expect(paused.clock.pausedSince).toBe(londonToday());
    expectError(await policeAdmin.post(`/api/v1/subject-access-exports/${started.id}/pause`, { reason: 'again' }), 409, 'already_paused');
    const resumed = await ok<SubjectAccessExport>(policeAdmin.post(`/api/v1/subject-access-exports/${started.id}/resume`, {}), 'resume');
    expect(resumed.clock).toMatchObject({ pausedSince: null, pausedDays: 0, dueOn: started.dueOn });
    const extended = await ok<SubjectAccessExport>(policeAdmin.post(`/api/v1/subject-access-exports/${started.id}/extend`, { reason: 'Many agencies hold records', personToldOn: londonToday() }), 'extend');
    expect(extended.clock).toMatchObject({ extended: true, dueOn: dueOn({ receivedOn: londonToday(), extended: true, pausedDays: 0 }), originalDueOn: started.dueOn });
    expectError(await policeAdmin.post(`/api/v1/subject-access-exports/${started.id}/extend`, { reason: 'again', personToldOn: londonToday() }), 409, 'already_extended');
    expectError(await councilAdmin.post(`/api/v1/subject-access-exports/${started.id}/cancel`, { reason: 'not mine' }), 403, 'forbidden');
    const cancelled = await ok<SubjectAccessExport>(policeAdmin.post(`/api/v1/subject-access-exports/${started.id}/cancel`, { reason: 'Withdrawn by the person' }), 'cancel');
    expect(cancelled.status).toBe('cancelled');

    // A request received over a month ago can no longer be extended.
    const late = await ok<{ id: string }>(policeAdmin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, { receivedOn: '2026-01-05' }), 'start a late one');
    expectError(await policeAdmin.post(`/api/v1/subject-access-exports/${late.id}/extend`, { reason: 'complex', personToldOn: '2026-01-20' }), 422, 'validation_failed');
    expectError(await policeAdmin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, { receivedOn: '2099-01-01' }), 422, 'validation_failed');

    // Due and overdue requests are told of to their handlers once a day.
    await waitFor(policeAdmin, late.id, 'in_review');
    const { runner, files, jobs } = t.app.platform;
    expect((await sweepSubjectAccess({ runner, files, jobs })).reminded).toBeGreaterThanOrEqual(1);
    expect((await sweepSubjectAccess({ runner, files, jobs })).reminded).toBe(0);
    const notices = (await policeAdmin.get('/api/v1/notifications?limit=50')).json().items as { kind: string; link: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'subject_access_due', link: `/data-protection/subject-access/${late.id}` }));
  });

  it('refuses a person whose files are more than one download can carry', async () => {
    const huge = sql`update stored_files f set byte_size = byte_size + ${2 ** 31} from document_versions v join documents d on d.id = v.document_id
      where f.id = v.stored_file_id and d.record_id = ${person.id}`;
    await t.database.db.execute(huge);
    expectError(await policeAdmin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, {}), 422, 'too_large');
    await t.database.db.execute(sql`update stored_files f set byte_size = byte_size - ${2 ** 31} from document_versions v join documents d on d.id = v.document_id
      where f.id = v.stored_file_id and d.record_id = ${person.id}`);
  });

  it('lists the requests an admin handles or reviews in', async () => {
    const mine = (await policeAdmin.get(`/api/v1/subject-access-exports?profileId=${person.id}`)).json().items;
    expect(mine.map((r: { id: string }) => r.id)).toContain(id);
    const councils = (await councilAdmin.get('/api/v1/subject-access-exports')).json().items;
    expect(councils.map((r: { id: string }) => r.id)).toContain(id);
    expect(councils.find((r: { id: string }) => r.id === id).myReview).toBe('done');
    expect((await housingAdmin.get('/api/v1/subject-access-exports')).json().items).toEqual([]);
  });
});
