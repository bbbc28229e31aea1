import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { inviteClient } from '../../portal/portal.fixtures.ts';
import { keyIn, uniqueReferral } from '../../referrals/referrals.fixtures.ts';
import { createProfile, emails, expectError, loadStructure } from '../../sharing/records.fixtures.ts';
import { verifiedChain } from './retention.fixtures.ts';

let t: TestApp;
let place: Awaited<ReturnType<typeof loadStructure>>;

beforeAll(async () => {
  t = await startTestApp();
  place = await loadStructure(t);
});
afterAll(() => t.close());

const reason = 'Retention period passed: no longer needed';

/** Words no other row of the database holds, so finding one anywhere means it was left behind. */
const tag = Date.now().toString(36).toUpperCase();
const tokens = {
  first: `Quorvina${tag}`,
  last: `Zelkowitz${tag}`,
  aliasFirst: `Brimstead${tag}`,
  aliasLast: `Vandermolt${tag}`,
  dateOfBirth: '1931-07-29',
  phone: `07700 9${tag.slice(-5).replace(/\D/g, '1').padStart(5, '1')}`,
  email: `quorvina.${tag.toLowerCase()}@example.test`,
  portalEmail: `qz.portal.${tag.toLowerCase()}@example.test`,
  street: `${tag} Thistlewick Lane`,
  keyInformation: `Keyinfo${tag} dog in the yard`,
  report: `Reportword${tag} seen at the window`,
  task: `Taskword${tag} call back`,
  message: `Messageword${tag} are you safe`,
  safetyPlan: `Planword${tag} go to the neighbour`,
  referral: `Referralword${tag} noise nightly`,
  requester: `Requesterword${tag}`,
};

/** Every table of the database holding any of the words: `table: token` for each, outside the audit chain's hashes. */
async function tracesOf(words: string[]): Promise<string[]> {
  const { rows: tables } = await t.database.pool.query<{ schema: string; name: string }>(`
    select table_schema as schema, table_name as name from information_schema.tables
     where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE' order by 1, 2`);
  const found: string[] = [];
  for (const table of tables) {
    const qualified = `"${table.schema}"."${table.name}"`;
    for (const word of words) {
      const { rows } = await t.database.pool.query(`select 1 from ${qualified} t where t::text ilike $1 limit 1`, [`%${word}%`]);
      if (rows.length > 0) found.push(`${table.schema}.${table.name}: ${word}`);
    }
  }
  return found;
}

describe('anonymising a person', () => {
  let person: { id: string };
  let related: { id: string };

  beforeAll(async () => {
    const police = await t.as(emails.police);
    person = await createProfile(police, {
      firstName: tokens.first,
      lastName: tokens.last,
      aliases: [{ firstName: tokens.aliasFirst, lastName: tokens.aliasLast }],
      dateOfBirth: tokens.dateOfBirth,
      phone: tokens.phone,
      email: tokens.email,
      keyInformation: tokens.keyInformation,
      roles: ['witness'],
      riskLevel: 'high',
      addresses: [{ addressLine1: tokens.street, town: 'Demo Town', postcode: 'NG1 5AB' }],
    });
    related = await createProfile(police, { roles: ['family_member'] });
    expect((await police.post(`/api/v1/profiles/${person.id}/relationships`, { otherProfileId: related.id, kind: 'parent' })).statusCode).toBeLessThan(300);
    const caseId = (await police.post('/api/v1/cases', { caseType: 'ASB', title: 'Noise on Mill Road' })).json().id;
    expect((await police.post(`/api/v1/cases/${caseId}/profiles`, { profileId: person.id, role: 'witness' })).statusCode).toBeLessThan(300);

    const report = await police.post(`/api/v1/profiles/${person.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: `<p>${tokens.report}</p>`, visibility: 'shared' });
    expect(report.statusCode, report.body).toBe(201);
    const task = await police.post('/api/v1/tasks', {
      subject: { type: 'profile', id: person.id }, title: tokens.task, assignee: { teamId: place.team('Demo County Police/ASB team').teamId }, dueDate: '2030-01-15',
    });
    expect(task.statusCode, task.body).toBe(201);
    await inviteClient(t, police, person.id, { email: tokens.portalEmail });
    const message = await police.post(`/api/v1/profiles/${person.id}/portal/messages`, { body: tokens.message });
    expect(message.statusCode, message.body).toBe(201);
    const plan = await police.request('PUT', `/api/v1/profiles/${person.id}/safety-plan`, { steps: [tokens.safetyPlan, 'Keep the phone charged'], emergencyContacts: [{ name: `Sister ${tokens.last}`, phone: '07700 900123' }] });
    expect(plan.statusCode, plan.body).toBe(200);

    // A referral about them, taken in onto their profile.
    const sent = await keyIn(police, uniqueReferral({ subject: { firstName: tokens.first, lastName: tokens.last, dateOfBirth: tokens.dateOfBirth }, concern: tokens.referral }));
    const decided = await police.post(`/api/v1/referrals/${sent.id}/decision`, { decision: 'new-case', reason: 'Meets the threshold', caseType: 'ASB', profileId: person.id, role: 'witness' });
    expect(decided.statusCode, decided.body).toBe(200);

    const search = await police.get(`/api/v1/search?q=${encodeURIComponent(`${tokens.first} ${tokens.last}`)}`);
    expect(search.statusCode, search.body).toBe(200);
    // Someone else's search for the surname, by another team.
    expect((await (await t.as(emails.council)).get(`/api/v1/search?q=${encodeURIComponent(tokens.last)}`)).statusCode).toBe(200);
  });

  it('is refused to a practitioner, to another organisation\'s administrator, and outside the partnership', async () => {
    const version = (await (await t.as(emails.police)).get(`/api/v1/profiles/${person.id}`)).json().version;
    expectError(await (await t.as(emails.police)).post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version }), 403, 'forbidden');
    expectError(await (await t.as(emails.lead)).post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version }), 403, 'forbidden');
    expectError(await (await t.as(emails.other)).post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version }), 403, 'forbidden');
    expectError(await (await t.as(emails.policeAdmin)).post(`/api/v1/profiles/${person.id}/anonymise`, { reason: '', version }), 422, 'validation_failed');
  });

  it('waits for a legal hold to be lifted, and refuses a stale version', async () => {
    const admin = await t.as(emails.policeAdmin);
    const version = (await admin.get(`/api/v1/profiles/${person.id}`)).json().version;
    const hold = await admin.post('/api/v1/legal-holds', { record: { type: 'profile', id: person.id }, reason: 'Civil claim pending' });
    expect(hold.statusCode, hold.body).toBe(201);
    expectError(await admin.post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version }), 409, 'legal_hold');
    expect((await admin.get(`/api/v1/profiles/${person.id}/retention`)).json()).toMatchObject({ anonymisedAt: null, hold: { reason: 'Civil claim pending' }, canDecide: true });
    expect((await admin.post(`/api/v1/legal-holds/${hold.json().id}/lift`, { reason: 'Claim settled' })).statusCode).toBe(200);
    expectError(await admin.post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version: version + 1 }), 409, 'conflict');

    // A subject access request being answered is the person's first: anonymising waits until it is closed.
    const request = await admin.post(`/api/v1/profiles/${person.id}/subject-access-exports`, { requester: tokens.requester });
    expect(request.statusCode, request.body).toBe(202);
    expectError(await admin.post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version }), 409, 'subject_access_open');
    const cancelled = await admin.post(`/api/v1/subject-access-exports/${request.json().id}/cancel`, { reason: 'The person withdrew the request' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
  });

  it('leaves no trace of the old values anywhere in the database, keeps links, counts, risk and roles, and the chain still verifies', async () => {
    const admin = await t.as(emails.policeAdmin);
    const words = Object.values(tokens);
    expect((await tracesOf(words)).length).toBeGreaterThan(0);
    const before = await admin.get(`/api/v1/profiles/${person.id}`);
    const countsBefore = await countsOf(person.id);

    const response = await admin.post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version: before.json().version });
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json()).sort()).toEqual(['anonymisedAt', 'id']);

    expect(await tracesOf(words)).toEqual([]);
    expect(await countsOf(person.id)).toEqual(countsBefore);
    const after = (await admin.get(`/api/v1/profiles/${person.id}`)).json();
    expect(after).toMatchObject({ firstName: 'Anonymised', lastName: 'person', dateOfBirth: null, phone: null, email: null, riskLevel: 'high', roles: ['witness'], aliases: [] });
    expect(after.approximateAge).toBeGreaterThan(90);
    expect(after.addresses).toEqual([expect.objectContaining({ addressLine1: '[address removed]', postcode: 'NG1' })]);
    expectError(await admin.post(`/api/v1/profiles/${person.id}/anonymise`, { reason, version: after.version }), 409, 'already_anonymised');
    expect((await admin.get(`/api/v1/profiles/${person.id}/retention`)).json()).toMatchObject({ anonymisedAt: response.json().anonymisedAt, hold: null });

    // The event says what was done and why, with counts only.
    const { rows: [event] } = await t.database.pool.query<{ details: { counts: Record<string, number> }; reason: string }>(`
      select e.details, v.reason from audit_events e left join audit_values v on v.event_id = e.id
       where e.action = 'profile.anonymised' and e.entity_id = $1`, [person.id]);
    expect(event).toMatchObject({ reason, details: { counts: expect.objectContaining({ profile: 1, aliases: 1, reports: 2, tasks: 1, messages: 1, safety_plans: 1, referrals: 1, audit_values_searches: 2 }) } });

    const verified = await verifiedChain(t);
    expect(verified).toMatchObject({ intact: true, firstBrokenSeq: null, pending: 0 });
    expect(verified.erased).toBeGreaterThan(0);
  });

  it('keeps the other partnership out', async () => {
    expectError(await (await t.as(emails.other)).get(`/api/v1/profiles/${person.id}/retention`), 404, 'not_found');
  });

  async function countsOf(id: string) {
    const { rows: [row] } = await t.database.pool.query(`
      select (select count(*) from reports where record_kind = 'profile' and record_id = $1)::int as reports,
             (select count(*) from tasks where record_kind = 'profile' and record_id = $1)::int as tasks,
             (select count(*) from case_profiles where profile_id = $1)::int as case_links,
             (select count(*) from profile_relationships where from_profile_id = $1 or to_profile_id = $1)::int as relationships,
             (select count(*) from messages where profile_id = $1)::int as messages,
             (select count(*) from referrals where profile_id = $1)::int as referrals,
             (select count(*) from profile_addresses where profile_id = $1)::int as addresses`, [id]);
    return row;
  }
});
