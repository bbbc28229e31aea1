import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, DataProtectionSettings } from '../../../../shared/api/agreements.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { pdfBytes } from '../../documents/documents.fixtures.ts';
import { auditOf, createProfile, emails, expectError, loadStructure } from '../../sharing/records.fixtures.ts';
import { sweepReviewReminders } from '../reminders.ts';

let t: TestApp;
let structure: Awaited<ReturnType<typeof loadStructure>>;
let admin: Agent;
let policeAdmin: Agent;
let police: Agent;
let other: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  admin = await t.as(emails.admin);
  policeAdmin = await t.as(emails.policeAdmin);
  police = await t.as(emails.police);
  other = await t.as(emails.other);
});
afterAll(() => t.close());

const today = () => londonToday();
const body = () => ({
  title: 'Community Safety Partnership information sharing protocol',
  purpose: 'Sharing information about people involved in anti-social behaviour to reduce harm.',
  lawfulBasis: 'public-task',
  specialCategoryCondition: 'substantial-public-interest',
  legislation: 'Crime and Disorder Act 1998 s115; Anti-social Behaviour, Crime and Policing Act 2014',
  parties: [
    { organisationId: structure.organisation('Demo County Police'), signedOn: '2026-01-12', signatory: 'Chief Superintendent' },
    { organisationId: structure.organisation('Demo District Council') },
  ],
  startsOn: '2026-01-01',
  reviewOn: addDays(today(), 200),
  status: 'active',
});

async function create(input: Record<string, unknown> = body()): Promise<Agreement> {
  const response = await admin.post('/api/v1/sharing-agreements', input);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('information sharing agreements', () => {
  it('are kept by the system administrators and read by all staff of the partnership', async () => {
    const created = await create();
    expect(created).toMatchObject({
      title: body().title,
      lawfulBasis: 'public-task',
      specialCategoryCondition: 'substantial-public-interest',
      status: 'active',
      reviewDue: false,
      version: 1,
      permissions: { canEdit: true },
      parties: expect.arrayContaining([
        { organisation: { id: structure.organisation('Demo County Police'), name: 'Demo County Police' }, signedOn: '2026-01-12', signatory: 'Chief Superintendent' },
        { organisation: { id: structure.organisation('Demo District Council'), name: 'Demo District Council' }, signedOn: null, signatory: null },
      ]),
    });

    // Every member of staff reads them; only system administrators change them.
    const read = await police.get(`/api/v1/sharing-agreements/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: created.id, permissions: { canEdit: false } });
    expect((await police.get('/api/v1/sharing-agreements')).json().items.map((a: Agreement) => a.id)).toContain(created.id);
    expectError(await policeAdmin.post('/api/v1/sharing-agreements', body()), 403, 'forbidden');
    expectError(await policeAdmin.patch(`/api/v1/sharing-agreements/${created.id}`, { version: 1, status: 'ended' }), 403, 'forbidden');
    expectError(await police.patch(`/api/v1/sharing-agreements/${created.id}`, { version: 1, status: 'ended' }), 403, 'forbidden');

    // The other partnership neither sees nor finds them.
    expectError(await other.get(`/api/v1/sharing-agreements/${created.id}`), 404, 'not_found');
    expect((await other.get('/api/v1/sharing-agreements')).json().items.map((a: Agreement) => a.id)).not.toContain(created.id);

    const events = await auditOf(t, created.id);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['sharing_agreement.created', 'sharing_agreement.viewed']));
  });

  it('change from the version read, parties replaced when sent, and a stale version is refused', async () => {
    const created = await create();
    const patched = await admin.patch(`/api/v1/sharing-agreements/${created.id}`, {
      version: 1,
      parties: [{ organisationId: structure.organisation('Demo Housing Association'), signedOn: '2026-02-01', signatory: 'Head of Housing' }],
      endsOn: '2027-12-31',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, endsOn: '2027-12-31', title: created.title, parties: [{ organisation: { name: 'Demo Housing Association' }, signatory: 'Head of Housing' }] });
    expectError(await admin.patch(`/api/v1/sharing-agreements/${created.id}`, { version: 1, title: 'Stale' }), 409, 'conflict');
    expectError(await admin.patch(`/api/v1/sharing-agreements/${created.id}`, { version: 2, endsOn: '2025-01-01' }), 422, 'validation_failed');
    const updated = (await auditOf(t, created.id, 'sharing_agreement.updated'))[0];
    expect(updated).toMatchObject({ details: { parties: [structure.organisation('Demo Housing Association')] } });
  });

  it('refuse a party outside the partnership, or named twice', async () => {
    const otherOrganisation = structure.organisation('Neighbouring County Police');
    const outside = await admin.post('/api/v1/sharing-agreements', { ...body(), parties: [{ organisationId: otherOrganisation }] });
    expectError(outside, 422, 'validation_failed');
    expect(outside.json().error.details).toEqual([{ field: 'parties.0.organisationId', problem: 'is not an organisation of this partnership' }]);
    const police = structure.organisation('Demo County Police');
    expectError(await admin.post('/api/v1/sharing-agreements', { ...body(), parties: [{ organisationId: police }, { organisationId: police }] }), 422, 'validation_failed');
  });

  it('list those due for review, and remind the system administrators once per review date', async () => {
    const due = await create({ ...body(), title: 'Due soon', reviewOn: addDays(today(), 10) });
    const later = await create({ ...body(), title: 'Due later' });
    const listed = (await police.get('/api/v1/sharing-agreements?reviewDue=true&limit=200')).json().items as Agreement[];
    expect(listed.map((a) => a.id)).toContain(due.id);
    expect(listed.map((a) => a.id)).not.toContain(later.id);
    expect(listed.find((a) => a.id === due.id)?.reviewDue).toBe(true);

    const reminded = async () => (await t.database.pool.query<{ email: string }>(
      'select u.email from notifications n join users u on u.id = n.user_id where n.kind = $1 and n.subject_id = $2', ['review_due', due.id])).rows.map((r) => r.email);
    await sweepReviewReminders(t.app.platform.runner);
    await sweepReviewReminders(t.app.platform.runner);
    expect(await reminded()).toEqual([emails.admin]);
    expect(await t.database.pool.query('select 1 from notifications where subject_id = $1', [later.id]).then((r) => r.rowCount)).toBe(0);

    // A new review date is reminded of again when it comes near.
    const moved = await admin.patch(`/api/v1/sharing-agreements/${due.id}`, { version: due.version, reviewOn: addDays(today(), 20) });
    expect(moved.statusCode, moved.body).toBe(200);
    await t.database.db.execute(sql`update notifications set read_at = now() where subject_id = ${due.id}`);
    await sweepReviewReminders(t.app.platform.runner);
    expect(await reminded()).toEqual([emails.admin, emails.admin]);
    expect(await auditOf(t, due.id, 'review.reminded')).toHaveLength(2);
  });

  it('may be named by a person\'s lawful basis while live', async () => {
    const live = await create();
    const ended = await create({ ...body(), status: 'ended' });
    const person = await createProfile(police);
    const named = await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task', agreementId: live.id });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ agreement: { id: live.id, name: live.title } });
    expectError(await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task', agreementId: ended.id }), 422, 'validation_failed');
  });
});

describe('an agreement\'s signed document', () => {
  it('is a PDF its keepers upload, checked by its content, and every download is audited', async () => {
    const created = await create();
    const pdf = pdfBytes('Signed protocol');
    const put = (agent: Agent, bytes: Buffer, name = 'signed protocol.pdf') => agent.request('PUT', `/api/v1/sharing-agreements/${created.id}/document?fileName=${encodeURIComponent(name)}`, bytes, { 'content-type': 'application/octet-stream' });

    expectError(await put(admin, Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'binary'), 'setup.exe'), 422, 'unsupported_file_type');
    expectError(await put(admin, Buffer.from('Just some words, not a PDF.'), 'notes.txt'), 422, 'unsupported_file_type');
    expectError(await put(policeAdmin, pdf), 403, 'forbidden');
    expectError(await police.get(`/api/v1/sharing-agreements/${created.id}/document`), 404, 'not_found');

    const uploaded = await put(admin, pdf);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ document: { name: 'signed protocol.pdf', size: pdf.length }, version: 2 });

    const download = await police.get(`/api/v1/sharing-agreements/${created.id}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(download.headers['content-disposition']).toContain('attachment; filename="signed protocol.pdf"');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await auditOf(t, created.id, 'sharing_agreement.document_downloaded'))).toHaveLength(1);
    expect((await auditOf(t, created.id, 'sharing_agreement.document_uploaded'))).toHaveLength(1);
    expectError(await other.get(`/api/v1/sharing-agreements/${created.id}/document`), 404, 'not_found');
  });
});

describe('data protection settings', () => {
  it('keep the defaults until a system administrator changes them, from the version read', async () => {
    const first: DataProtectionSettings = (await admin.get('/api/v1/data-protection/settings')).json();
    expect(first).toEqual({ reviewReminderDays: 30, lawfulBasisReviewMonths: 12, redactOtherAgencyStaff: true, downloadDays: 14, version: 0, isDefault: true, updatedAt: null, permissions: { canEdit: true } });
    const saved = await admin.request('PUT', '/api/v1/data-protection/settings', { reviewReminderDays: 14, lawfulBasisReviewMonths: 24, redactOtherAgencyStaff: false, downloadDays: 7, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ reviewReminderDays: 14, lawfulBasisReviewMonths: 24, redactOtherAgencyStaff: false, downloadDays: 7, version: 1, isDefault: false });
    expectError(await admin.request('PUT', '/api/v1/data-protection/settings', { reviewReminderDays: 20, lawfulBasisReviewMonths: 24, redactOtherAgencyStaff: true, downloadDays: 14, version: 0 }), 409, 'conflict');
    expectError(await admin.request('PUT', '/api/v1/data-protection/settings', { reviewReminderDays: 0, lawfulBasisReviewMonths: 24, redactOtherAgencyStaff: true, downloadDays: 14, version: 1 }), 422, 'validation_failed');
    expectError(await policeAdmin.get('/api/v1/data-protection/settings'), 403, 'forbidden');
    expectError(await police.request('PUT', '/api/v1/data-protection/settings', { reviewReminderDays: 20, lawfulBasisReviewMonths: 24, redactOtherAgencyStaff: true, downloadDays: 14, version: 1 }), 403, 'forbidden');

    // A basis recorded without a review date takes the partnership's months.
    const person = await createProfile(police);
    const basis = await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task' });
    const [y, m, d] = today().split('-').map(Number) as [number, number, number];
    expect(basis.json().reviewOn.slice(0, 4)).toBe(String(y + 2));
    expect(basis.json().reviewOn.slice(5, 7)).toBe(String(m).padStart(2, '0'));
    expect(Number(basis.json().reviewOn.slice(8))).toBeLessThanOrEqual(d);

    // The other partnership keeps its own defaults.
    const updated = await auditOf(t, structure.organisation('Demo County Police'));
    expect(updated).toBeDefined();
  });
});
