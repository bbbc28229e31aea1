import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { completed, matrixMedium, victimAnswers } from '../../assessments/assessments.fixtures.ts';
import { createProfile, emails } from '../../sharing/records.fixtures.ts';
import { daysAgoAt, putPlan, recordContact, writeReport } from '../../victim-care/victim-care.fixtures.ts';

// `profile_compliance` is kept by triggers (migration 0021): each write path below changes the
// facts of one profile, and the row must then equal what `profile_compliance_facts` works out
// from the tables themselves. The last test compares every row of the database with the view.

let t: TestApp;
let officer: Agent;
let other: Agent;

interface Facts {
  owner_team_id: string;
  reason_letters: number;
  has_report: boolean;
  last_recorded_at: Date | null;
  has_completed_matrix: boolean;
  matrix_required_since: Date | null;
  open_case_types: string[];
  next_contact_due: string | null;
}

const columns = 'owner_team_id, reason_letters, has_report, last_recorded_at, has_completed_matrix, matrix_required_since, open_case_types, next_contact_due::text';

async function stored(profileId: string): Promise<Facts> {
  const { rows } = await t.database.pool.query<Facts>(`select ${columns} from profile_compliance where profile_id = $1`, [profileId]);
  expect(rows, `no facts for ${profileId}`).toHaveLength(1);
  return rows[0]!;
}

/** The row as the triggers left it, after checking it equals the view's. */
async function factsOf(profileId: string): Promise<Facts> {
  const { rows } = await t.database.pool.query<Facts>(`select ${columns} from profile_compliance_facts where profile_id = $1`, [profileId]);
  const kept = await stored(profileId);
  expect(kept).toEqual(rows[0]);
  return kept;
}

async function ok<T>(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const newProfile = async (body: Record<string, unknown> = {}) => (await createProfile(officer, { reasonCreated: 'Reported by a neighbour', ...body })).id;
const caseTypeId = async (key: string) => (await t.database.pool.query<{ id: string }>(
  `select l.id from lookups l join profiles p on p.partnership_id = l.partnership_id where l.list = 'case_type' and l.key = $1 limit 1`, [key])).rows[0]!.id;

async function openCase(caseType: string, profileIds: string[]): Promise<{ id: string; version: number }> {
  const kase = await ok<{ id: string; version: number }>(officer.post('/api/v1/cases', { caseType, title: 'Noise from the flats above' }), 201);
  for (const profileId of profileIds) await ok(officer.post(`/api/v1/cases/${kase.id}/profiles`, { profileId, role: 'witness' }), 201);
  return kase;
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.as(emails.police);
  other = await t.as(emails.other);
});

afterAll(async () => {
  await t.close();
});

describe('profile_compliance', () => {
  it('has a row with nothing recorded for a new profile, which follows its owner and reason', async () => {
    const profileId = await newProfile();
    const { rows: [owner] } = await t.database.pool.query<{ owner_team_id: string }>('select owner_team_id from profiles where id = $1', [profileId]);
    expect(await factsOf(profileId)).toEqual({
      owner_team_id: owner!.owner_team_id, reason_letters: 'Reportedbyaneighbour'.length, has_report: false, last_recorded_at: null, has_completed_matrix: false,
      matrix_required_since: null, open_case_types: [], next_contact_due: null,
    });
    const { rows: [team] } = await t.database.pool.query<{ id: string }>(
      'select t.id from teams t join organisations o on o.id = t.organisation_id join profiles p on p.partnership_id = o.partnership_id where p.id = $1 and t.id <> p.owner_team_id limit 1', [profileId]);
    await t.database.pool.query(`update profiles set owner_team_id = $2, reason_created = 'n/a' where id = $1`, [profileId, team!.id]);
    expect(await factsOf(profileId)).toMatchObject({ owner_team_id: team!.id, reason_letters: 2 });
  });

  it('follows the contact plan: set, moved on by a contact, and moved to the survivor of a merge', async () => {
    const victim = await newProfile({ roles: ['victim'] });
    const plan = await putPlan(officer, victim, { frequencyDays: 7 });
    expect((await factsOf(victim)).next_contact_due).toBe(plan.nextContactDue);
    await recordContact(officer, victim, { channel: 'phone', reached: true, at: daysAgoAt(3) });
    const moved = await factsOf(victim);
    expect(moved.next_contact_due).not.toBe(plan.nextContactDue);

    const survivor = await newProfile({ roles: ['victim'] });
    await ok((await t.as(emails.lead)).post(`/api/v1/profiles/${survivor}/merge`, { duplicateId: victim, reason: 'The same person' }));
    expect((await factsOf(victim)).next_contact_due).toBeNull();
    expect((await factsOf(survivor)).next_contact_due).toBe(moved.next_contact_due);
  });

  it('follows reports written, moved by a merge and removed', async () => {
    const survivor = await newProfile();
    const duplicate = await newProfile();
    const first = await writeReport(officer, 'profiles', duplicate, 'visit', daysAgoAt(2));
    const second = await writeReport(officer, 'profiles', duplicate, 'visit', daysAgoAt(1));
    const facts = await factsOf(duplicate);
    expect(facts.has_report).toBe(true);
    const { rows: [latest] } = await t.database.pool.query<{ at: Date }>('select max(created_at) as at from reports where id = any($1)', [[first.id, second.id]]);
    expect(facts.last_recorded_at).toEqual(latest!.at);

    await ok((await t.as(emails.lead)).post(`/api/v1/profiles/${survivor}/merge`, { duplicateId: duplicate, reason: 'The same person' }));
    expect((await factsOf(duplicate)).has_report).toBe(false);
    expect((await factsOf(survivor)).has_report).toBe(true);

    await t.database.pool.query('delete from report_versions where report_id = any($1)', [[first.id, second.id]]);
    await t.database.pool.query('delete from reports where id = $1', [second.id]);
    expect(await factsOf(survivor)).toMatchObject({ has_report: true });
    await t.database.pool.query('delete from reports where id = $1', [first.id]);
    expect(await factsOf(survivor)).toMatchObject({ has_report: false, last_recorded_at: null });
  });

  it('follows contacts recorded with the person, and one moved away', async () => {
    const victim = await newProfile({ roles: ['victim'] });
    await putPlan(officer, victim, { frequencyDays: 7 });
    const contact = await recordContact(officer, victim, { channel: 'phone', reached: true, at: daysAgoAt(4) });
    const facts = await factsOf(victim);
    expect(facts.last_recorded_at).not.toBeNull();
    expect(facts.has_report).toBe(false);

    const elsewhere = await newProfile();
    await t.database.pool.query('update victim_contacts set profile_id = $2 where id = $1', [contact.id, elsewhere]);
    expect((await factsOf(victim)).last_recorded_at).toBeNull();
    expect((await factsOf(elsewhere)).last_recorded_at).toEqual(facts.last_recorded_at);
    await t.database.pool.query('delete from victim_contacts where id = $1', [contact.id]);
    expect((await factsOf(elsewhere)).last_recorded_at).toBeNull();
  });

  it('follows the matrix a VICTIM "yes" asks for, from the request to the completed matrix, and a matrix taken back', async () => {
    const victim = await newProfile({ roles: ['victim'] });
    await completed(officer, 'victim-screening', { type: 'profile', id: victim }, victimAnswers(['victim-targeted']));
    const asked = await factsOf(victim);
    expect(asked.matrix_required_since).not.toBeNull();
    expect(asked.has_completed_matrix).toBe(false);

    // A draft saved changes nothing; completing it meets the request.
    const matrix = await completed(officer, 'asb-risk-matrix', { type: 'profile', id: victim }, matrixMedium);
    expect(await factsOf(victim)).toMatchObject({ has_completed_matrix: true, matrix_required_since: null });

    await t.database.pool.query(`update assessments set status = 'draft', completed_at = null where id = $1`, [matrix.id]);
    expect(await factsOf(victim)).toMatchObject({ has_completed_matrix: false });
    await t.database.pool.query(`update assessment_requirements set met_at = null, met_by_assessment_id = null where record_id = $1`, [victim]);
    expect((await factsOf(victim)).matrix_required_since).toEqual(asked.matrix_required_since);
  });

  it('follows the open cases a person is on: linked, closed, reopened, retyped and unlinked', async () => {
    const neighbour = await newProfile();
    const asb = await caseTypeId('asb');
    const kase = await openCase('asb', [neighbour]);
    expect((await factsOf(neighbour)).open_case_types).toEqual([asb]);

    const second = await openCase('asb', [neighbour]);
    expect((await factsOf(neighbour)).open_case_types).toEqual([asb]);
    await ok(officer.post(`/api/v1/cases/${second.id}/close`, { version: second.version, outcome: 'Resolved', reason: 'The noise stopped' }));
    expect((await factsOf(neighbour)).open_case_types).toEqual([asb]);
    await ok(officer.post(`/api/v1/cases/${kase.id}/close`, { version: kase.version, outcome: 'Resolved', reason: 'The noise stopped' }));
    expect((await factsOf(neighbour)).open_case_types).toEqual([]);

    await t.database.pool.query(`update cases set status = 'open', closed_at = null where id = $1`, [kase.id]);
    expect((await factsOf(neighbour)).open_case_types).toEqual([asb]);
    const { rows: [retyped] } = await t.database.pool.query<{ id: string }>(
      `select l.id from lookups l join cases c on c.partnership_id = l.partnership_id where c.id = $1 and l.list = 'case_type' and l.id <> $2 limit 1`, [kase.id, asb]);
    await t.database.pool.query('update cases set case_type_id = $2 where id = $1', [kase.id, retyped!.id]);
    expect((await factsOf(neighbour)).open_case_types).toEqual([retyped!.id]);

    const moved = await newProfile();
    await t.database.pool.query('update case_profiles set profile_id = $2 where case_id = $1 and profile_id = $3', [kase.id, moved, neighbour]);
    expect((await factsOf(neighbour)).open_case_types).toEqual([]);
    expect((await factsOf(moved)).open_case_types).toEqual([retyped!.id]);
    await t.database.pool.query('delete from case_profiles where case_id = $1', [kase.id]);
    expect((await factsOf(moved)).open_case_types).toEqual([]);
  });

  it('keeps another partnership\'s profiles as their own writes leave them', async () => {
    const theirs = (await createProfile(other, { reasonCreated: 'n/a' })).id;
    await writeReport(other, 'profiles', theirs, 'visit', daysAgoAt(1));
    expect((await factsOf(theirs)).has_report).toBe(true);
  });

  it('rebuilds to what the triggers keep, and every profile has its row', async () => {
    const drift = `select count(*)::int as count from profiles p
      left join profile_compliance f on f.profile_id = p.id
      join profile_compliance_facts v on v.profile_id = p.id
     where f.profile_id is null or (f.owner_team_id, f.reason_letters, f.next_contact_due, f.has_report, f.last_recorded_at, f.has_completed_matrix, f.matrix_required_since, f.open_case_types)
       is distinct from (v.owner_team_id, v.reason_letters, v.next_contact_due, v.has_report, v.last_recorded_at, v.has_completed_matrix, v.matrix_required_since, v.open_case_types)`;
    expect((await t.database.pool.query<{ count: number }>(drift)).rows[0]!.count).toBe(0);
    await t.database.pool.query('update profile_compliance set has_report = not has_report');
    expect((await t.database.pool.query<{ count: number }>(drift)).rows[0]!.count).toBeGreaterThan(0);
    await t.database.pool.query('select profile_compliance_rebuild()');
    expect((await t.database.pool.query<{ count: number }>(drift)).rows[0]!.count).toBe(0);
  });
});

// Two writers on one profile at once need two connections: the embedded database has one.
describe.runIf(process.env.TEST_DATABASE_URL)('with two writers on one profile (PostgreSQL)', () => {
  let first: pg.PoolClient;
  let second: pg.PoolClient;

  beforeAll(async () => {
    first = await t.database.pool.connect();
    second = await t.database.pool.connect();
  });

  afterAll(() => {
    first.release();
    second.release();
  });

  it('leaves the facts both committed, whichever writer waits for the other', async () => {
    for (const removerFirst of [true, false]) {
      const profileId = await newProfile();
      const kept = await writeReport(officer, 'profiles', profileId, 'visit', daysAgoAt(1));
      const removed = await writeReport(officer, 'profiles', profileId, 'visit', daysAgoAt(2));
      // One takes away a report (working the facts out again), the other moves another report
      // onto the profile: whichever commits second must see what the first committed.
      const elsewhere = await newProfile();
      const coming = await writeReport(officer, 'profiles', elsewhere, 'visit', daysAgoAt(3));
      await t.database.pool.query('delete from report_versions where report_id = $1', [removed.id]);
      await t.database.pool.query('delete from report_versions where report_id = $1', [kept.id]);
      await t.database.pool.query('delete from reports where id = $1', [kept.id]);

      const [a, b] = removerFirst ? [first, second] : [second, first];
      await a.query('begin');
      await b.query('begin');
      const remove = () => (removerFirst ? a : b).query('delete from reports where id = $1', [removed.id]);
      const move = () => (removerFirst ? b : a).query('update reports set record_id = $2 where id = $1', [coming.id, profileId]);
      await (removerFirst ? remove() : move());
      const waiting = removerFirst ? move() : remove();
      await a.query('commit');
      await waiting;
      await b.query('commit');
      expect(await factsOf(profileId)).toMatchObject({ has_report: true });
    }
  });
});
