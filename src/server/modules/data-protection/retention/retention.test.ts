import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionReview } from '../../../../shared/api/retention.ts';
import type { Agent, TestApp } from '../../../test/harness.ts';
import { startTestApp } from '../../../test/harness.ts';
import { pdfBytes, query, upload } from '../../documents/documents.fixtures.ts';
import { createProfile, emails, expectError } from '../../sharing/records.fixtures.ts';
import { verifiedChain } from './retention.fixtures.ts';
import { sweepRetention } from './sweep.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sql = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);
const reviewFor = async (agent: Agent, recordId: string, status: 'pending' | 'decided' = 'pending'): Promise<RetentionReview | undefined> =>
  ((await agent.get(`/api/v1/retention-reviews?status=${status}&limit=200`)).json().items as RetentionReview[]).find((r) => r.record.id === recordId);

/** A case of the police ASB team with people on it, closed and set back `years` years. */
async function closedCase(police: Agent, title: string, people: { id: string }[], years: number) {
  const kase = (await police.post('/api/v1/cases', { caseType: 'ASB', title })).json();
  for (const person of people) expect((await police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: person.id, role: 'perpetrator' })).statusCode).toBeLessThan(300);
  const report = await police.post(`/api/v1/cases/${kase.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: '<p>Shouting at the neighbours again.</p>', visibility: 'shared' });
  expect(report.statusCode, report.body).toBe(201);
  const current = (await police.get(`/api/v1/cases/${kase.id}`)).json();
  expect((await police.post(`/api/v1/cases/${kase.id}/close`, { version: current.version, outcome: 'Resolved', reason: 'Behaviour stopped' })).statusCode).toBe(200);
  await sql(`update cases set closed_at = now() - make_interval(years => $2) where id = $1`, [kase.id, years]);
  return kase.id as string;
}

describe('retention rules', () => {
  it('are set by system administrators only, one active rule per kind and case type', async () => {
    const admin = await t.as(emails.admin);
    const created = await admin.post('/api/v1/retention-rules', { recordKind: 'case', caseType: 'ASB', startsFrom: 'case_closed', keepMonths: 72 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ recordKind: 'case', caseType: { name: 'ASB' }, keepMonths: 72, active: true, description: 'ASB cases: 6 years after the case closes' });
    expectError(await admin.post('/api/v1/retention-rules', { recordKind: 'case', caseType: 'ASB', startsFrom: 'case_closed', keepMonths: 24 }), 409, 'rule_exists');
    expectError(await admin.post('/api/v1/retention-rules', { recordKind: 'case', startsFrom: 'last_activity', keepMonths: 24 }), 422, 'validation_failed');
    expectError(await (await t.as(emails.policeAdmin)).post('/api/v1/retention-rules', { recordKind: 'profile', startsFrom: 'last_activity', keepMonths: 24 }), 403, 'forbidden');
    const listed = await (await t.as(emails.policeAdmin)).get('/api/v1/retention-rules');
    expect(listed.json().items).toEqual([expect.objectContaining({ id: created.json().id })]);
    expectError(await (await t.as(emails.police)).get('/api/v1/retention-rules'), 403, 'forbidden');
    // The other partnership has rules of its own.
    expect((await (await t.as(emails.other)).get('/api/v1/retention-rules')).statusCode).toBe(403);
  });
});

describe('the queue', () => {
  let police: Agent;
  let admin: Agent;
  let oldCase: string;
  let heldCase: string;
  let recentCase: string;
  let alone: { id: string };
  let busy: { id: string };

  beforeAll(async () => {
    police = await t.as(emails.police);
    admin = await t.as(emails.policeAdmin);
    alone = await createProfile(police, { roles: ['perpetrator'] });
    busy = await createProfile(police, { roles: ['perpetrator'] });
    oldCase = await closedCase(police, 'Old noise case', [alone, busy], 7);
    heldCase = await closedCase(police, 'Held noise case', [], 7);
    recentCase = await closedCase(police, 'Recent noise case', [], 2);
    // The second person is still on an open case.
    const open = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Open case' })).json();
    expect((await police.post(`/api/v1/cases/${open.id}/profiles`, { profileId: busy.id, role: 'perpetrator' })).statusCode).toBeLessThan(300);
    expect((await admin.post('/api/v1/legal-holds', { record: { type: 'case', id: heldCase }, reason: 'Judicial review' })).statusCode).toBe(201);
  });

  it('gains a pending review for each case past its time, not for a held one, once however often it runs', async () => {
    const first = await sweepRetention(t.app.platform.runner);
    expect(first.case).toBe(1);
    expect((await sweepRetention(t.app.platform.runner)).case ?? 0).toBe(0);
    const review = await reviewFor(admin, oldCase);
    expect(review).toMatchObject({ record: { kind: 'case', title: 'Old noise case' }, rule: { description: 'ASB cases: 6 years after the case closes' }, held: false, status: 'pending' });
    expect(await reviewFor(admin, heldCase)).toBeUndefined();
    expect(await reviewFor(admin, recentCase)).toBeUndefined();
    // The organisation's administrators were told, naming nobody.
    const { rows } = await sql(`select n.message from notifications n join users u on u.id = n.user_id where u.email = $1 and n.kind = 'retention_due'`, [emails.policeAdmin]);
    expect(rows).toEqual([{ message: 'Records your organisation holds have passed their retention period and wait for a decision.' }]);
    // A team's administrator and a practitioner may not look.
    expectError(await (await t.as(emails.lead)).get('/api/v1/retention-reviews'), 403, 'forbidden');
    expectError(await police.get('/api/v1/retention-reviews'), 403, 'forbidden');
  });

  it('keeps a record with a reason and a later date, and asks again after it', async () => {
    const review = (await reviewFor(admin, oldCase))!;
    expectError(await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'keep', reason: 'Appeal' }), 422, 'validation_failed');
    expectError(await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'keep', reason: 'Appeal', keepUntil: '2001-01-01' }), 422, 'validation_failed');
    expectError(await (await t.as(emails.lead)).post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'keep', reason: 'Appeal', keepUntil: '2099-01-01' }), 403, 'forbidden');
    const kept = await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'keep', reason: 'Appeal lodged', keepUntil: '2099-01-01' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'kept', keepUntil: '2099-01-01', reason: 'Appeal lodged', decidedBy: { name: 'Helen Ford' } });
    expectError(await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'delete', reason: 'Again' }), 409, 'already_decided');
    expect((await sweepRetention(t.app.platform.runner)).case ?? 0).toBe(0);
    await sql(`update retention_reviews set keep_until = current_date where id = $1`, [review.id]);
    expect((await sweepRetention(t.app.platform.runner)).case).toBe(1);
  });

  it('anonymises a closed case\'s people, leaving out one on another open case, and says so', async () => {
    const review = (await reviewFor(admin, oldCase))!;
    const decided = await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'anonymise', reason: 'Six years passed' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'anonymised', record: { title: expect.stringMatching(/^Anonymised case /) } });
    expect(decided.json().people).toEqual(expect.arrayContaining([
      { id: alone.id, anonymised: true, why: null },
      { id: busy.id, anonymised: false, why: 'open_case' },
    ]));
    expect((await police.get(`/api/v1/profiles/${alone.id}`)).json()).toMatchObject({ firstName: 'Anonymised', lastName: 'person' });
    expect((await police.get(`/api/v1/profiles/${busy.id}`)).json().firstName).not.toBe('Anonymised');
    const { rows } = await sql(`select body_text from reports where record_kind = 'case' and record_id = $1`, [oldCase]);
    expect(rows).toEqual([{ body_text: '[removed on anonymisation]' }]);
    expect((await police.get(`/api/v1/cases/${oldCase}/retention`)).json()).toMatchObject({ anonymisedAt: expect.any(String), canDecide: false });
    // Anonymised, it is not swept again.
    expect((await sweepRetention(t.app.platform.runner)).case ?? 0).toBe(0);
  });

  it('counts a case from its recorded end date where it has one', async () => {
    const start = `${new Date().getFullYear() - 8}-01-10`;
    const end = `${new Date().getFullYear() - 7}-02-20`;
    const paper = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Paper case', startDate: start, endDate: end })).json();
    expect((await police.post(`/api/v1/cases/${paper.id}/close`, { version: paper.version, outcome: 'Resolved', reason: 'Closed on paper' })).statusCode).toBe(200);
    expect((await sweepRetention(t.app.platform.runner)).case).toBe(1);
    const review = (await reviewFor(admin, paper.id))!;
    expect(review.dueOn).toBe(`${new Date().getFullYear() - 1}-02-20`);
    expect((await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'keep', reason: 'Civil claim possible', keepUntil: '2099-01-01' })).statusCode).toBe(200);
  });

  it('stops anonymising and deleting while a legal hold stands', async () => {
    const version = (await police.get(`/api/v1/cases/${heldCase}`)).json().version;
    expectError(await admin.post(`/api/v1/cases/${heldCase}/anonymise`, { reason: 'Tidy up', version }), 409, 'legal_hold');
    const holds = (await admin.get('/api/v1/legal-holds')).json().items;
    expect(holds).toEqual([expect.objectContaining({ record: expect.objectContaining({ type: 'case', id: heldCase }), reason: 'Judicial review' })]);
    expectError(await (await t.as(emails.other)).get(`/api/v1/cases/${heldCase}/retention`), 404, 'not_found');
  });

  it('deletes a case and what hangs on it, files included, leaving a tombstone without values and no values of its earlier events', async () => {
    await sql(`update cases set closed_at = now() - interval '7 years' where id = $1`, [recentCase]);
    const doc = await upload(police, `/api/v1/cases/${recentCase}/documents?${query({ fileName: 'letter.pdf', title: 'Warning letter', folder: 'Letters', visibility: 'shared' })}`, pdfBytes());
    expect(doc.statusCode, doc.body).toBe(201);
    const { rows: [file] } = await sql(`select f.id, f.storage_key from stored_files f join document_versions v on v.stored_file_id = f.id where v.document_id = $1`, [doc.json().id]);
    expect(await t.app.platform.files.get(file.storage_key)).not.toBeNull();
    expect((await sweepRetention(t.app.platform.runner)).case).toBe(1);
    const review = (await reviewFor(admin, recentCase))!;
    const earlier = (await sql(`select id from audit_events where entity_type = 'case' and entity_id = $1`, [recentCase])).rows.map((r) => r.id as string);
    expect((await sql(`select count(*)::int as n from audit_values where event_id = any($1::uuid[])`, [earlier])).rows[0].n).toBeGreaterThan(0);

    const deleted = await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'delete', reason: 'Six years passed' });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ status: 'deleted', record: { title: 'Deleted record' } });
    expect((await sql(`select count(*)::int as n from cases where id = $1`, [recentCase])).rows[0].n).toBe(0);
    expect((await sql(`select count(*)::int as n from reports where record_kind = 'case' and record_id = $1`, [recentCase])).rows[0].n).toBe(0);
    expect((await sql(`select count(*)::int as n from stored_files where id = $1`, [file.id])).rows[0].n).toBe(0);
    expect(await t.app.platform.files.get(file.storage_key)).toBeNull();
    expect((await sql(`select count(*)::int as n from audit_values where event_id = any($1::uuid[])`, [earlier])).rows[0].n).toBe(0);
    const { rows: [tombstone] } = await sql(`
      select e.details, e.values_digest, (select count(*) from audit_values v where v.event_id = e.id)::int as values
        from audit_events e where e.action = 'record.deleted' and e.entity_id = $1`, [recentCase]);
    expect(tombstone).toMatchObject({ values_digest: null, values: 0, details: { recordKind: 'case', recordId: recentCase, ruleId: review.rule.id, counts: expect.objectContaining({ case: 1, reports: 1, documents: 1, files: 1 }) } });
    expectError(await police.get(`/api/v1/cases/${recentCase}`), 404, 'not_found');

    expect(await verifiedChain(t)).toMatchObject({ intact: true, firstBrokenSeq: null, pending: 0 });
  });

  it('deletes a person from a review of people past their time', async () => {
    const sysAdmin = await t.as(emails.admin);
    expect((await sysAdmin.post('/api/v1/retention-rules', { recordKind: 'profile', startsFrom: 'last_activity', keepMonths: 72 })).statusCode).toBe(201);
    const gone = await createProfile(police, { roles: ['witness'] });
    const report = await police.post(`/api/v1/profiles/${gone.id}/reports`, { reportType: 'visit', occurredAt: '2015-01-01T10:00:00Z', body: '<p>Saw it all.</p>', visibility: 'shared' });
    expect(report.statusCode).toBe(201);
    await sql(`update profiles set updated_at = now() - interval '7 years' where id = $1`, [gone.id]);
    // Asked for now by a system administrator, not at the next hourly sweep.
    expectError(await admin.post('/api/v1/retention-rules/sweep', {}), 403, 'forbidden');
    const swept = await sysAdmin.post('/api/v1/retention-rules/sweep', {});
    expect(swept.statusCode, swept.body).toBe(200);
    expect(swept.json().added.profile).toBeGreaterThanOrEqual(1);
    const review = (await reviewFor(admin, gone.id))!;
    const deleted = await admin.post(`/api/v1/retention-reviews/${review.id}/decision`, { decision: 'delete', reason: 'Six years passed' });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await sql(`select count(*)::int as n from profiles where id = $1`, [gone.id])).rows[0].n).toBe(0);
    expect((await sql(`select count(*)::int as n from reports where id = $1`, [report.json().id])).rows[0].n).toBe(0);
    expect(await verifiedChain(t)).toMatchObject({ intact: true, pending: 0 });
  });
});
