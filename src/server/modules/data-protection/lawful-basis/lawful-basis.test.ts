import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LawfulBasisEntry, LawfulBasisList } from '../../../../shared/api/agreements.ts';
import { addMonths } from '../../../../shared/data-protection.ts';
import { addDays, londonToday } from '../../../platform/london.ts';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { auditOf, createProfile, emails, expectError, loadStructure, share } from '../../sharing/records.fixtures.ts';
import { sweepReviewReminders } from '../reminders.ts';

let t: TestApp;
let structure: Awaited<ReturnType<typeof loadStructure>>;
let police: Agent;
let council: Agent;
let other: Agent;

beforeAll(async () => {
  t = await startTestApp();
  structure = await loadStructure(t);
  police = await t.as(emails.police);
  council = await t.as(emails.council);
  other = await t.as(emails.other);
});
afterAll(() => t.close());

const today = () => londonToday();

async function record(agent: Agent, profileId: string, body: Record<string, unknown>): Promise<LawfulBasisEntry> {
  const response = await agent.post(`/api/v1/profiles/${profileId}/lawful-bases`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function list(agent: Agent, profileId: string): Promise<LawfulBasisList> {
  const response = await agent.get(`/api/v1/profiles/${profileId}/lawful-bases`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('a person\'s lawful basis', () => {
  it('is one current basis per organisation: a second supersedes the first, and another organisation keeps its own', async () => {
    const person = await createProfile(police);
    await share(police, 'profiles', person.id, { organisationId: structure.organisation('Demo District Council'), level: 'view' });
    expect(await list(police, person.id)).toEqual({ current: [], past: [], canRecord: true });

    const first = await record(police, person.id, { basis: 'public-task', notes: 'Crime and Disorder Act 1998 s115' });
    expect(first).toMatchObject({
      basis: 'public-task',
      organisation: { name: 'Demo County Police' },
      reviewOn: addMonths(today(), 12),
      reviewDue: false,
      recordedBy: { name: 'Tom Wright' },
      endedAt: null,
      canEnd: true,
    });
    const second = await record(police, person.id, { basis: 'legal-obligation', specialCategoryCondition: 'law-enforcement-s35', reviewOn: addMonths(today(), 6) });
    expect(second).toMatchObject({ specialCategoryCondition: 'law-enforcement-s35', reviewOn: addMonths(today(), 6) });
    // The council, with view only, records its own organisation's basis beside the police's.
    const councils = await record(council, person.id, { basis: 'consent', consentGivenOn: today(), consentMethod: 'verbal' });
    expect(councils).toMatchObject({ organisation: { name: 'Demo District Council' }, consentGivenOn: today(), consentMethod: 'verbal' });

    const listed = await list(police, person.id);
    expect(listed.current.map((b) => [b.organisation.name, b.basis]).sort()).toEqual([['Demo County Police', 'legal-obligation'], ['Demo District Council', 'consent']]);
    expect(listed.past).toMatchObject([{ id: first.id, endReason: 'superseded', endedBy: { name: 'Tom Wright' }, canEnd: false }]);
    // Each organisation ends only its own.
    expect(listed.current.find((b) => b.id === councils.id)?.canEnd).toBe(false);

    const events = await auditOf(t, second.id);
    expect(events.find((e) => e.action === 'lawful_basis.recorded')).toMatchObject({
      entityType: 'lawful_basis',
      details: { record: { kind: 'profile', id: person.id }, basis: 'legal-obligation', superseded: first.id },
    });
    expect((await auditOf(t, person.id, 'lawful_bases.viewed'))[0]).toMatchObject({ details: { count: 3 } });
  });

  it('needs the date and way consent was given, an Article 9 condition stored as given, and a review date ahead', async () => {
    const person = await createProfile(police);
    const refused = await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'consent' });
    expectError(refused, 422, 'validation_failed');
    expect(refused.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['consentGivenOn', 'consentMethod']);
    expectError(await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'consent', consentGivenOn: addMonths(today(), 1), consentMethod: 'written' }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task', consentMethod: 'written' }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task', reviewOn: today() }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task', specialCategoryCondition: 'explicit-consent' }), 422, 'validation_failed');
    expectError(await police.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task', agreementId: person.id }), 422, 'validation_failed');

    const explicit = await record(police, person.id, { basis: 'public-task', specialCategoryCondition: 'explicit-consent', consentGivenOn: today(), consentMethod: 'parent-or-guardian' });
    expect(explicit).toMatchObject({ specialCategoryCondition: 'explicit-consent', consentMethod: 'parent-or-guardian' });
  });

  it('ends with consent withdrawn, by its own organisation only, once', async () => {
    const person = await createProfile(police);
    await share(police, 'profiles', person.id, { organisationId: structure.organisation('Demo District Council'), level: 'view' });
    const basis = await record(police, person.id, { basis: 'consent', consentGivenOn: today(), consentMethod: 'written' });

    expectError(await council.post(`/api/v1/lawful-bases/${basis.id}/end`, { reason: 'consent-withdrawn' }), 403, 'not_your_organisation');
    expectError(await police.post(`/api/v1/lawful-bases/${basis.id}/end`, { reason: 'superseded' }), 422, 'validation_failed');
    const ended = await police.post(`/api/v1/lawful-bases/${basis.id}/end`, { reason: 'consent-withdrawn', note: 'Told us by phone she no longer agrees' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endReason: 'consent-withdrawn', endedBy: { name: 'Tom Wright' }, canEnd: false });
    expectError(await police.post(`/api/v1/lawful-bases/${basis.id}/end`, { reason: 'no-longer-needed' }), 409, 'already_ended');
    expect((await list(police, person.id)).current).toEqual([]);
    expect((await auditOf(t, basis.id, 'lawful_basis.ended'))[0]).toMatchObject({ details: { endReason: 'consent-withdrawn' } });
  });

  it('is refused to someone who may not open the person, and does not exist for another partnership', async () => {
    const person = await createProfile(police);
    const basis = await record(police, person.id, { basis: 'public-task' });

    expectError(await council.get(`/api/v1/profiles/${person.id}/lawful-bases`), 403, 'no_access');
    expectError(await council.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task' }), 403, 'no_access');
    expectError(await council.post(`/api/v1/lawful-bases/${basis.id}/end`, { reason: 'no-longer-needed' }), 403, 'no_access');
    expectError(await other.get(`/api/v1/profiles/${person.id}/lawful-bases`), 404, 'not_found');
    expectError(await other.post(`/api/v1/profiles/${person.id}/lawful-bases`, { basis: 'public-task' }), 404, 'not_found');
    expectError(await other.post(`/api/v1/lawful-bases/${basis.id}/end`, { reason: 'no-longer-needed' }), 404, 'not_found');
    expect((await list(police, person.id)).current).toHaveLength(1);
  });

  it('reminds whoever recorded it once its review is near, once per review date, naming nobody', async () => {
    const person = await createProfile(police);
    const lead = await t.as(emails.lead);
    const basis = await record(lead, person.id, { basis: 'public-task' });
    const noticesOf = async () => (await t.database.pool.query<{ message: string; link: string }>(
      'select n.message, n.link from notifications n join users u on u.id = n.user_id where u.email = $1 and n.kind = $2 and n.subject_id = $3',
      [emails.lead, 'review_due', basis.id])).rows;

    await sweepReviewReminders(t.app.platform.runner);
    expect(await noticesOf()).toEqual([]);
    await t.database.db.execute(sql`update profile_lawful_bases set review_on = ${today()}::date + 10 where id = ${basis.id}`);
    await sweepReviewReminders(t.app.platform.runner);
    await sweepReviewReminders(t.app.platform.runner);
    const notices = await noticesOf();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.link).toBe(`/profiles/${person.id}?section=data-protection`);
    expect(notices[0]!.message).not.toContain(person.lastName);
    expect((await auditOf(t, basis.id, 'review.reminded'))).toHaveLength(1);

    // A new basis is a new review, reminded of again when it comes near.
    const next = await record(lead, person.id, { basis: 'public-task', reviewOn: addDays(today(), 20) });
    await sweepReviewReminders(t.app.platform.runner);
    const again = await t.database.pool.query('select 1 from notifications where subject_id = $1 and kind = $2', [next.id, 'review_due']);
    expect(again.rowCount).toBe(1);
  });
});
